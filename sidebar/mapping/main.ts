// «Подключить существующий лист»: the coordinator picks their own list and what it holds, the add-on suggests
// which column is which field, the coordinator checks it against the first rows as they will be read, then
// connects the list in place or moves its rows into the base. One server round trip per action: the preview
// of the rows follows the selects locally, through the same mapping code the server applies.
import type { MappingApplyResult, MappingFieldView, MappingSheetList, MappingSuggestionView } from '../../src/addon/people';
import { applyMapping } from '../../src/domain/people-mapping';
import { FIELD_TYPES, type PeopleRole } from '../../src/domain/people-records';
import { formatRuDate, isIsoDate } from '../../src/domain/iso-date';
import { ROLE_NAMES, ROLE_SHEETS } from '../../src/sheets/people-schema';
import { busyCall, call, closeDialog } from '../rpc';
import { byId, el, message, show } from '../dom';

type Mode = 'in-place' | 'import';
type Columns = Record<string, number | null>;

/** Sample records shown next to each field: enough to recognise the column, few enough to fit the dialog. */
const SAMPLE_RECORDS = 3;
/** Lines of a result list shown; the rest are counted, never silently dropped. */
const LIST_LIMIT = 300;

const HOW_TEXT: Record<MappingFieldView['how'], string> = {
  label: 'как в базе',
  synonym: 'по названию',
  prefix: 'по началу',
  contains: 'по части',
  none: '',
};

const HOW_TITLE: Record<MappingFieldView['how'], string> = {
  label: 'заголовок совпадает с названием поля',
  synonym: 'заголовок — известное название этого поля',
  prefix: 'заголовок начинается с известного названия поля',
  contains: 'заголовок содержит известное название поля',
  none: '',
};

let sheetList: MappingSheetList | null = null;
let view: MappingSuggestionView | null = null;
let columns: Columns = {};

function status(kind: 'ok' | 'error' | 'warn' | 'info', text: string): void {
  message(byId('status'), kind, text);
}

function clearStatus(): void {
  byId('status').replaceChildren();
}

function act<T>(busyText: string, work: () => Promise<T>): Promise<T | undefined> {
  return busyCall(['suggest', 'apply'].map((id) => byId<HTMLButtonElement>(id)), status, busyText, work);
}

function chosenRole(): PeopleRole | null {
  return (document.querySelector<HTMLInputElement>('input[name="role"]:checked')?.value as PeopleRole | undefined) ?? null;
}

function chosenMode(): Mode {
  return (document.querySelector<HTMLInputElement>('input[name="mode"]:checked')?.value ?? 'in-place') as Mode;
}

function nameKey(role: PeopleRole): string {
  return role === 'organisation' ? 'name' : 'fullName';
}

function quoteList(names: readonly string[]): string {
  return names.map((n) => `«${n}»`).join(', ');
}

// ---------------------------------------------------------------------------------------------------------
// Sheets and connections

function renderSheets(list: MappingSheetList): void {
  sheetList = list;
  const select = byId<HTMLSelectElement>('sheet');
  const before = select.value;
  const candidates = list.sheets.filter((s) => !s.own);
  const options = candidates.map((s) => {
    const parts = [s.name, s.rows > 0 ? `${s.rows} стр.` : 'пустой'];
    if (s.connectedAs.length) parts.push(`подключён: ${s.connectedAs.map((r) => ROLE_NAMES[r].plural).join(', ')}`);
    const option = el('option', { value: s.name }, parts.join(' · '));
    if (s.rows === 0) option.disabled = true;
    return option;
  });
  select.replaceChildren(el('option', { value: '' }, 'выберите лист…'), ...options);
  const usable = candidates.filter((s) => s.rows > 0);
  if (usable.some((s) => s.name === before)) select.value = before;
  else select.value = (usable.find((s) => s.connectedAs.length === 0) ?? usable[0])?.name ?? '';
  if (!usable.length) status('warn', 'В таблице нет листов со списками: вставьте свой список на отдельный лист и откройте это окно снова.');

  const line = byId('connections');
  if (list.connections.length) {
    line.textContent = 'Подключено сейчас: ' + list.connections
      .map((c) => `${ROLE_NAMES[c.role].plural} — лист «${c.sheetName}»${connectedDate(c.connectedAt)}`)
      .join('; ') + '. Остальное дополнение читает со своих листов.';
  } else {
    line.textContent = `Пока ни один лист не подключён: дополнение читает свои листы ${quoteList(Object.values(ROLE_SHEETS))}.`;
  }
}

