// The roadmap table normaliser: rows of cells (from text, a sheet, a Word table) in, the Roadmap contract out.
//
// Rules, in the order they apply:
// 1. The table is the one whose header means «activity» and «deadline» (roadmap-locate.ts); text above it
//    gives the title and the plan period, text around it is context and never becomes a warning.
// 2. Each row is page furniture (a repeated header, column numbers, a page number), a section, a new
//    activity, or the continuation of the previous item:
//    - numbered rows are activities, except: single-level numbers («1.») followed by their own sub-items
//      («1.1.») when most single numbers are; numbered rows without deadline and responsible that are bold,
//      have sub-items, or sit right above a row restarting the numbering; Roman numerals; «Раздел N»; stage
//      rows («ОСНОВНОЙ ЭТАП»); a lone cell spanning the row; text in the number column; each new value of
//      a direction/stage column («Направление деятельности», «Наименование этапа»);
//    - a row without a number continues the previous item (page break) when it has no title of its own, when
//      its text starts in lower case, or when the cell above stops mid-phrase (comma, preposition, open
//      quote, a month waiting for its year); otherwise it is a new activity that gets a number from its
//      neighbours («4», or «2а» when «3» is taken) and a warning;
//    - a row repeating the previous number with no title is the second half of that activity (merged
//      cells): its deadline is a second date («Август 2024 г.; Декабрь 2024 г.»).
// 3. Section numbers: the printed one («1», «II», «Раздел 2» → 2), else «Р1», «Р2», … counting unnumbered
//    sections in order of appearance («Р» for «раздел»; never confused with printed Arabic or Roman ones).
//    When activity numbers repeat across sections (numbering restarts under each stage), every activity
//    number is prefixed with its section number («Р3.1»); when no activity has a number but the sections
//    do, activities count within their section («1.1», «1.2»). The printed number stays in `original.number`.
// 4. Every line with text lands in the title, the context, a header, a section, an activity or a warning;
//    the trace returned by the *Traced functions says which (test/unit/roadmap-invariant.ts checks it).
import { parseDeadline } from './deadline';
import type { Deadline, ImportWarning, Period, Roadmap, RoadmapActivity, RoadmapSection } from './types';
import {
  cleanCellText,
  endsClosed,
  endsOpen,
  flatText,
  hasText,
  isAllCapsHeading,
  isBoldMarkup,
  joinContinuation,
  startsLowercase,
  startsUppercase,
} from './roadmap-text';
import {
  ROLE_LABELS,
  isColumnNumberRow,
  looksLikeDeadline,
  looksLikeParty,
  matchHeader,
  parseItemNumber,
  parseRoman,
  repeatsHeader,
  onlyDates,
  repeatsHeaderText,
  type ColumnRole,
} from './roadmap-header';
import {
  locateRoadmapTable,
  roadmapRowLike,
  rowHasText,
  signatureRow,
  textToGrid,
  type GridRow,
  type TableRegion,
} from './roadmap-locate';
import { findTitle, periodFromText, type TextLine } from './roadmap-period';
import { refineParties, splitResponsible } from './responsible';
import { RoadmapInputError } from './roadmap-error';
import { layoutToGrid, traceJoinedLines } from './roadmap-layout';

/** A cell as text readers give it, or as `Range.getValues()` does (numbers, booleans, dates). */
export type CellInput = string | number | boolean | Date | null | undefined;

export interface RoadmapInput {
  /** Table rows (cells), header included; rows above the header are read as text around the table. */
  rows: CellInput[][];
  /** Lines of text before the table; `before[i]` is line i + 1. */
  before?: string[];
  /** Lines of text after the table, numbered on from the last row. */
  after?: string[];
  /** 1-based source line of each row; defaults to numbering on from `before`. */
  lineOf?: number[];
  /** Overrides the period read from the title. */
  period?: Period | null;
}

export type LineUse = 'title' | 'context' | 'header' | 'section' | 'activity' | 'warning';

export interface LineTrace {
  line: number;
  use: LineUse;
  /** Number of the section or activity the line went into. */
  ref?: string;
}

export interface TracedRoadmap {
  roadmap: Roadmap;
  trace: LineTrace[];
}

/** Sections keep the text of their other columns too: a section row often states its own task and result. */
export interface RoadmapSectionWithText extends RoadmapSection {
  result?: string;
  document?: string;
}

type TextRole = 'title' | 'result' | 'document' | 'deadline' | 'responsible';
const TEXT_ROLES: TextRole[] = ['title', 'result', 'document', 'deadline', 'responsible'];

interface Draft {
  kind: 'activity' | 'section';
  line: number;
  /** Number as printed, normalised («1.1.» → «1.1»); '' when none. */
  printed: string;
  /** Raw text of the number cell. */
  printedRaw: string;
  text: Record<TextRole, string>;
  extra: Record<string, string>;
  raw: Record<string, string[]>;
  /** Index of the section draft this activity sits in, -1 outside sections. */
  section: number;
  number: string;
  inferred: boolean;
}

interface RowView {
  line: number;
  /** Cells by column; a line of running text has one cell in no column. */
  raw: string[];
  clean: string[];
  columnKnown: boolean;
  filled: number[];
}

type Join = 'continue' | 'second-half';

const MONTH_END = /(январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)\S*\.?$/i;
const SECTION_WORD = /^(раздел|этап|блок|модуль)(?!\p{L})|^([IVXLC]+|\d+)\s*(этап|раздел)(?!\p{L})|(^|[^\p{L}])этап[\s.:]*$/iu;

