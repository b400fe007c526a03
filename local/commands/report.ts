// `report [--as-of DATE] [--anonymised|--with-names] [--out FILE]`: the same report the add-on produces,
// rendered from the demo workbook through the built bundle and saved as .docx.
import fs from 'node:fs';
import path from 'node:path';
import { prepareDemo, writeReport } from './demo';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export async function reportCommand(args: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let asOf = '2023-12-05';
  let file = 'out/report.docx';
  let anonymised = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--as-of') asOf = args[++i] ?? '';
    else if (a === '--out') file = args[++i] ?? '';
    else if (a === '--anonymised') anonymised = true;
    else if (a === '--with-names') anonymised = false;
    else {
      err(`unknown option: ${a}`);
      return 1;
    }
  }
  if (!ISO.test(asOf) || isNaN(Date.parse(asOf))) {
    err(`--as-of must be a date YYYY-MM-DD, got «${asOf}»`);
    return 1;
  }
  if (!file) {
    err('--out needs a file name');
    return 1;
  }
  if (!fs.existsSync('dist/Code.js')) {
    err('dist/Code.js is missing: run `npm run build` first');
    return 1;
  }
  const { addon, log } = prepareDemo(new Date(`${asOf}T10:00:00+03:00`));
  const made = await writeReport(addon, file, anonymised);
  for (const line of log) out(line);
  out(`Справка «${made.name}»${anonymised ? ' (обезличенная)' : ''}: ${path.resolve(file)}`);
  return 0;
}
