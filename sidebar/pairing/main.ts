// «Подбор пар»: unmatched mentees with filters, the best mentors for the selected one with the reasons, the
// assignment form, automatching over the whole pool, and approval of proposals. Every action is one server
// round trip that returns the refreshed state.
import type { CandidateView, MenteeView, PairingCandidates, PairingFilters, PairingState, PairView } from '../../src/addon/pairing';
import { formatRuDate } from '../../src/domain/iso-date';
import { countWord, YEARS } from '../../src/domain/russian';
import { busyCall, call } from '../rpc';
import { byId, el, message, show } from '../dom';

let state: PairingState | null = null;
let selectedMentee: string | null = null;
let selectedMentor: string | null = null;

function filters(): PairingFilters {
  const v = (id: string) => byId<HTMLSelectElement>(id).value || undefined;
  return { organisationId: v('filter-org'), subject: v('filter-subject'), category: v('filter-category') };
}

function status(kind: 'ok' | 'error' | 'warn' | 'info', text: string): void {
  message(byId('status'), kind, text);
}

function act<T>(busyText: string, work: () => Promise<T>): Promise<T | undefined> {
  return busyCall([...document.querySelectorAll<HTMLButtonElement>('button')], status, busyText, work);
}

function fillSelect(id: string, options: { value: string; label: string }[], keep = true): void {
  const select = byId<HTMLSelectElement>(id);
  const current = select.value;
  const first = select.options[0]?.value === '' ? [el('option', { value: '' }, select.options[0].textContent ?? '')] : [];
  select.replaceChildren(...first, ...options.map((o) => el('option', { value: o.value }, o.label)));
  if (keep && options.some((o) => o.value === current)) select.value = current;
}

function renderState(s: PairingState): void {
  state = s;
  const c = s.counts;
  byId('counts').textContent =
    `Ждут наставника: ${c.unmatched} (показано ${c.shown}) · наставников со свободными местами: ${c.mentorsWithPlaces} ` +
    `(мест ${c.freePlaces}) · предложено: ${c.proposed} · действует: ${c.active}`;
  fillSelect('filter-org', s.filterOptions.organisations.map((o) => ({ value: o.id, label: o.name })));
  fillSelect('filter-subject', s.filterOptions.subjects.map((x) => ({ value: x, label: x })));
  fillSelect('filter-category', s.filterOptions.categories.map((x) => ({ value: x, label: x })));
  fillSelect('role-pair', s.options.rolePairs.map((x) => ({ value: x, label: x })));
  fillSelect('format', s.options.formats.map((x) => ({ value: x, label: x })));
  if (!byId<HTMLSelectElement>('role-pair').value) byId<HTMLSelectElement>('role-pair').value = s.options.defaults.rolePair;
  if (!byId<HTMLSelectElement>('format').value) byId<HTMLSelectElement>('format').value = s.options.defaults.format;
  renderMentees(s.mentees);
  renderProposals(s.proposals);
  if (s.notices.length) status('warn', s.notices.join(' '));
}

function menteeLine(m: MenteeView): HTMLElement {
  const li = el('li', { role: 'option', id: `mentee-${m.id}`, 'data-id': m.id, tabindex: '-1', 'aria-selected': String(m.id === selectedMentee) },
    el('div', {}, el('b', {}, m.name || m.id), ` · ${m.id}`),
    el('div', { class: 'sub' }, [m.organisationName, m.subject, m.category].filter(Boolean).join(' · ')),
    m.consentProblem ? el('div', { class: 'sub blocks' }, m.consentProblem) : null,
  );
  li.addEventListener('click', () => void selectMentee(m.id));
  return li;
}

function renderMentees(list: MenteeView[]): void {
  const ul = byId('mentees');
  ul.replaceChildren(...(list.length ? list.map(menteeLine) : [el('li', { class: 'muted' }, 'Все наставляемые распределены или не подходят под фильтр.')]));
  if (selectedMentee && !list.some((m) => m.id === selectedMentee)) {
    selectedMentee = null;
    show(byId('mentee-block'), false);
  }
}

/** Arrow keys move through the list, Enter opens the mentee: the list is usable without a mouse. */
function onMenteeKeys(ev: KeyboardEvent): void {
  const items = [...byId('mentees').querySelectorAll<HTMLElement>('li[data-id]')];
  if (!items.length) return;
  const at = items.findIndex((li) => li === document.activeElement);
  if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
    ev.preventDefault();
    const next = at < 0 ? 0 : Math.max(0, Math.min(items.length - 1, at + (ev.key === 'ArrowDown' ? 1 : -1)));
    items[next].focus();
  } else if (ev.key === 'Enter' && at >= 0) {
    ev.preventDefault();
    void selectMentee(items[at].dataset.id!);
  }
}

