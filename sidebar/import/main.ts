// The import dialog: choose a source, preview the parsed roadmap and what changes in the tracker, then write.
import type { ImportPreview, ImportRequest, ImportSource } from '../../src/addon/import';
import { call, closeDialog, errorText } from '../rpc';
import { formatRuDate as ruDate } from '../../src/domain/iso-date';
import { countWord } from '../../src/domain/russian';
import { byId, el, message, show } from '../dom';

const KIND_TEXT: Record<string, string> = {
  dated: 'к сроку', continuous: 'постоянно', recurring: 'повторяется', conditional: 'по условию', unparsed: 'не распознан',
};
const CHANGE_TEXT: Record<string, string> = { added: 'новое', changed: 'изменено', unchanged: 'без изменений', removed: 'нет в новой редакции' };

let selectionRange: string | undefined;
let lastRequest: ImportRequest | null = null;

function source(): ImportSource {
  return (document.querySelector<HTMLInputElement>('input[name="source"]:checked')?.value ?? 'selection') as ImportSource;
}

function request(): ImportRequest {
  const start = byId<HTMLInputElement>('period-start').value;
  const end = byId<HTMLInputElement>('period-end').value;
  return {
    source: source(),
    range: selectionRange,
    text: byId<HTMLTextAreaElement>('text').value,
    docUrl: byId<HTMLInputElement>('doc-url').value,
    period: start && end ? { start, end } : null,
  };
}

function busy(on: boolean, text = 'Подождите…'): void {
  for (const id of ['preview', 'apply']) byId<HTMLButtonElement>(id).disabled = on;
  if (on) message(byId('status'), 'info', text);
}

function renderPreview(p: ImportPreview): void {
  const r = p.roadmap;
  const period = r.period ? `${ruDate(r.period.start)} – ${ruDate(r.period.end)}` : 'не найден — укажите выше';
  byId('summary').replaceChildren(
    el('div', {}, el('b', {}, r.title || 'Без названия')),
    el('div', {}, `Период плана: ${period}`),
    el('div', {}, `Разделов: ${r.sections.length}, мероприятий: ${r.activities.length}. `,
      `В трекере сейчас: ${p.existing}. Новых: ${p.counts.added}, изменится: ${p.counts.changed}, `,
      `без изменений: ${p.counts.unchanged}, нет в новой редакции: ${p.counts.removed} (не удаляются).`),
  );
  const warnings = [...r.warnings.map((w) => `Строка ${w.line}: ${w.message}`), ...p.problems];
  byId('warnings').replaceChildren(
    ...(warnings.length
      ? [el('div', { class: 'msg warn' }, el('b', {}, `Замечания (${warnings.length}):`),
          el('ul', { id: 'warning-list' }, ...warnings.slice(0, 200).map((w) => el('li', {}, w))))]
      : []),
  );
  const change = new Map(p.changes.map((c) => [`${c.number}\u0000${c.title}`, c]));
  const sections = new Map(r.sections.map((s) => [s.number, s.title]));
  const head = el('tr', {}, ...['№', 'Мероприятие', 'Срок', 'Вид', 'Окно', 'Ответственные', 'В трекере'].map((h) => el('th', {}, h)));
  const rows: HTMLElement[] = [];
  let lastSection: string | null = null;
  for (const a of r.activities) {
    if (a.section !== lastSection) {
      lastSection = a.section;
      const title = sections.get(a.section);
      if (title) rows.push(el('tr', {}, el('td', { colspan: '7' }, el('b', {}, `${a.section}. ${title}`))));
    }
    const w = a.deadline.windows;
    const windowText = w.length ? `${ruDate(w[0].start)} – ${ruDate(w[w.length - 1].end)}${w.length > 1 ? ` (${w.length})` : ''}` : '—';
    const c = change.get(`${a.number}\u0000${a.title}`);
    rows.push(el('tr', { 'data-kind': a.deadline.kind },
      el('td', {}, a.number), el('td', {}, a.title), el('td', {}, a.deadline.text),
      el('td', {}, KIND_TEXT[a.deadline.kind] ?? a.deadline.kind), el('td', {}, windowText),
      el('td', {}, a.responsible.join('; ')),
      el('td', {}, c ? el('span', { class: `badge ${c.kind}`, title: c.fields.join(', ') }, CHANGE_TEXT[c.kind]) : '')));
  }
  for (const c of p.changes.filter((x) => x.kind === 'removed')) {
    rows.push(el('tr', {}, el('td', {}, c.number), el('td', {}, c.title), el('td', {}), el('td', {}), el('td', {}), el('td', {}),
      el('td', {}, el('span', { class: 'badge removed' }, CHANGE_TEXT.removed))));
  }
  byId('activities').replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
  if (r.period && !byId<HTMLInputElement>('period-start').value) {
    byId<HTMLInputElement>('period-start').value = r.period.start;
    byId<HTMLInputElement>('period-end').value = r.period.end;
  }
  show(byId('preview-block'), true);
}

async function preview(ev: Event): Promise<void> {
  ev.preventDefault();
  busy(true, 'Читаю дорожную карту…');
  try {
    lastRequest = request();
    const p = await call('importPreview', lastRequest);
    renderPreview(p);
    message(byId('status'), 'ok', 'Проверьте мероприятия и сроки. Если всё верно — нажмите «Записать в таблицу».');
  } catch (e) {
    show(byId('preview-block'), false);
    message(byId('status'), 'error', errorText(e));
  } finally {
    busy(false);
  }
}

async function apply(): Promise<void> {
  if (!lastRequest) return;
  busy(true, 'Записываю…');
  try {
    const res = await call('importApply', lastRequest);
    message(byId('status'), 'ok',
      `Готово: на листе «${res.sheet}» ${countWord(res.written, ['мероприятие', 'мероприятия', 'мероприятий'])} (новых: ${res.counts.added}, изменено: ${res.counts.changed}); ` +
      `в календаре ${countWord(res.calendarRows, ['строка', 'строки', 'строк'])}.`);
  } catch (e) {
    message(byId('status'), 'error', errorText(e));
  } finally {
    busy(false);
  }
}

function onSourceChange(): void {
  show(byId('text-block'), source() === 'text');
  show(byId('doc-block'), source() === 'doc');
}

async function init(): Promise<void> {
  byId('source-form').addEventListener('submit', (e) => void preview(e));
  byId('apply').addEventListener('click', () => void apply());
  byId('close').addEventListener('click', closeDialog);
  for (const r of document.querySelectorAll<HTMLInputElement>('input[name="source"]')) r.addEventListener('change', onSourceChange);
  try {
    const sel = await call('importSelectionInfo');
    if (sel) {
      selectionRange = sel.range;
      byId('selection-info').textContent = `(${sel.range}: ${sel.rows} × ${sel.columns})`;
    } else {
      byId('selection-info').textContent = '(ничего не выделено)';
    }
  } catch (e) {
    message(byId('status'), 'error', errorText(e));
  }
}

void init();