const YEAR_HEADING = /^(19|20)\d{2}(\s*[–-]\s*(19|20)\d{2})?\s*(год|годы|гг?\.?|г\.\s*г\.?)$/i;

const PAGE_FURNITURE = /^([-–—]?\s*\d{1,3}\s*[-–—]?|стр(аница)?\.?\s*\d{1,3}(\s*из\s*\d{1,3})?|(продолжение|окончание)(\s+(таблицы|приложения))?(\s*\d+)?\.?)$/i;

/** The deadline above stops mid-phrase, or on a bare month that `next` completes with its year. */
function deadlineOpen(text: string, next?: string): boolean {
  return endsOpen(text) || (MONTH_END.test(text.trim()) && (next === undefined || /^\d{4}/.test(next.trim())));
}

class Normaliser {
  private readonly warnings: ImportWarning[] = [];
  private readonly trace: LineTrace[] = [];
  private readonly drafts: Draft[] = [];
  private readonly traceRefs = new Map<number, Draft[]>();
  private current: Draft | null = null;
  private currentSection = -1;
  private readonly numberCol: number;
  /** The deadline column stands left of the activity column: it groups rows rather than dating each one. */
  private readonly deadlineLeads: boolean;

  constructor(
    private readonly grid: GridRow[],
    private readonly region: TableRegion,
    private readonly periodOverride: Period | null | undefined,
  ) {
    this.numberCol = region.roles.indexOf('number');
    const deadlineCol = region.roles.indexOf('deadline');
    this.deadlineLeads = deadlineCol >= 0 && deadlineCol < region.roles.indexOf('title');
  }

  run(): TracedRoadmap {
    const { grid, region } = this;
    const beforeLines: TextLine[] = grid
      .slice(0, region.start)
      .map((r) => ({ line: r.line, text: r.cells.filter(hasText).join(' ') }));
    const titleBlock = findTitle(beforeLines);
    const titleLines = new Set(titleBlock.lines);
    for (const r of grid.slice(0, region.start)) {
      if (rowHasText(r)) this.trace.push({ line: r.line, use: titleLines.has(r.line) ? 'title' : 'context' });
    }
    const period = this.findPeriod(titleBlock.title, beforeLines);

    const headerRows = region.header ? region.header.rows : 0;
    for (let i = region.start; i < region.start + headerRows; i++) {
      if (rowHasText(grid[i])) this.trace.push({ line: grid[i].line, use: 'header' });
    }
    const views = grid.slice(region.start + headerRows, region.end).map((r) => this.view(r));
    const sectionRows = this.hierarchicalSections(views);
    views.forEach((v, i) => this.take(v, sectionRows.has(i)));

    for (const r of grid.slice(region.end)) if (rowHasText(r)) this.trace.push({ line: r.line, use: 'context' });
    this.warnRowsAfterTable();
    for (const line of region.otherTables) {
      this.warn(line, 'В документе есть ещё одна таблица мероприятий: импортирована только первая подходящая.');
    }
    this.warnExtraColumns();
    return this.build(titleBlock.title, period);
  }

  // ---- reading rows -------------------------------------------------------------------------------------

  private view(row: GridRow): RowView {
    const columnKnown = row.tabular || row.cells.length > 1;
    const raw = row.cells.map((c) => c ?? '');
    const clean = raw.map((c) => cleanCellText(c));
    let filled: number[] = [];
    clean.forEach((c, i) => {
      if (hasText(c)) filled.push(i);
    });
    // Some converters copy a merged cell's text into every cell it covered: that is one spanning cell.
    if (filled.length > 2 && filled.every((i) => clean[i] === clean[filled[0]])) {
      for (const i of filled.slice(1)) {
        raw[i] = '';
        clean[i] = '';
      }
      filled = filled.slice(0, 1);
    }
    return { line: row.line, raw, clean, columnKnown, filled };
  }

  private roleOf(v: RowView, col: number): ColumnRole | null {
    return v.columnKnown ? (this.region.roles[col] ?? 'extra') : null;
  }

  private value(v: RowView, role: TextRole): string {
    if (!v.columnKnown) return '';
    const parts: string[] = [];
    this.region.roles.forEach((r, i) => {
      if (r === role && hasText(v.clean[i] ?? '')) parts.push(v.clean[i]);
    });
    if (role === 'responsible') return parts.join('\n');
    const sep = role === 'deadline' ? ' – ' : ' ';
    return parts.map(flatText).join(sep);
  }

  private numberText(v: RowView): string {
    return v.columnKnown && this.numberCol >= 0 ? flatText(v.clean[this.numberCol] ?? '') : '';
  }