function connectedDate(stamp: string): string {
  const day = stamp.slice(0, 10);
  return isIsoDate(day) ? ` (с ${formatRuDate(day)})` : '';
}

/** The sheet list after an apply, as the server now has it: saves a round trip just to refresh the labels. */
function rememberApplied(r: MappingApplyResult): void {
  if (!sheetList) return;
  const sheets = sheetList.sheets.map((s) => ({ ...s, connectedAs: s.connectedAs.filter((x) => x !== r.role) }));
  let connections = sheetList.connections.filter((c) => c.role !== r.role);
  if (r.mode === 'in-place') {
    for (const s of sheets) if (s.name === r.sheetName) s.connectedAs = [...s.connectedAs, r.role];
    // The server's timestamp is not in the result; the browser's clock may differ from the script's, so no date.
    connections = [...connections, { role: r.role, sheetName: r.sheetName, connectedAt: '' }];
  }
  renderSheets({ sheets, connections });
}

/** A different sheet or role makes the shown mapping stale: hide it rather than apply it to the wrong list. */
function onChoiceChange(ev: Event): void {
  const target = ev.target as HTMLElement;
  if (target.id === 'sheet' && !chosenRole()) {
    const connected = sheetList?.sheets.find((s) => s.name === byId<HTMLSelectElement>('sheet').value)?.connectedAs ?? [];
    if (connected.length === 1) {
      const radio = document.querySelector<HTMLInputElement>(`input[name="role"][value="${connected[0]}"]`);
      if (radio) radio.checked = true;
    }
  }
  if (!view) return;
  view = null;
  showStage(byId('result-block').classList.contains('hidden') ? 'intro' : 'result');
  clearStatus();
}

/** The main area shows one thing at a time: the explanation, the mapping to confirm, or what was done. */
function showStage(stage: 'intro' | 'mapping' | 'result'): void {
  show(byId('intro'), stage === 'intro');
  show(byId('mapping-block'), stage === 'mapping');
  show(byId('mode-block'), stage === 'mapping');
  show(byId('apply'), stage === 'mapping');
  show(byId('result-block'), stage === 'result');
}

// ---------------------------------------------------------------------------------------------------------
// The suggested mapping

async function suggest(ev: Event): Promise<void> {
  ev.preventDefault();
  const sheetName = byId<HTMLSelectElement>('sheet').value;
  const role = chosenRole();
  if (!sheetName) return status('warn', 'Выберите лист со списком.');
  if (!role) return status('warn', 'Отметьте, что записано на листе: организации, наставники или наставляемые.');
  const v = await act('Читаю заголовки и первые строки листа…', () => call('peopleMappingSuggest', sheetName, role));
  if (!v) return;
  renderMapping(v);
  status('ok', 'Проверьте столбцы по первым записям, выберите, как работать со списком, и нажмите «Подключить».');
  byId('mapping-title').focus();
}

function columnLabel(c: MappingSuggestionView['columns'][number]): string {
  return `${c.letter} · ${c.header || '(без заголовка)'}`;
}

function fieldSelect(f: MappingFieldView, v: MappingSuggestionView): HTMLSelectElement {
  const select = el('select', {
    id: `col-${f.key}`,
    'data-field': f.key,
    'aria-label': `Столбец для поля «${f.label}»${f.required ? ' (обязательное)' : ''}`,
  }, el('option', { value: '' }, '— нет —'), ...v.columns.map((c) => el('option', { value: String(c.index) }, columnLabel(c))));
  select.value = f.column === null ? '' : String(f.column);
  select.addEventListener('change', () => {
    columns[f.key] = select.value === '' ? null : Number(select.value);
    refresh();
  });
  return select;
}

