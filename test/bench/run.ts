// `npm run bench`: numbers, not pass/fail. Deadline parser against chrono-node, matching against greedy,
// and the add-on's own operations through the built bundle (custom functions on 10,000 rows, a 2,000-activity
// import) with their service-call counts.
import { performance } from 'node:perf_hooks';
import { createRuntime, loadAddon } from '../../local/runtime';
import { syntheticRoadmap, workbookWithRoadmap } from '../harness/workbooks';

function time<T>(f: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = f();
  return { ms: performance.now() - t, value };
}

function addonBench(): string {
  const now = new Date('2023-10-10T10:00:00+03:00');
  const lines = ['Add-on operations through dist/Code.js (local runtime)', ''];
  const texts = ['сентябрь 2023 г.', 'ежегодно, май', 'в течение учебного года', 'с 01.09.2023 г. по 31.10.2023 г.', 'IV квартал 2023 г.', 'по согласованию'];
  const addon = loadAddon(createRuntime({ now }));
  const range = Array.from({ length: 10000 }, (_, i) => [texts[i % texts.length]]);
  const deadline = time(() => addon.custom('ROADMAP_DEADLINE', range, '01.09.2023', '31.08.2024'));
  lines.push(`ROADMAP_DEADLINE on 10,000 rows: ${deadline.ms.toFixed(0)} ms (limit 30,000 ms)`);
  const ends = Array.from({ length: 10000 }, (_, i) => [new Date(2023, i % 12, 15)]);
  const status = time(() => addon.custom('ROADMAP_STATUS', ends, '', '', '10.10.2023'));
  lines.push(`ROADMAP_STATUS on 10,000 rows:   ${status.ms.toFixed(0)} ms`);

  for (const n of [20, 2000]) {
    const rt = createRuntime({ spreadsheet: workbookWithRoadmap(syntheticRoadmap(n), now), now });
    const a = loadAddon(rt);
    const sel = a.callFromClient('importSelectionInfo', []) as { range: string };
    const req = { source: 'selection', range: sel.range };
    rt.env.counter.reset();
    const preview = time(() => a.callFromClient('importPreview', [req]));
    const previewCalls = rt.env.counter.total;
    rt.env.counter.reset();
    const apply = time(() => a.callFromClient('importApply', [req]));
    lines.push(`import of ${String(n).padStart(4)} activities: preview ${preview.ms.toFixed(0)} ms / ${previewCalls} calls, ` +
      `apply ${apply.ms.toFixed(0)} ms / ${rt.env.counter.total} calls`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const want = (name: string) => only.length === 0 || only.includes(name);
  const sections: string[] = [];
  if (want('deadline')) sections.push(await (await import('./deadline.bench')).runDeadlineBench());
  if (want('matching')) sections.push(await (await import('./matching.bench')).runMatchingBench());
  if (want('indicators')) sections.push(await (await import('./indicators.bench')).runIndicatorsBench());
  if (want('addon')) sections.push(addonBench());
  console.log(sections.join('\n\n' + '-'.repeat(100) + '\n\n'));
}

void main();