  /**
   * Single-level numbers followed by their own sub-items are sections («1.» then «1.1.»), when most single
   * numbers do so; otherwise only those that carry no deadline and no responsible of their own.
   */
  private hierarchicalSections(views: RowView[]): Set<number> {
    const numbered: Array<{ index: number; number: string; bare: boolean; bold: boolean }> = [];
    const titleCol = this.region.roles.indexOf('title');
    views.forEach((v, index) => {
      const n = parseItemNumber(this.numberText(v));
      if (n !== null) {
        const bare = this.value(v, 'deadline') === '' && this.value(v, 'responsible') === '';
        const bold = titleCol >= 0 && v.columnKnown && isBoldMarkup(v.raw[titleCol] ?? '');
        numbered.push({ index, number: n, bare, bold });
      }
    });
    const withChildren = numbered.filter((e, k) => numbered[k + 1]?.number.startsWith(`${e.number}.`));
    const singles = numbered.filter((e) => !e.number.includes('.'));
    const singleParents = withChildren.filter((e) => !e.number.includes('.'));
    const hierarchical = singles.length > 0 && singleParents.length / singles.length >= 0.5;
    const out = new Set<number>();
    for (const e of withChildren) {
      if (e.bare || (hierarchical && !e.number.includes('.'))) out.add(e.index);
    }
    // A bare numbered row in bold, or one right above a row that restarts the numbering («2. Методическая
    // работа» then «1. Семинар»), heads the items below it.
    const byIndex = new Map(numbered.map((e) => [e.index, e]));
    const top = (n: string): number => Number(n.split('.')[0].replace(/\D+$/, ''));
    for (const e of numbered) {
      if (!e.bare) continue;
      let k = e.index + 1;
      while (k < views.length && !views[k].filled.length) k++;
      const next = byIndex.get(k);
      const restarts = next !== undefined && !next.number.startsWith(`${e.number}.`) && top(next.number) <= top(e.number);
      if (e.bold || restarts) out.add(e.index);
    }
    return out;
  }