function candidateLine(c: CandidateView, allowed: boolean): HTMLElement {
  const m = c.mentor;
  const pct = Math.round(c.score * 100);
  const li = el('li', { 'data-id': m.id, class: allowed ? '' : 'blocked', tabindex: allowed ? '0' : '-1', 'aria-selected': String(m.id === selectedMentor) },
    el('span', { class: 'score' }, `${pct}%`),
    el('div', {}, el('b', {}, m.name || m.id), ` · ${m.id}`),
    el('div', { class: 'sub' }, `${m.organisationName} · ${m.subject} · свободно мест: ${m.free} из ${m.capacity}`),
    el('div', { class: 'bar' }, el('span', { style: `width:${pct}%` })),
    el('ul', { class: 'reasons' }, ...c.reasons.filter((r) => r.points > 0).map((r) => el('li', {}, r.label))),
    c.blocks.length ? el('ul', { class: 'blocks' }, ...c.blocks.map((b) => el('li', {}, b))) : null,
  );
  if (allowed) {
    const pick = () => chooseMentor(c);
    li.addEventListener('click', pick);
    li.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); pick(); } });
  }
  return li;
}

function chooseMentor(c: CandidateView): void {
  selectedMentor = c.mentor.id;
  for (const li of byId('candidates').querySelectorAll('li[data-id]')) li.setAttribute('aria-selected', String((li as HTMLElement).dataset.id === selectedMentor));
  byId('assign-mentor').textContent = `Наставник: ${c.mentor.name || c.mentor.id} (${Math.round(c.score * 100)}%)`;
  show(byId('assign-form'), true);
  byId<HTMLSelectElement>('role-pair').focus();
}

function renderCandidates(p: PairingCandidates): void {
  const m = p.mentee;
  byId('mentee-card').replaceChildren(el('div', {},
    el('div', {}, el('b', {}, m.name || m.id), ` · ${m.id}`),
    el('div', { class: 'sub' }, [m.organisationName, m.position, m.subject].filter(Boolean).join(' · ')),
    el('div', { class: 'sub' }, [
      m.experienceYears !== null ? `Стаж ${countWord(m.experienceYears, YEARS)}` : 'Стаж не указан',
      m.category || 'категория не указана',
      m.young === 'yes' && !/молод/i.test(m.category) ? 'молодой специалист' : '',
    ].filter(Boolean).join(' · ')),
    m.deficits.length ? el('div', { class: 'sub' }, `Дефициты: ${m.deficits.join('; ')}`) : null,
    m.waitingDays !== null ? el('div', { class: 'sub' }, `Ждёт наставника ${countWord(m.waitingDays, ['день', 'дня', 'дней'])}`) : null,
    ...p.menteeBlocks.map((b) => el('div', { class: 'msg error' }, b)),
  ));
  const items = [
    ...p.candidates.map((c) => candidateLine(c, true)),
    ...p.blocked.map((c) => candidateLine(c, false)),
  ];
  byId('candidates').replaceChildren(...(items.length ? items : [el('li', { class: 'muted' }, 'Нет наставников с подходящими данными.')]));
  show(byId('mentee-block'), true);
  show(byId('assign-form'), false);
  selectedMentor = null;
}

async function selectMentee(id: string): Promise<void> {
  selectedMentee = id;
  for (const li of byId('mentees').querySelectorAll('li[data-id]')) li.setAttribute('aria-selected', String((li as HTMLElement).dataset.id === id));
  const p = await act('Подбираю наставников…', () => call('pairingCandidates', id));
  if (!p) return;
  renderCandidates(p);
  status('ok', `Наставников, которых можно назначить: ${p.candidates.length}. Выберите наставника, чтобы назначить пару.`);
}

async function assign(ev: Event): Promise<void> {
  ev.preventDefault();
  if (!selectedMentee || !selectedMentor) return;
  const v = (id: string) => byId<HTMLInputElement>(id).value;
  const res = await act('Назначаю…', () => call('pairingAssign', {
    mentorId: selectedMentor!,
    menteeIds: [selectedMentee!],
    rolePair: byId<HTMLSelectElement>('role-pair').value,
    format: byId<HTMLSelectElement>('format').value,
    programmeStart: v('ppn-start'),
    programmeEnd: v('ppn-end'),
    publish: byId<HTMLInputElement>('publish-now').checked,
    orderNumber: v('order-number') || undefined,
    orderDate: v('order-date') || undefined,
    filters: filters(),
  }));
  if (!res) return;
  selectedMentee = null;
  selectedMentor = null;
  show(byId('mentee-block'), false);
  renderState(res.state);
  const warn = res.warnings.length ? ` ${res.warnings.join(' ')}` : '';
  status(res.warnings.length ? 'warn' : 'ok', `Пара ${res.pair.id}: ${res.pair.mentorName} — ${res.pair.menteeNames.join(', ')} (${res.pair.statusLabel}).${warn}`);
}