function renderMapping(v: MappingSuggestionView): void {
  view = v;
  columns = Object.fromEntries(v.fields.map((f) => [f.key, f.column]));
  const samples = Math.min(SAMPLE_RECORDS, v.sampleRows.length);
  const head = el('tr', {},
    el('th', { scope: 'col', class: 'field' }, 'Поле базы'),
    el('th', { scope: 'col', class: 'column' }, `Столбец листа «${v.sheetName}»`),
    el('th', { scope: 'col', class: 'confidence' }, 'Уверенность'),
    ...Array.from({ length: samples }, (_, i) => el('th', { scope: 'col', class: 'sample' }, `Запись ${i + 1}`)));
  const rows = v.fields.map((f) => el('tr', { 'data-field': f.key, class: f.required ? 'required' : '' },
    el('th', { scope: 'row', class: 'field' }, f.label, f.required ? el('span', { class: 'req', title: 'обязательное поле' }, ' *') : null),
    el('td', { class: 'column' }, fieldSelect(f, v)),
    el('td', { class: 'confidence' }),
    ...Array.from({ length: samples }, () => el('td', { class: 'sample' }))));
  byId('fields').replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
  byId('mapping-summary').textContent =
    `Лист «${v.sheetName}», ${ROLE_NAMES[v.role].plural}: заголовок найден в строке ${v.headerRow}, ` +
    `строк с данными под ним: ${v.dataRows}. Общая уверенность: ${Math.round(v.confidence * 100)}%.`;
  for (const r of document.querySelectorAll<HTMLInputElement>('input[name="mode"]')) r.checked = r.value === 'in-place';
  showStage('mapping');
  byId('fields').closest('.scroll')?.scrollTo(0, 0);
  refresh();
}

/** Everything that follows the selects: confidence, sample records, warnings, unused columns, mode help. */
function refresh(): void {
  if (!view) return;
  const v = view;
  const suggested = new Map(v.fields.map((f) => [f.key, f]));
  for (const tr of byId('fields').querySelectorAll<HTMLTableRowElement>('tbody tr[data-field]')) {
    const f = suggested.get(tr.dataset.field!)!;
    tr.querySelector('td.confidence')!.replaceChildren(confidenceBadge(f, columns[f.key]));
  }
  renderSamples(v);
  renderWarnings(v);
  const used = new Set(Object.values(columns).filter((c): c is number => c !== null));
  const unused = v.columns.filter((c) => c.header !== '' && !used.has(c.index));
  byId('unmapped').textContent = unused.length
    ? `Столбцы листа без поля (остаются на листе, дополнение их не читает): ${unused.map((c) => `${c.letter} «${c.header}»`).join(', ')}.`
    : '';
  renderModeHelp();
}

function confidenceBadge(f: MappingFieldView, current: number | null): HTMLElement {
  if (current === null) {
    return el('span', { class: `badge ${f.required ? 'low' : 'none'}` }, f.column === null ? 'не найден' : 'не выбран');
  }
  if (current !== f.column) return el('span', { class: 'badge manual' }, 'выбрано вручную');
  const pct = Math.round(f.confidence * 100);
  const level = f.confidence >= 0.9 ? 'high' : f.confidence >= 0.6 ? 'mid' : 'low';
  return el('span', { class: `badge ${level}`, title: `«${f.header}»: ${HOW_TITLE[f.how]}` }, `${pct}% · ${HOW_TEXT[f.how]}`);
}

function shownValue(key: string, text: string): string {
  return FIELD_TYPES[key] === 'date' && isIsoDate(text) ? formatRuDate(text) : text;
}