  private take(v: RowView, numberedSection: boolean): void {
    if (!v.filled.length) return;
    const header = this.region.header;
    const repeated =
      header !== null && (v.columnKnown ? repeatsHeader(header, v.clean) : repeatsHeaderText(header, v.clean.join(' ')));
    if (repeated || (v.columnKnown && isColumnNumberRow(v.clean))) {
      this.trace.push({ line: v.line, use: 'header' });
      return;
    }
    // Page furniture between the parts of a table cut by page breaks: «- 2 -», «Продолжение таблицы».
    if (v.filled.length === 1 && PAGE_FURNITURE.test(flatText(v.clean[v.filled[0]])) && (!v.columnKnown || v.filled[0] !== this.numberCol)) {
      this.trace.push({ line: v.line, use: 'header' });
      return;
    }
    const groupCol = v.columnKnown ? this.region.roles.indexOf('group') : -1;
    if (groupCol >= 0 && hasText(v.clean[groupCol] ?? '')) {
      v = this.takeGroup(v, groupCol);
      if (!v.filled.length) return;
    }
    const numText = this.numberText(v);
    // «1.1. Разработка…» in the number column with the rest of the row filled is an activity whose number
    // and title were not split; alone on its row it is a heading («1. Нормативно-правовое обеспечение»).
    const glued = v.filled.length > 1 ? /^(\d{1,3}(?:\.\d{1,3})*)[.)]?\s*(\p{Lu}.*)$/u.exec(numText) : null;
    const number = parseItemNumber(numText) ?? (glued && this.value(v, 'title') === '' ? glued[1] : null);
    if (number !== null) {
      this.numbered(v, number, glued && parseItemNumber(numText) === null ? glued[2] : '', numberedSection);
      return;
    }
    const roman = parseRoman(numText);
    if (roman !== null) {
      this.openSection(v, roman, this.value(v, 'title'), 'cells');
      return;
    }
    if (numText !== '') {
      this.textInNumberColumn(v, numText);
      return;
    }
    if (v.filled.length === 1) {
      this.singleCell(v);
      return;
    }
    this.unnumberedRow(v);
  }

  private numbered(v: RowView, number: string, gluedTitle: string, numberedSection: boolean): void {
    const title = gluedTitle || this.value(v, 'title');
    const prev = this.current;
    if (title === '' && prev && prev.printed === number) {
      this.merge(prev, v, 'second-half');
      this.warn(v.line, `Строка с повторным номером ${number} без названия объединена с предыдущей строкой.`);
      return;
    }
    // Some exports repeat the number on the row a page break cut off.
    if (prev && prev.printed === number && (startsLowercase(title) || endsOpen(prev.text.title))) {
      this.merge(prev, v, 'continue');
      return;
    }
    const onlyTitle = TEXT_ROLES.every((r) => r === 'title' || this.value(v, r) === '');
    const headingTitle = onlyTitle && (isAllCapsHeading(title) || SECTION_WORD.test(title));
    if (numberedSection || headingTitle) {
      this.openSection(v, number, title, 'cells');
      return;
    }
    const d = this.newDraft('activity', v, number);
    if (gluedTitle) d.text.title = gluedTitle;
  }

  private textInNumberColumn(v: RowView, text: string): void {
    if (startsLowercase(text) && this.current) {
      this.merge(this.current, v, 'continue', this.guessTarget(this.current, text));
      return;
    }
    const heading = parseHeading(text);
    const titleCell = this.value(v, 'title');
    // «Этап 1» in the number column with «Подготовительный» beside it: the section is named by both.
    const title = [heading.rest, titleCell].filter((t) => t !== '').join(heading.rest && !/[.:]$/.test(heading.rest) ? '. ' : ' ');
    this.openSection(v, heading.number, title, 'cells');
  }

  /**
   * A value in the group column opens a section (or continues its name when cut by a page break); the rest
   * of the row is read without it.
   */
  private takeGroup(v: RowView, col: number): RowView {
    const text = flatText(v.clean[col]);
    const section = this.currentSection >= 0 ? this.drafts[this.currentSection] : null;
    const rest: RowView = { ...v, raw: [...v.raw], clean: [...v.clean], filled: v.filled.filter((i) => i !== col) };
    rest.raw[col] = '';
    rest.clean[col] = '';
    const only: RowView = { ...v, filled: [col] };
    if (section && startsLowercase(text)) {
      this.merge(section, only, 'continue', 'title');
    } else if (!section || section.text.title !== text) {
      const h = parseHeading(text);
      // A number on the row that opens a group numbers the group («1. | Подготовительный этап | …»).
      const own = this.numberCol >= 0 ? parseItemNumber(this.numberText(v)) : null;
      const d = this.newDraft('section', only, h.number || own || '', 'title');
      d.text.title = h.rest || text;
      if (own !== null && !h.number) {
        (d.raw.number ??= []).push(rest.raw[this.numberCol]);
        rest.raw[this.numberCol] = '';
        rest.clean[this.numberCol] = '';
        rest.filled = rest.filled.filter((i) => i !== this.numberCol);
      }
      // What follows on this row starts the section's first item; it continues nothing above.
      if (rest.filled.length) this.current = null;
    } else {
      this.traceTo(v.line, section);
    }
    return rest;
  }

  /** One filled cell: a heading spanning the width, or a piece of the previous row cut by a page break. */
  private singleCell(v: RowView): void {
    const col = v.filled[0];
    const role = this.roleOf(v, col);
    const text = flatText(v.clean[col]);
    const prev = this.current;
    const heading = (): void => {
      const h = parseHeading(text);
      this.openSection(v, h.number, h.rest || text, 'heading');
    };
    if (!prev) {
      if (role === null || role === 'title' || role === 'number' || col === 0 || startsUppercase(text)) heading();
      else this.unplaced(v, 'Строка вне мероприятий');
      return;
    }
    const target: TextRole = role && isTextRole(role) ? role : this.guessTarget(prev, text);
    if (startsLowercase(text)) {
      this.merge(prev, v, 'continue', target);
      return;
    }
    // A page break leaves the rest of a cell in that cell's own column. Text alone in the number column is
    // therefore a row-wide heading («2025 год», «Направление 2»), and so is a line that is only a year: a
    // deadline cut after a bare month goes on in its column («2022. сентябрь 2023»), not as «2025 год».
    if (role === 'number' || (role === null && YEAR_HEADING.test(text))) {
      heading();
      return;
    }
    // Bold alone marks a heading only where the text does not continue a cell left open above.
    const bold = isBoldMarkup(v.raw[col] ?? '');
    if (isAllCapsHeading(text) || SECTION_WORD.test(text) || /^([IVXLC]+|\d{1,2})[.)]\s+\p{Lu}/u.test(text)) {
      heading();
      return;
    }
    if (role === 'deadline' && looksLikeDeadline(text)) {
      this.merge(prev, v, 'continue', 'deadline');
      return;
    }
    if (role === 'responsible' && (looksLikeParty(text) || (prev.text.responsible !== '' && continuesName(text)))) {
      this.merge(prev, v, 'continue', 'responsible');
      return;
    }
    const above = prev.text[target];
    const aboveBold = (prev.raw[target] ?? []).some(isBoldMarkup);
    if ((target === 'deadline' ? deadlineOpen(above) : endsOpen(above)) && above !== '' && (!bold || aboveBold)) {
      this.merge(prev, v, 'continue', target);
      return;
    }
    heading();
  }

  /** Several filled cells and no number. */
  private unnumberedRow(v: RowView): void {
    const prev = this.current;
    const title = this.value(v, 'title');
    if (title === '') {
      if (prev) this.merge(prev, v, 'continue');
      else this.unplaced(v, 'Строка без названия мероприятия');
      return;
    }
    if (prev && this.continuationScore(prev, v) > 0) {
      this.merge(prev, v, 'continue');
      return;
    }
    const glued = this.numberCol < 0 ? /^(\d{1,3}(?:\.\d{1,3})*)[.)]\s+(\S.*)$/u.exec(title) : null;
    const d = this.newDraft('activity', v, glued ? glued[1] : '');
    if (glued) d.text.title = glued[2];
    d.inferred = this.numberCol >= 0;
  }

  /** Positive when the row reads as the rest of `prev` rather than an item of its own. */
  private continuationScore(prev: Draft, v: RowView): number {
    let score = 0;
    for (const role of TEXT_ROLES) {
      const cur = this.value(v, role);
      if (cur === '') continue;
      const above = prev.text[role];
      if (role === 'deadline') {
        if (above !== '' && deadlineOpen(above, cur) && !startsUppercase(cur)) score += 2;
        else if (above !== '' && looksLikeDeadline(above) && looksLikeDeadline(cur)) score -= 1;
        continue;
      }
      if (startsLowercase(cur)) score += role === 'responsible' ? 1 : 2;
      else if (startsUppercase(cur)) score -= 1;
      if (above !== '' && endsOpen(above)) score += 2;
      else if (role === 'title' && above !== '' && !endsClosed(above)) score += 0.25;
    }
    const full = (d: Record<TextRole, string>): boolean => d.deadline !== '' && d.responsible !== '';
    const rowText: Record<TextRole, string> = {
      title: '', result: '', document: '', deadline: this.value(v, 'deadline'), responsible: this.value(v, 'responsible'),
    };
    if (full(prev.text) && full(rowText)) score -= 1.5;
    return score;
  }

  /** The column a stray piece of text most likely continues: the one left open above, else the title. */
  private guessTarget(prev: Draft, text: string): TextRole {
    if (looksLikeDeadline(text) && prev.text.deadline !== '' && deadlineOpen(prev.text.deadline)) return 'deadline';
    for (const role of ['title', 'result', 'document', 'responsible'] as TextRole[]) {
      if (prev.text[role] !== '' && endsOpen(prev.text[role])) return role;
    }
    if (prev.text.deadline !== '' && deadlineOpen(prev.text.deadline)) return 'deadline';
    return 'title';
  }

  // ---- building items -----------------------------------------------------------------------------------

  private newDraft(kind: Draft['kind'], v: RowView, printed: string, only?: TextRole): Draft {
    const d: Draft = {
      kind,
      line: v.line,
      printed,
      printedRaw: v.columnKnown && this.numberCol >= 0 ? v.raw[this.numberCol] ?? '' : '',
      text: { title: '', result: '', document: '', deadline: '', responsible: '' },
      extra: {},
      raw: {},
      section: kind === 'activity' ? this.sectionFor(printed) : -1,
      number: printed,
      inferred: false,
    };
    this.drafts.push(d);
    if (kind === 'section') this.currentSection = this.drafts.length - 1;
    this.merge(d, v, 'continue', only);
    if (kind === 'activity' && d.text.deadline === '' && this.deadlineLeads) {
      // A deadline column left of the activities («Месяц | № | Содержание работы») groups the rows: its cell
      // is merged down over the month's rows, and text extraction keeps it on the first one only.
      const above = this.drafts.slice(0, -1).reverse().find((x) => x.kind === 'activity' && x.section === d.section);
      if (above && above.text.deadline !== '') d.text.deadline = above.text.deadline;
    }
    this.current = d;
    return d;
  }

  /**
   * The section an activity sits in: the current one, unless hierarchical numbers say otherwise. After the
   * sub-group «2.1» and its items «2.1.1», «2.1.2», item «2.2» belongs to section «2» again.
   */
  private sectionFor(printed: string): number {
    const current = this.currentSection;
    if (current < 0 || !printed.includes('.')) return current;
    const own = this.drafts[current].printed;
    if (own === '' || printed.startsWith(`${own}.`)) return current;
    for (let i = current - 1; i >= 0; i--) {
      const d = this.drafts[i];
      if (d.kind === 'section' && d.printed !== '' && printed.startsWith(`${d.printed}.`)) {
        // Unnumbered rows that follow belong where this item does.
        this.currentSection = i;
        return i;
      }
    }
    return current;
  }

  /**
   * `cells`: the row's columns fill the section (a section row may carry a deadline and a responsible);
   * `heading`: one heading text spanning the row, whatever column it landed in, is the title.
   */
  private openSection(v: RowView, number: string, title: string, from: 'cells' | 'heading'): void {
    const d = this.newDraft('section', v, number, from === 'heading' ? 'title' : undefined);
    if (title !== '') d.text.title = title;
  }

  /** Adds the row's cells to a draft; `only` puts a stray single piece of text under one role. */
  private merge(d: Draft, v: RowView, how: Join, only?: TextRole): void {
    this.traceTo(v.line, d);
    const add = (key: string, raw: string): void => {
      (d.raw[key] ??= []).push(raw);
    };
    if (!v.columnKnown || only) {
      const text = v.filled.map((i) => v.clean[i]).join('\n');
      const role = only ?? 'title';
      d.text[role] = this.joined(d.text[role], role === 'responsible' ? text : flatText(text), role, how);
      add(role, v.filled.map((i) => v.raw[i]).join('\n'));
      return;
    }
    for (const role of TEXT_ROLES) {
      const cur = this.value(v, role);
      if (cur === '') continue;
      d.text[role] = this.joined(d.text[role], cur, role, how);
    }
    this.region.roles.forEach((role, i) => {
      const raw = v.raw[i] ?? '';
      if (!hasText(raw)) return;
      if (role === 'number') {
        if (d.printedRaw === '' || how === 'continue') add('number', raw);
        return;
      }
      add(isTextRole(role) ? role : this.extraKey(i), raw);
      if (!isTextRole(role)) {
        const key = this.extraKey(i);
        d.extra[key] = joinContinuation(d.extra[key] ?? '', flatText(v.clean[i]));
      }
    });
    // Cells past the header's width have no column: keep their text with the item.
    for (let i = this.region.roles.length; i < v.raw.length; i++) {
      if (!hasText(v.raw[i])) continue;
      const key = this.extraKey(i);
      add(key, v.raw[i]);
      d.extra[key] = joinContinuation(d.extra[key] ?? '', flatText(v.clean[i]));
    }
  }

  private joined(prev: string, next: string, role: TextRole, how: Join): string {
    if (prev === '') return next;
    if (role === 'deadline') {
      // A deadline of its own under one that was complete is a second date (merged number/title cells).
      const complete = (t: string): boolean => /\d{4}/.test(t) && looksLikeDeadline(t);
      const second = how === 'second-half' || (!deadlineOpen(prev) && complete(prev) && complete(next));
      if (second && prev.split('; ').includes(next)) return prev;
      return second ? `${prev}; ${next}` : `${prev} ${next}`;
    }
    if (role === 'responsible') {
      // A list cut mid-name continues on the same line; a cut between names is a new party.
      const sameParty = how === 'continue' && (startsLowercase(next) || endsOpen(prev) || continuesName(next));
      return sameParty ? `${prev} ${next}` : `${prev}\n${next}`;
    }
    return joinContinuation(prev, next);
  }

  private traceTo(line: number, d: Draft): void {
    const list = this.traceRefs.get(line) ?? [];
    if (!list.includes(d)) list.push(d);
    this.traceRefs.set(line, list);
  }

  private extraKey(col: number): string {
    const label = this.region.header?.labels[col];
    return label ? label : `колонка ${col + 1}`;
  }

  private unplaced(v: RowView, why: string): void {
    const text = v.filled.map((i) => flatText(v.clean[i])).join(' | ');
    this.warn(v.line, `${why}: «${text}» — не импортирована.`);
    this.trace.push({ line: v.line, use: 'warning' });
  }

  private warn(line: number, message: string): void {
    this.warnings.push({ line, message });
  }

  /**
   * Numbered rows right after the table (before any other table's header) that read as roadmap rows: the
   * table was cut short somewhere, and what was left out must not vanish without a word.
   */
  private warnRowsAfterTable(): void {
    const lines: number[] = [];
    for (let i = this.region.end; i < this.grid.length; i++) {
      const r = this.grid[i];
      if (!r.tabular) continue;
      const cells = r.cells.map((c) => cleanCellText(c ?? ''));
      if (matchHeader([cells], 0)) break;
      if (this.numberCol < 0 || parseItemNumber(cells[this.numberCol] ?? '') === null) continue;
      if (roadmapRowLike(cells, this.region.roles) && !signatureRow(cells)) lines.push(r.line);
    }
    if (!lines.length) return;
    const span = lines.length > 1 ? `строки ${lines[0]}–${lines[lines.length - 1]}` : `строка ${lines[0]}`;
    this.warn(lines[0], `После таблицы мероприятий есть нумерованные строки, похожие на мероприятия (${span}): они не импортированы.`);
  }

  private warnExtraColumns(): void {
    const header = this.region.header;
    if (!header) {
      const roles = this.region.roles
        .map((r, i) => `${i + 1} — ${ROLE_LABELS[r]}`)
        .join(', ');
      const line = this.grid[this.region.start]?.line ?? 1;
      this.warn(line, `Заголовок таблицы не найден; столбцы определены по содержимому: ${roles}.`);
      return;
    }
    header.roles.forEach((r, i) => {
      if (r === 'extra' && this.drafts.some((d) => d.extra[this.extraKey(i)])) {
        this.warn(
          this.grid[this.region.start].line,
          `Столбец «${header.labels[i] || i + 1}» не распознан: его текст сохранён только в исходных данных мероприятий.`,
        );
      }
    });
  }

  private findPeriod(title: string, before: TextLine[]): Period | null {
    if (this.periodOverride !== undefined && this.periodOverride !== null) return this.periodOverride;
    const fromTitle = periodFromText(title);
    if (fromTitle) return fromTitle;
    for (let i = before.length - 1; i >= 0; i--) {
      const t = before[i].text;
      if (/план|программ|дорожн|проект|карт/i.test(t)) {
        const p = periodFromText(t);
        if (p) return p;
      }
    }
    return null;
  }

  // ---- numbering and output -----------------------------------------------------------------------------

  private numberSections(): void {
    const sections = this.drafts.filter((d) => d.kind === 'section');
    const used = new Set(sections.filter((s) => s.printed !== '').map((s) => s.printed));
    let synthetic = 0;
    const taken = new Set<string>();
    for (const s of sections) {
      let n = s.printed;
      if (n === '') {
        do n = `Р${++synthetic}`;
        while (used.has(n));
      }
      if (taken.has(n)) {
        let k = 2;
        while (taken.has(`${n}-${k}`)) k++;
        this.warn(s.line, `Номер раздела ${n} повторяется: раздел получил номер ${n}-${k}.`);
        n = `${n}-${k}`;
      }
      taken.add(n);
      s.number = n;
    }
  }

  private numberActivities(): void {
    const activities = this.drafts.filter((d) => d.kind === 'activity');
    if (!activities.length) return;
    const anyPrinted = activities.some((a) => a.printed !== '');
    if (!anyPrinted) {
      const sectioned = activities.every((a) => a.section >= 0 && this.drafts[a.section].printed !== '');
      const inSection = new Map<number, number>();
      activities.forEach((a, i) => {
        // Numbered sections with unnumbered items: items count within their section («1.1», «1.2»).
        const k = (inSection.get(a.section) ?? 0) + 1;
        inSection.set(a.section, k);
        a.number = sectioned ? `${this.drafts[a.section].number}.${k}` : String(i + 1);
      });
      if (this.numberCol >= 0 && !sectioned) {
        this.warn(activities[0].line, 'Номера мероприятий не указаны: мероприятия пронумерованы по порядку.');
      }
      return;
    }
    const printedSet = new Set(activities.map((a) => `${a.section}|${a.printed}`));
    activities.forEach((a, i) => {
      if (a.printed !== '') return;
      const prev = activities.slice(0, i).reverse().find((p) => p.section === a.section && p.number !== '');
      // The next number after the neighbour above; when the row below already has it, a letter («2а», «2б»).
      let candidate = prev ? increment(prev.number) : '1';
      if (printedSet.has(`${a.section}|${candidate}`)) {
        candidate = prev ? withLetter(prev.number) : '0а';
        while (printedSet.has(`${a.section}|${candidate}`)) candidate = withLetter(candidate);
      }
      printedSet.add(`${a.section}|${candidate}`);
      a.number = candidate;
      if (a.inferred) {
        this.warn(a.line, `У мероприятия «${shorten(a.text.title)}» нет номера: присвоен номер ${candidate}.`);
      }
    });
    const count = new Map<string, number>();
    for (const a of activities) count.set(a.number, (count.get(a.number) ?? 0) + 1);
    const repeats = [...count.values()].some((n) => n > 1);
    if (repeats) {
      const first = activities.find((a) => (count.get(a.number) ?? 0) > 1);
      for (const a of activities) {
        const section = a.section >= 0 ? this.drafts[a.section].number : '';
        if (section !== '' && !a.number.startsWith(`${section}.`)) a.number = `${section}.${a.number}`;
      }
      if (first) {
        this.warn(
          first.line,
          `Нумерация мероприятий начинается заново в каждом разделе: к номеру мероприятия добавлен номер раздела (${first.number}).`,
        );
      }
    }
    const seen = new Map<string, number>();
    for (const a of activities) {
      const k = (seen.get(a.number) ?? 0) + 1;
      seen.set(a.number, k);
      if (k > 1) {
        const renamed = `${a.number}-${k}`;
        this.warn(a.line, `Номер мероприятия ${a.number} повторяется: мероприятие получило номер ${renamed}.`);
        a.number = renamed;
      }
    }
  }

  private build(title: string, period: Period | null): TracedRoadmap {
    this.numberSections();
    this.numberActivities();
    const drafts = this.drafts;
    const parties = refineParties(drafts.map((d) => splitResponsible(d.text.responsible)));
    const sections: RoadmapSectionWithText[] = [];
    const activities: RoadmapActivity[] = [];
    const sectionPeriods = new Map<number, Period>();
    drafts.forEach((d, i) => {
      if (d.kind === 'section') {
        // «I этап – подготовительный (август–сентябрь 2024 г.)»: a heading spanning the row carries its dates;
        // a heading that is nothing but dates («2025 год») is its own deadline.
        const dated = d.text.deadline !== '' ? null : onlyDates(d.text.title) ? { title: d.text.title, deadline: d.text.title } : datesOfHeading(d.text.title);
        const deadlineText = dated ? dated.deadline : d.text.deadline;
        const sectionDeadline = deadlineText !== '' ? this.deadline(deadlineText, period, d.line) : null;
        if (dated && onlyDates(d.text.title)) {
          const within = yearsWithin(sectionDeadline, period);
          if (within) sectionPeriods.set(i, within);
        }
        const s: RoadmapSectionWithText = {
          number: d.number,
          title: dated ? dated.title : d.text.title,
          deadline: sectionDeadline,
          responsible: parties[i],
          source: { line: d.line },
        };
        if (d.text.result !== '') s.result = d.text.result;
        if (d.text.document !== '') s.document = d.text.document;
        sections.push(s);
        return;
      }
      if (d.text.title === '') this.warn(d.line, `У мероприятия ${d.number} нет названия.`);
      const original: Record<string, string> = {};
      for (const [k, v] of Object.entries(d.raw)) original[k] = v.join('\n');
      if (d.printedRaw !== '' && original.number === undefined) original.number = d.printedRaw;
      const a: RoadmapActivity = {
        number: d.number,
        section: d.section >= 0 ? drafts[d.section].number : '',
        title: d.text.title,
        result: d.text.result,
        responsible: parties[i],
        // Months without a year under a «2025 год» heading are months of 2025, not of the plan's first year.
        deadline: this.deadline(d.text.deadline || this.sectionDates(d), sectionPeriods.get(d.section) ?? period, d.line),
        source: { line: d.line },
        original,
      };
      if (d.text.document !== '') a.document = d.text.document;
      activities.push(a);
    });
    if (!activities.length) throw new RoadmapInputError('В таблице не найдено ни одного мероприятия.');
    for (const [line, list] of this.traceRefs) for (const d of list) this.trace.push({ line, use: d.kind, ref: d.number });
    this.trace.sort((a, b) => a.line - b.line);
    const warnings = [...this.warnings].sort((a, b) => a.line - b.line);
    return { roadmap: { title, period, sections, activities, warnings }, trace: this.trace };
  }

  /** An item without a date of its own under a heading that is only dates («Сентябрь», «2025 год») is dated by it. */
  private sectionDates(d: Draft): string {
    const title = d.section >= 0 ? this.drafts[d.section].text.title : '';
    return title !== '' && onlyDates(title) ? title : '';
  }

  private deadline(text: string, period: Period | null, line: number): Deadline {
    const d = parseDeadline(text, period);
    for (const message of d.warnings ?? []) this.warn(line, message);
    return d;
  }
}

