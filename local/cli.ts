// The offline command line: `npm run -s cli -- <command> [options]`. Each command lives in local/commands/.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

interface Command {
  summary: string;
  usage: string;
  run(args: string[], out: (s: string) => void, err: (s: string) => void): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  demo: {
    summary: 'build a sample municipality workbook through the add-on and write out/tracker.xlsx',
    usage: 'demo [--out DIR]',
    run: async (args, out, err) => (await import('./commands/demo')).demoCommand(args, out, err),
  },
  report: {
    summary: 'produce the monitoring report from the demo workbook through the add-on, saved as out/report.docx',
    usage: 'report [--as-of YYYY-MM-DD] [--anonymised|--with-names] [--out FILE]',
    run: async (args, out, err) => (await import('./commands/report')).reportCommand(args, out, err),
  },
  indicators: {
    summary: 'every coverage indicator of a tracker workbook (.xlsx) by organisation, kind and in total, with targets',
    usage: 'indicators WORKBOOK.xlsx [--as-of YYYY-MM-DD] [--json]',
    run: async (args, out, err) => (await import('./commands/indicators')).indicatorsCommand(args, out, err),
  },
  'import-roadmap': {
    summary: 'parse a roadmap (.txt/.tsv/.csv/.xlsx/.docx) into activities and deadlines',
    usage: 'import-roadmap FILE [--period START..END] [--json]',
    run: async (args, out, err) => (await import('./commands/import-roadmap')).importRoadmapCommand(args, out, err),
  },
  'import-people': {
    summary: 'read a list of teachers (.xlsx/.csv/.tsv) into mentor, mentee or organisation records',
    usage: 'import-people FILE [--role mentor|mentee|organisation] [--sheet NAME] [--json]',
    run: async (args, out, err) => (await import('./commands/import-people')).importPeopleCommand(args, out, err),
  },
  'assign-optimal': {
    summary: 'optimal mentor–mentee assignment for a JSON pool (exact, respects capacities)',
    usage: 'assign-optimal FILE.json [--priority score|coverage] [--json]',
    run: async (args, out, err) => (await import('./commands/assign-optimal')).assignOptimalCommand(args, out, err),
  },
};

export function helpText(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  return [
    'Наставник — offline tools (the add-on run locally over in-memory Apps Script services)',
    '',
    'usage: npm run -s cli -- <command> [options]',
    '',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Each command also accepts --help.',
  ].join('\n');
}

export async function main(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s + '\n'),
  err: (s: string) => void = (s) => process.stderr.write(s + '\n'),
): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out(helpText());
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    err(`unknown command: ${name} (see --help)`);
    return 1;
  }
  if (args.includes('--help') || args.includes('-h')) {
    out(`usage: npm run -s cli -- ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  try {
    return await command.run(args, out, err);
  } catch (e) {
    err(`error: ${(e as Error).message}`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