function shortText(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** The first rows read through the current mapping with the server's own mapping code. */
function renderSamples(v: MappingSuggestionView): void {
  const keys = v.fields.map((f) => f.key);
  const rows = [v.columns.map((c) => c.header), ...v.sampleRows];
  const read = applyMapping(rows, { headerRow: 0, columns }, keys, {
    role: v.role === 'organisation' ? undefined : v.role,
    nameField: nameKey(v.role),
  });
  const records = read.records.slice(0, SAMPLE_RECORDS);
  for (const tr of byId('fields').querySelectorAll<HTMLTableRowElement>('tbody tr[data-field]')) {
    const key = tr.dataset.field!;
    tr.querySelectorAll<HTMLTableCellElement>('td.sample').forEach((td, i) => {
      const r = records[i];
      const problem = r?.problems.find((p) => p.field === key);
      const text = r ? shownValue(key, r.record[key] ?? '') : '';
      td.className = problem ? 'sample bad' : 'sample';
      td.title = problem ? `${problem.text} — ${problem.message} (будет оставлено как есть)` : text;
      td.replaceChildren(el('span', { class: 'clamp' }, text, problem ? el('span', { class: 'problem' }, ` — ${problem.message}`) : ''));
    });
  }
  if (!v.sampleRows.length) {
    byId('sample-note').textContent = 'Под строкой заголовка нет строк с данными: читать пока нечего.';
    return;
  }
  const parts = [`Из первых ${v.sampleRows.length} строк будет прочитано записей: ${read.records.length}`];
  if (read.otherRole.length) parts.push(`другой роли (пропускаются): ${read.otherRole.length}`);
  if (read.unreadable.length) {
    const reasons = new Map<string, string[]>();
    for (const u of read.unreadable) reasons.set(u.reason, [...(reasons.get(u.reason) ?? []), u.text]);
    const why = [...reasons].map(([reason, texts]) => texts.length === 1 ? `${reason}: «${shortText(texts[0])}»` : `${reason}: ${texts.length}`);
    parts.push(`не прочитается: ${read.unreadable.length} (${why.join('; ')})`);
  }
  let note = parts.join(', ') + '.';
  if (v.role !== 'organisation' && columns.role != null) {
    note += ` Строки выбираются по столбцу «${v.columns[columns.role]?.header ?? ''}»: берутся только ${ROLE_NAMES[v.role].plural}.`;
  }
  byId('sample-note').textContent = note;
}

function renderWarnings(v: MappingSuggestionView): void {
  const labelOf = new Map(v.fields.map((f) => [f.key, f.label]));
  const missing = v.fields.filter((f) => f.required && columns[f.key] === null && !(f.key === 'fullName' && columns.surname != null));
  const lines = missing.map((f) => `Для поля «${f.label}» не выбран столбец: без него строки не прочитать. ` +
    (v.role === 'organisation' ? 'Выберите столбец с наименованием организации.' : 'Выберите столбец с ФИО (или с фамилией, если ФИО разделено на части).'));
  const byColumn = new Map<number, string[]>();
  for (const [key, c] of Object.entries(columns)) if (c !== null) byColumn.set(c, [...(byColumn.get(c) ?? []), key]);
  for (const [c, keys] of byColumn) {
    if (keys.length > 1) {
      lines.push(`Столбец ${v.columns[c]?.letter ?? c + 1} выбран для нескольких полей: ${quoteList(keys.map((k) => labelOf.get(k) ?? k))}. Оставьте его одному полю.`);
    }
  }
  // The server's warnings describe its suggestion: those about a field the coordinator has changed are stale.
  const stale = v.fields.filter((f) => columns[f.key] !== f.column || missing.includes(f)).map((f) => `«${f.label}»`);
  lines.push(...v.warnings.filter((w) => !stale.some((label) => w.includes(label))));
  byId('warnings').replaceChildren(...(lines.length
    ? [el('div', { class: 'msg warn', id: 'warning-box' }, el('b', {}, 'Проверьте:'), el('ul', {}, ...lines.map((w) => el('li', {}, w))))]
    : []));
}

function renderModeHelp(): void {
  if (!view) return;
  const target = ROLE_SHEETS[view.role];
  const same = view.role === 'organisation' ? 'то же наименование' : 'те же ФИО и ОО';
  byId('mode-help').textContent = chosenMode() === 'in-place'
    ? `Список остаётся на листе «${view.sheetName}» в вашем порядке столбцов; дополнение читает его оттуда, ` +
      '«Проверить базы» допишет справа свои столбцы (код, замечания).'
    : `Строки будут добавлены на лист «${target}»; записи, которые там уже есть (тот же код или ${same}), не повторяются. ` +
      `Лист «${view.sheetName}» не меняется.`;
}

// ---------------------------------------------------------------------------------------------------------
// Connecting

async function apply(): Promise<void> {
  if (!view) return;
  const v = view;
  const mode = chosenMode();
  const r = await act(mode === 'in-place' ? 'Подключаю лист…' : 'Переношу строки в базу…', () => call('peopleMappingApply', {
    sheetName: v.sheetName,
    role: v.role,
    mapping: { headerRow: v.headerRow, columns: { ...columns } },
    mode,
  }));
  if (!r) return;
  view = null;
  renderResult(r);
  rememberApplied(r);
  status('ok', 'Готово. Можно подключить другой лист (или этот же для другой роли) либо закрыть окно.');
  byId('result-block').focus();
}

function listBlock(kind: 'warn' | 'info', title: string, lines: string[], id: string): HTMLElement | null {
  if (!lines.length) return null;
  const shown = lines.slice(0, LIST_LIMIT);
  return el('div', { class: `msg ${kind}`, id },
    el('b', {}, title),
    el('ul', {}, ...shown.map((l) => el('li', {}, l)),
      lines.length > shown.length ? el('li', {}, `… и ещё ${lines.length - shown.length}`) : null));
}

function renderResult(r: MappingApplyResult): void {
  const role = ROLE_NAMES[r.role];
  const head = r.mode === 'in-place'
    ? `Лист «${r.sheetName}» подключён на месте: ${role.plural}. Прочитано записей: ${r.read}.`
    : `Перенесено на лист «${ROLE_SHEETS[r.role]}»: ${r.imported} из ${r.read} прочитанных записей листа «${r.sheetName}».`;
  const extra = r.otherRole ? ` Строк другой роли (пропущены, остаются на листе): ${r.otherRole}.` : '';
  const next = 'Дальше: выполните «Проверить базы» в меню дополнения — оно присвоит коды и проверит данные.';
  const blocks = [
    el('div', { class: 'msg ok', id: 'result-summary' }, head + extra),
    listBlock('warn', `Уже есть в базе, не добавлены (${r.skipped.length}):`, r.skipped.map((s) => `Строка ${s.row}: ${s.reason}`), 'result-skipped'),
    listBlock('warn', `Строки, которые не удалось прочитать (${r.unreadable.length}; остаются на листе как есть):`,
      r.unreadable.map((u) => `Строка ${u.row}: «${u.text}» — ${u.reason}`), 'result-unreadable'),
    listBlock('warn', `Ячейки, которые не удалось прочитать (${r.problems.length}; оставлены как есть):`, r.problems, 'result-problems'),
    listBlock('info', 'Обратите внимание:', r.warnings, 'result-warnings'),
    el('div', { class: 'muted' }, next),
  ];
  byId('result').replaceChildren(...blocks.filter((b): b is HTMLElement => b !== null));
  showStage('result');
}

// ---------------------------------------------------------------------------------------------------------

async function init(): Promise<void> {
  byId('choose-form').addEventListener('submit', (e) => void suggest(e));
  byId('sheet').addEventListener('change', onChoiceChange);
  for (const r of document.querySelectorAll<HTMLInputElement>('input[name="role"]')) r.addEventListener('change', onChoiceChange);
  for (const r of document.querySelectorAll<HTMLInputElement>('input[name="mode"]')) r.addEventListener('change', renderModeHelp);
  byId('apply').addEventListener('click', () => void apply());
  byId('close').addEventListener('click', closeDialog);
  const list = await act('Загружаю список листов…', () => call('peopleMappingSheets'));
  if (!list) return;
  clearStatus();
  renderSheets(list);
  byId('sheet').focus();
}

void init();