function isTextRole(role: ColumnRole): role is TextRole {
  return (TEXT_ROLES as string[]).includes(role);
}

/**
 * The piece opens with a capitalised adjective in the genitive («Верхнекамского муниципального округа»,
 * «Новгородской области»): no party starts that way (parties are named in the nominative), so it is the rest
 * of a name that a row break cut.
 */
function continuesName(next: string): boolean {
  const m = /^\s*(\p{Lu}\p{Ll}{3,})(?:\s+(\p{Ll}+))?/u.exec(next);
  if (!m) return false;
  const [, first, second = ''] = m;
  if (/(ого|его|ых|их)$/u.test(first)) return true;
  // «-ской», «-ной» is also a masculine nominative («Городской методический центр»): the noun tells.
  return /(ской|цкой|ной)$/u.test(first) && /(ии|ти|ки|ы|ой|ей)$/u.test(second);
}

const LETTERS = 'абвгдежзиклмнопрстуфхцчшщэюя';

function increment(number: string): string {
  const m = /^(.*?)(\d+)$/.exec(number);
  return m ? `${m[1]}${Number(m[2]) + 1}` : withLetter(number);
}

/** «2» → «2а», «2а» → «2б». */
function withLetter(number: string): string {
  const last = number.slice(-1);
  const k = LETTERS.indexOf(last);
  if (k >= 0 && k + 1 < LETTERS.length) return number.slice(0, -1) + LETTERS[k + 1];
  return number + LETTERS[0];
}