function proposalLine(p: PairView): HTMLElement {
  const box = el('input', { type: 'checkbox', value: p.id, 'aria-label': `Выбрать пару ${p.id}` });
  (box as HTMLInputElement).checked = true;
  const ppn = p.programmeStart && p.programmeEnd ? `ППН ${formatRuDate(p.programmeStart)}–${formatRuDate(p.programmeEnd)}` : '';
  return el('li', { 'data-id': p.id },
    el('label', {}, box, ` ${p.mentorName} → ${p.menteeNames.join(', ')}`),
    el('div', { class: 'sub' }, [p.id, p.score !== null ? `${Math.round(p.score * 100)}%` : '', p.rolePair, p.format, ppn].filter(Boolean).join(' · ')),
  );
}

function renderProposals(list: PairView[]): void {
  byId('proposals').replaceChildren(...(list.length ? list.map(proposalLine) : [el('li', { class: 'muted' }, 'Предложенных пар нет.')]));
}

function checkedProposals(): string[] {
  return [...byId('proposals').querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')].map((b) => b.value);
}

async function automatch(): Promise<void> {
  const priority = (document.querySelector<HTMLInputElement>('input[name="priority"]:checked')?.value ?? 'score') as 'score' | 'coverage';
  const res = await act('Ищу лучшее распределение…', () => call('pairingAutomatch', { priority, filters: filters() }));
  if (!res) return;
  renderState(res.state);
  byId('automatch-result').replaceChildren(el('div', { class: 'msg ok' },
    `Предложено пар: ${res.proposed.length}. Без наставника осталось: ${res.unmatched}. ` +
      `Среднее соответствие: ${Math.round(res.average * 100)}% (подбор по очереди дал бы ${countWord(res.greedy.matched, ['пару', 'пары', 'пар'])}).`));
  status('ok', 'Проверьте предложенные пары ниже и утвердите нужные.');
}

async function approve(): Promise<void> {
  const ids = checkedProposals();
  if (!ids.length) return status('warn', 'Отметьте пары, которые нужно утвердить.');
  const res = await act('Утверждаю…', () => call('pairingApprove', {
    pairIds: ids, orderNumber: byId<HTMLInputElement>('approve-number').value, orderDate: byId<HTMLInputElement>('approve-date').value, filters: filters(),
  }));
  if (!res) return;
  renderState(res.state);
  status('ok', `Утверждено пар: ${res.approved.length}.${res.warnings.length ? ' ' + res.warnings.join(' ') : ''}`);
}

async function reject(): Promise<void> {
  const ids = checkedProposals();
  if (!ids.length) return status('warn', 'Отметьте пары, которые нужно отклонить.');
  const res = await act('Отклоняю…', () => call('pairingReject', ids, 'отклонено координатором при подборе', filters()));
  if (!res) return;
  renderState(res.state);
  status('ok', `Отклонено пар: ${res.rejected.length}. Они сохранены со статусом «отменено».`);
}

async function refresh(): Promise<void> {
  const s = await act('Загружаю…', () => call('pairingState', filters()));
  if (s) {
    renderState(s);
    status('ok', 'Выберите наставляемого из списка или запустите автоподбор.');
  }
}

async function init(): Promise<void> {
  for (const id of ['filter-org', 'filter-subject', 'filter-category']) byId(id).addEventListener('change', () => void refresh());
  byId('mentees').addEventListener('keydown', onMenteeKeys);
  byId('mentees').addEventListener('focus', () => byId('mentees').querySelector<HTMLElement>('li[data-id]')?.focus());
  byId('assign-form').addEventListener('submit', (e) => void assign(e));
  byId('automatch').addEventListener('click', () => void automatch());
  byId('approve').addEventListener('click', () => void approve());
  byId('reject').addEventListener('click', () => void reject());
  const s = await act('Загружаю…', () => call('pairingState', {}));
  if (!s) return;
  renderState(s);
  byId<HTMLInputElement>('ppn-start').value = s.options.defaults.programmeStart;
  byId<HTMLInputElement>('ppn-end').value = s.options.defaults.programmeEnd;
  byId<HTMLInputElement>('approve-date').value = s.asOf;
  status('ok', 'Выберите наставляемого из списка или запустите автоподбор.');
}

void init();
