// Types shared by the domain, the sheets layer, the sidebars (via `import type`) and the CLI.
// Everything crossing google.script.run is a plain object with ISO date strings, never a Date.

/** ISO calendar date `YYYY-MM-DD`. */
export type IsoDate = string;

export interface Period {
  start: IsoDate;
  end: IsoDate;
}

export type DeadlineKind = 'dated' | 'continuous' | 'recurring' | 'conditional' | 'unparsed';

export interface DeadlineWindow {
  start: IsoDate;
  end: IsoDate;
}

export interface Recurrence {
  /** yearly: once a year; times-per-year: `times` per year; quarterly; monthly. */
  frequency: 'yearly' | 'times-per-year' | 'quarterly' | 'monthly';
  /** For times-per-year: how many times («не реже двух раз в год» → 2). */
  times?: number;
  /** For yearly: every `interval` years («не реже одного раза в два года» → 2); absent means every year. */
  interval?: number;
  /** The recurrence ends on this date («далее – ежегодно до 1 февраля 2024 года»). */
  until?: IsoDate;
}

export interface Deadline {
  /** The original text, always kept. */
  text: string;
  kind: DeadlineKind;
  recurrence: Recurrence | null;
  windows: DeadlineWindow[];
  warnings?: string[];
}

export interface SourceRef {
  /** 1-based line (row) of the input the item came from. */
  line: number;
}

export interface RoadmapSection {
  number: string;
  title: string;
  deadline: Deadline | null;
  responsible: string[];
  source?: SourceRef;
}

export interface RoadmapActivity {
  number: string;
  /** `number` of an entry of Roadmap.sections, or '' when the roadmap has no sections. */
  section: string;
  title: string;
  result: string;
  /** Result document column («Документы, закрепляющие результат»), when the roadmap has one. */
  document?: string;
  responsible: string[];
  deadline: Deadline;
  source: SourceRef;
  /** Original cell texts keyed by column role, before markup stripping and merging. */
  original?: Record<string, string>;
}

export interface ImportWarning {
  line: number;
  message: string;
}

export interface Roadmap {
  title: string;
  period: Period | null;
  sections: RoadmapSection[];
  activities: RoadmapActivity[];
  warnings: ImportWarning[];
}