function shorten(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/**
 * The whole years a date-only heading covers («2025 год», «2024–2025 годы»), when they sit inside the plan
 * period: the context in which its activities' months are read. Shorter spans (a half-year, a stage's months)
 * are left alone, since activities listed under them often run past them.
 */
function yearsWithin(deadline: Deadline | null, period: Period | null): Period | null {
  if (!deadline || deadline.kind !== 'dated' || !deadline.windows.length) return null;
  const start = deadline.windows[0].start;
  const end = deadline.windows[deadline.windows.length - 1].end;
  if (!start.endsWith('-01-01') || !end.endsWith('-12-31')) return null;
  if (period && (start < period.start.slice(0, 4) + '-01-01' || end > period.end.slice(0, 4) + '-12-31')) return null;
  return { start, end };
}

/** Dates written into a heading, in brackets or after a dash: «Основной этап (октябрь 2024 г. – апрель 2025 г.)». */
export function datesOfHeading(title: string): { title: string; deadline: string } | null {
  const bracket = /^(.*\S)\s*\(([^()]+)\)\s*\.?$/u.exec(title);
  if (bracket && onlyDates(bracket[2])) return { title: bracket[1].replace(/\s*[–:,-]$/, ''), deadline: bracket[2].trim() };
  // The leftmost dash or colon after which only dates follow, so that a range «август – сентябрь» stays whole.
  const separator = /\s+–\s+|:\s+/gu;
  for (let m = separator.exec(title); m; m = separator.exec(title)) {
    const head = title.slice(0, m.index).trim();
    const tail = title.slice(m.index + m[0].length).trim();
    if (head !== '' && onlyDates(tail)) return { title: head, deadline: tail };
  }
  return null;
}

/** «Раздел 2. Кадры» → 2 / «Кадры»; «II. Кадры» → II; «1. Кадры» → 1; «ОСНОВНОЙ ЭТАП» → no number. */
function parseHeading(text: string): { number: string; rest: string } {
  const t = flatText(text);
  const word = /^(?:раздел|блок|модуль)\s*([IVXLC]+|\d+)\s*[.:)–-]?\s*(.*)$/iu.exec(t);
  if (word) return { number: word[1], rest: word[2] };
  // «Задача 1: Совершенствование…», «Направление 2.»: the number is the section's, the word stays in the title.
  const task = /^(?:задача|направление|подпрограмма)\s*№?\s*([IVXLC]+|\d{1,2})(?![\p{L}\d])/iu.exec(t);
  if (task) return { number: task[1], rest: t };
  const stage = /^(?:этап\s*([IVXLC]+|\d+)|([IVXLC]+|\d+)\s*-?\s*(?:й\s*)?этап)(?![\p{L}\d])/iu.exec(t);
  if (stage) return { number: stage[1] ?? stage[2], rest: t };
  const numeral = /^([IVXLC]+|\d{1,2})[.)]\s+(.+)$/u.exec(t);
  if (numeral) return { number: numeral[1], rest: numeral[2] };
  return { number: '', rest: t };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Sheet values to text; a date reads as Russian documents write it (the script's time zone is the sheet's). */
