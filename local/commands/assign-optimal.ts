// `assign-optimal FILE.json [--priority score|coverage] [--json]`: the exact mentor–mentee assignment of a JSON
// pool {"mentors":[{"id","capacity"}], "mentees":[{"id"}], "scores":[[menteeId, mentorId, score]]}.
// With --json it prints exactly {"pairs":[[mentee, mentor]...],"total":…,"matched":…}; without, a summary for a
// person, compared with the greedy baseline.
import { readFile } from 'node:fs/promises';
import {
  assignGreedy,
  assignOptimal,
  validateAssignInput,
  type AssignInput,
  type AssignResult,
  type MatchPriority,
} from '../../src/domain/matching';
import { formatUpTo, plural } from '../../src/domain/russian';

const USAGE = 'usage: assign-optimal FILE.json [--priority score|coverage] [--json]';

interface Options {
  file: string;
  priority: MatchPriority;
  json: boolean;
}

function parseArgs(args: string[]): Options | string {
  let file: string | undefined;
  let priority: MatchPriority = 'score';
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--priority' || a.startsWith('--priority=')) {
      const value = a === '--priority' ? args[++i] : a.slice('--priority='.length);
      if (value !== 'score' && value !== 'coverage') return `--priority: ожидается score или coverage, получено «${value ?? ''}»`;
      priority = value;
    } else if (a.startsWith('-') && a !== '-') return `неизвестный параметр ${a}`;
    else if (file === undefined) file = a;
    else return `лишний аргумент ${a}`;
  }
  if (file === undefined) return 'не указан файл с данными (JSON)';
  return { file, priority, json };
}

/** Six decimals hide the float noise of summing scores (0.1 + 0.2) without touching real precision. */
export function roundTotal(x: number): number {
  const r = Math.round(x * 1e6) / 1e6;
  return Object.is(r, -0) ? 0 : r;
}

/** The exact --json line: key order pairs, total, matched. */
export function resultJson(r: AssignResult): string {
  return JSON.stringify({ pairs: r.pairs, total: roundTotal(r.total), matched: r.matched });
}

function cpuMs(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

function summary(input: AssignInput, opt: Options, best: AssignResult, bestMs: number): string {
  const t0 = process.cpuUsage();
  const greedy = assignGreedy(input, opt.priority);
  const greedyMs = cpuMs(t0);
  const n = input.mentees.length;
  const places = input.mentors.reduce((s, m) => s + m.capacity, 0);
  const lines = [
    `Оптимальное распределение (${opt.priority === 'score' ? 'максимум суммарной оценки' : 'сначала охват, затем оценка'})`,
    `Наставляемых: ${n}, наставников: ${input.mentors.length}, мест: ${places}, допустимых пар: ${input.scores.length}`,
    `Распределено: ${best.matched} из ${n} ${plural(n, ['наставляемого', 'наставляемых', 'наставляемых'])}, ` +
      `суммарная оценка ${formatUpTo(roundTotal(best.total), 6)} (${formatUpTo(bestMs, 0)} мс)`,
    `Жадный выбор:  ${greedy.matched} из ${n}, суммарная оценка ${formatUpTo(roundTotal(greedy.total), 6)} ` +
      `(${formatUpTo(greedyMs, 0)} мс)`,
  ];
  const unmatched = n - best.matched;
  if (unmatched > 0) lines.push(`Без наставника: ${unmatched}`);
  if (best.pairs.length) {
    lines.push('', 'Наставляемый\tНаставник');
    for (const [e, m] of best.pairs) lines.push(`${e}\t${m}`);
  }
  return lines.join('\n');
}

export async function assignOptimalCommand(args: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const opt = parseArgs(args);
  if (typeof opt === 'string') {
    err(`${opt}. ${USAGE}`);
    return 1;
  }
  let text: string;
  try {
    text = await readFile(opt.file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    err(code === 'ENOENT' ? `файл не найден: ${opt.file}` : `не удалось прочитать ${opt.file}: ${(e as Error).message}`);
    return 1;
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    err(`не JSON: ${opt.file}: ${(e as Error).message.split('\n')[0]}`);
    return 1;
  }
  const problem = validateAssignInput(json);
  if (problem) {
    err(problem);
    return 1;
  }
  const input = json as AssignInput;
  const t0 = process.cpuUsage();
  const best = assignOptimal(input, opt.priority);
  const ms = cpuMs(t0);
  out(opt.json ? resultJson(best) : summary(input, opt, best, ms));
  return 0;
}