export function cellToText(value: CellInput): string {
  if (value === null || value === undefined) return '';
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const d = value as Date;
    return Number.isNaN(d.getTime()) ? '' : `${pad2(d.getDate())}.${pad2(d.getMonth() + 1)}.${d.getFullYear()}`;
  }
  return String(value);
}

function gridFromInput(input: RoadmapInput): GridRow[] {
  const before = input.before ?? [];
  const after = input.after ?? [];
  const grid: GridRow[] = before.map((text, i) => ({ cells: [text], line: i + 1, tabular: false }));
  let last = before.length;
  input.rows.forEach((row, i) => {
    const line = input.lineOf?.[i] ?? last + 1;
    last = line;
    const cells = (Array.isArray(row) ? row : [row]).map(cellToText);
    grid.push({ cells, line, tabular: cells.filter(hasText).length >= 2 });
  });
  after.forEach((text, i) => grid.push({ cells: [text], line: last + 1 + i, tabular: false }));
  return grid;
}

/** Roadmap from a document already split into rows; the trace tells where every line went. */
export function roadmapFromGrid(grid: GridRow[], period?: Period | null): TracedRoadmap {
  if (!grid.some(rowHasText)) throw new RoadmapInputError('Источник пуст: в нём нет текста.');
  const region = locateRoadmapTable(grid);
  if (!region) {
    throw new RoadmapInputError(
      'Таблица мероприятий не найдена: нужна таблица со столбцами «Мероприятие» и «Срок» (или похожими).',
    );
  }
  return new Normaliser(grid, region, period).run();
}

export function normaliseRoadmapTraced(input: RoadmapInput): TracedRoadmap {
  return roadmapFromGrid(gridFromInput(input), input.period);
}

export function normaliseRoadmap(input: RoadmapInput): Roadmap {
  return normaliseRoadmapTraced(input).roadmap;
}

export function roadmapFromTextTraced(text: string, opts: { period?: Period | null } = {}): TracedRoadmap {
  const grid = textToGrid(text);
  // Without tabs (text out of a PDF) columns are aligned with spaces: cut by the header's column positions.
  if (!grid.some((r) => r.tabular)) {
    const layout = layoutToGrid(text);
    if (layout) return traceJoinedLines(roadmapFromGrid(layout.rows, opts.period), layout.joined);
  }
  return roadmapFromGrid(grid, opts.period);
}

/** Roadmap from text as extracted from Word/PDF: tab-separated (see seeds/) or space-aligned layout. */
export function roadmapFromText(text: string, opts: { period?: Period | null } = {}): Roadmap {
  return roadmapFromTextTraced(text, opts).roadmap;
}
