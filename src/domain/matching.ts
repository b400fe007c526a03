// Exact mentor–mentee assignment (a bipartite b-matching of maximum weight), plus the greedy baseline it is
// measured against and the validation of the JSON the CLI accepts.
//
// Method: ε-scaling auction (Bertsekas) on an equivalent symmetric assignment problem; see solve(). It was
// measured against successive shortest paths (Dijkstra with potentials, warm-started by Jonker–Volgenant's
// augmenting row reduction) on 3,000 mentees × 2,000 mentors: both take ~0.2 s CPU with 100–200 candidates per
// mentee, but on fully dense input (6 million pairs) the shortest-path searches sweep the whole graph (~20 s)
// while the auction with candidate lists needs ~2 s, a third of it reading the pairs. The tests check optimality
// against brute force and against HiGHS.
//
// Exactness with fractional scores: scores are scaled to integers (10^6, so inputs with up to six decimals,
// like the CLI's, are represented exactly; only a problem too big for that in 2^53 gets a coarser scale) and
// all auction arithmetic is on integers below 2^53.

export type MatchPriority = 'score' | 'coverage';

export interface AssignInput {
  mentors: { id: string; capacity: number }[];
  mentees: { id: string }[];
  /** [menteeId, mentorId, score]: only listed pairs may be formed. */
  scores: [string, string, number][];
}

export interface AssignResult {
  /** [menteeId, mentorId], sorted by mentee id. */
  pairs: [string, string][];
  /** Sum of the scores of the chosen pairs (as given, not scaled). */
  total: number;
  matched: number;
}

/** Largest scale we use: six decimals of a score are kept exactly. */
const MAX_SCALE = 1e6;
/** Largest scaled value the auction starts from. */
const VALUE_LIMIT = 2 ** 47;
/** Prices past this would no longer be exact integers in a double (with room for one more bid). */
const PRICE_LIMIT = 2 ** 52;

interface Graph {
  n: number;
  m: number;
  /** Outgoing candidate arcs of mentee i are edgeStart[i] .. edgeStart[i+1]-1. */
  edgeStart: Int32Array;
  edgeMentor: Int32Array;
  /** Integer (scaled) cost of taking the arc: minus the weight. */
  edgeCost: Float64Array;
  edgeScore: Float64Array;
  capacity: Int32Array;
}

/**
 * The exact optimum.
 * - 'score': maximise the total score. A pair is taken only if it strictly increases the total, so pairs with
 *   a score ≤ 0 are never formed (leaving a mentee unmatched scores 0). Scores are compared at a resolution
 *   of 10^-6 (coarser only when the problem is too large for exact integers at that scale); a positive score
 *   below the resolution still counts as positive.
 * - 'coverage': first maximise the number of matched mentees, then the total score among those assignments;
 *   here a listed pair with a negative score is formed when it is the only way to match someone.
 * Throws on an id in `scores` that is not among mentors/mentees, and on a pair listed twice.
 */
export function assignOptimal(input: AssignInput, priority: MatchPriority): AssignResult {
  for (let coarser = 1; ; coarser *= 10) {
    const g = buildGraph(input, priority, coarser);
    const assigned = solve(g);
    if (assigned) return collect(input, g, assigned);
  }
}

/** Highest score first; under 'score' pairs with a score ≤ 0 are skipped, under 'coverage' any listed pair may be taken. */
export function assignGreedy(input: AssignInput, priority: MatchPriority): AssignResult {
  const menteeIndex = indexIds(input.mentees, 'наставляемый');
  const mentorIndex = indexIds(input.mentors, 'наставник');
  const E = input.scores.length;
  const score = new Float64Array(E);
  const src = new Int32Array(E);
  const dst = new Int32Array(E);
  let kept = 0;
  const order = new Uint32Array(E);
  for (let k = 0; k < E; k++) {
    const [e, m, s] = input.scores[k];
    src[k] = lookup(menteeIndex, e, 'наставляемый');
    dst[k] = lookup(mentorIndex, m, 'наставник');
    score[k] = s;
    if (priority === 'score' && !(s > 0)) continue;
    order[kept++] = k;
  }
  // Ties broken by input order so the baseline is reproducible.
  const sorted = order.subarray(0, kept).sort((a, b) => score[b] - score[a] || a - b);
  const left = Int32Array.from(input.mentors, (m) => m.capacity);
  const taken = new Uint8Array(input.mentees.length);
  const pairs: [string, string][] = [];
  let total = 0;
  for (const k of sorted) {
    const i = src[k];
    const j = dst[k];
    if (taken[i] || left[j] <= 0) continue;
    taken[i] = 1;
    left[j]--;
    total += score[k];
    pairs.push([input.mentees[i].id, input.mentors[j].id]);
  }
  pairs.sort((a, b) => compareIds(a[0], b[0]));
  return { pairs, total, matched: pairs.length };
}

/** Plain code-unit order, so the result does not depend on the runtime's locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Checks untrusted JSON before it reaches assignOptimal. Returns a one-line reason in Russian, or null when the
 * input is well-formed.
 */
export function validateAssignInput(json: unknown): string | null {
  // Ids are quoted as JSON so that whatever they contain the reason stays on one line.
  const q = (id: string): string => JSON.stringify(id);
  if (!isRecord(json)) return 'Ожидается объект {"mentors": [...], "mentees": [...], "scores": [...]}';
  for (const key of ['mentors', 'mentees', 'scores'] as const) {
    if (!Array.isArray(json[key])) return `Поле "${key}" должно быть массивом`;
  }
  const mentors = json.mentors as unknown[];
  const mentees = json.mentees as unknown[];
  const scores = json.scores as unknown[];
  const mentorIds = new Set<string>();
  for (let k = 0; k < mentors.length; k++) {
    const m = mentors[k];
    if (!isRecord(m) || typeof m.id !== 'string' || m.id === '') return `mentors[${k}]: нужен непустой строковый "id"`;
    if (mentorIds.has(m.id)) return `Повторяющийся id наставника: ${q(m.id)}`;
    mentorIds.add(m.id);
    const c = m.capacity;
    if (typeof c !== 'number' || !Number.isFinite(c)) return `Наставник ${q(m.id)}: "capacity" должно быть числом`;
    if (!Number.isInteger(c)) return `Наставник ${q(m.id)}: ёмкость должна быть целым числом, получено ${c}`;
    if (c < 0) return `Наставник ${q(m.id)}: отрицательная ёмкость ${c}`;
  }
  const menteeIds = new Set<string>();
  for (let k = 0; k < mentees.length; k++) {
    const e = mentees[k];
    if (!isRecord(e) || typeof e.id !== 'string' || e.id === '') return `mentees[${k}]: нужен непустой строковый "id"`;
    if (menteeIds.has(e.id)) return `Повторяющийся id наставляемого: ${q(e.id)}`;
    menteeIds.add(e.id);
  }
  const seen = new Set<string>();
  for (let k = 0; k < scores.length; k++) {
    const t = scores[k];
    if (!Array.isArray(t) || t.length !== 3 || typeof t[0] !== 'string' || typeof t[1] !== 'string') {
      return `scores[${k}]: ожидается ["id наставляемого", "id наставника", оценка]`;
    }
    const [e, m, s] = t as [string, string, unknown];
    if (!menteeIds.has(e)) return `scores[${k}]: неизвестный наставляемый ${q(e)}`;
    if (!mentorIds.has(m)) return `scores[${k}]: неизвестный наставник ${q(m)}`;
    if (typeof s !== 'number' || !Number.isFinite(s)) return `scores[${k}]: оценка пары ${q(e)}–${q(m)} должна быть конечным числом`;
    // JSON.stringify of the tuple cannot collide the way a separator-joined key could.
    const key = JSON.stringify([e, m]);
    if (seen.has(key)) return `scores[${k}]: пара ${q(e)}–${q(m)} указана дважды`;
    seen.add(key);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function indexIds(items: { id: string }[], what: string): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach((it, k) => {
    if (index.has(it.id)) throw new Error(`Повторяющийся id (${what}): "${it.id}"`);
    index.set(it.id, k);
  });
  return index;
}

function lookup(index: Map<string, number>, id: string, what: string): number {
  const k = index.get(id);
  if (k === undefined) throw new Error(`Неизвестный id (${what}): "${id}"`);
  return k;
}

/**
 * Picks a power-of-ten scale ≤ 10^6 such that the auction's values (weight × (persons + 1)) stay below 2^47,
 * which leaves room for prices above the largest value; solve() still checks and asks for a coarser scale.
 */
function chooseScale(maxAbs: number, persons: number, matchable: number, priority: MatchPriority, coarser: number): number {
  if (maxAbs === 0) return 1;
  const factor = (persons + 1) * (priority === 'coverage' ? 2 * matchable + 2 : 1);
  let scale = MAX_SCALE / coarser;
  while (scale > 1e-300 && maxAbs * scale * factor >= VALUE_LIMIT) scale /= 10;
  return scale;
}

function buildGraph(input: AssignInput, priority: MatchPriority, coarser = 1): Graph {
  const n = input.mentees.length;
  const m = input.mentors.length;
  const menteeIndex = indexIds(input.mentees, 'наставляемый');
  const mentorIndex = indexIds(input.mentors, 'наставник');
  const capacity = new Int32Array(m);
  let slots = 0;
  for (let j = 0; j < m; j++) {
    const c = input.mentors[j].capacity;
    if (!Number.isInteger(c) || c < 0) throw new Error(`Недопустимая ёмкость наставника "${input.mentors[j].id}": ${c}`);
    // Nobody can take more mentees than there are; this also keeps huge capacities inside an Int32Array.
    capacity[j] = Math.min(c, n);
    slots += capacity[j];
  }

  // Resolve ids once, drop arcs that can never be used, count per mentee for the CSR layout.
  const E0 = input.scores.length;
  const src = new Int32Array(E0);
  const dst = new Int32Array(E0);
  const keep = new Uint8Array(E0);
  const degree = new Int32Array(n + 1);
  let maxAbs = 0;
  const allDegree = new Int32Array(n + 1);
  let lastId: string | undefined;
  let lastIndex = -1;
  for (let k = 0; k < E0; k++) {
    const [e, mt, s] = input.scores[k];
    // Pools usually list a mentee's candidates together: skip the map for the repeated id.
    const i = e === lastId ? lastIndex : lookup(menteeIndex, e, 'наставляемый');
    lastId = e;
    lastIndex = i;
    const j = lookup(mentorIndex, mt, 'наставник');
    allDegree[i + 1]++;
    if (!Number.isFinite(s)) throw new Error(`Оценка пары ${e}–${mt} не является конечным числом`);
    src[k] = i;
    dst[k] = j;
    if (capacity[j] === 0) continue;
    if (priority === 'score' && !(s > 0)) continue;
    keep[k] = 1;
    degree[i + 1]++;
    const a = Math.abs(s);
    if (a > maxAbs) maxAbs = a;
  }
  const edgeStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) edgeStart[i + 1] = edgeStart[i] + degree[i + 1];
  const E = edgeStart[n];
  const fill = edgeStart.slice(0, n);
  const edgeMentor = new Int32Array(E);
  const edgeCost = new Float64Array(E);
  const edgeScore = new Float64Array(E);
  const matchable = Math.min(n, slots, E);
  // The auction's persons: mentees plus one filler per usable slot (≤ min(slots, arcs)).
  const scale = chooseScale(maxAbs, n + Math.min(slots, E), matchable, priority, coarser);
  // Under 'coverage' every pair carries a bonus larger than any difference in total score between two
  // assignments (≤ 2 · pairs · max |score|), so one more matched mentee always outweighs the scores.
  const bonus = priority === 'coverage' ? 2 * matchable * Math.ceil(maxAbs * scale) + 1 : 0;
  for (let k = 0; k < E0; k++) {
    if (!keep[k]) continue;
    const i = src[k];
    const p = fill[i]++;
    const s = input.scores[k][2];
    let w = Math.round(s * scale);
    // A positive score that rounds to zero would stop "only pairs that increase the total" from holding.
    if (priority === 'score' && w <= 0) w = 1;
    edgeMentor[p] = dst[k];
    edgeCost[p] = -(w + bonus);
    edgeScore[p] = s;
  }
  // A pair listed twice would make the result depend on which copy counts: refuse it (whether or not kept).
  const byMentee = new Int32Array(E0);
  for (let i = 0; i < n; i++) allDegree[i + 1] += allDegree[i];
  const at = allDegree.slice(0, n);
  for (let k = 0; k < E0; k++) byMentee[at[src[k]]++] = k;
  const lastSeen = new Int32Array(m).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let t = allDegree[i]; t < allDegree[i + 1]; t++) {
      const j = dst[byMentee[t]];
      if (lastSeen[j] === i) throw new Error(`Пара ${input.mentees[i].id}–${input.mentors[j].id} указана дважды`);
      lastSeen[j] = i;
    }
  }
  return { n, m, edgeStart, edgeMentor, edgeCost, edgeScore, capacity };
}

/** Candidate-list length of a mentee in the auction (see bidOf). */
const LIST = 4;
/** ε shrinks by this factor per phase. */
const THETA = 4;
/** The first ε is the largest value over this. */
const FIRST_EPS_DIVISOR = 8;
const FILLER = -2;

/**
 * ε-scaling forward auction (Bertsekas) on a symmetric assignment problem built from the b-matching:
 *  objects = mentor slots (min(capacity, degree) per mentor) + one private "stay unmatched" object per mentee;
 *  persons = mentees + as many interchangeable "fillers" as there are slots, worth 0 on every object.
 * Every perfect assignment of it is a b-matching plus fillers on the leftover objects, with the same value, so
 * both have the same optimum. Making the problem symmetric is what lets plain forward auction with ε-scaling be
 * exact (the asymmetric form would need reverse auction steps). Values are the integer weights times
 * (persons + 1); with ε = 1 in the last phase, ε-complementary slackness implies optimality.
 * Returns the chosen arc per mentee (or -1), or null if a price left the exact-integer range, in which case
 * the caller retries on a coarser scale.
 */
function solve(g: Graph): Int32Array | null {
  const { n, m, edgeStart, edgeMentor, edgeCost, capacity } = g;
  const E = edgeStart[n];
  const mentorDegree = new Int32Array(m);
  for (let p = 0; p < E; p++) mentorDegree[edgeMentor[p]]++;
  const slotBase = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) slotBase[j + 1] = slotBase[j] + Math.min(capacity[j], mentorDegree[j]);
  const S = slotBase[m];
  const slotMentor = new Int32Array(S);
  for (let j = 0; j < m; j++) for (let s = slotBase[j]; s < slotBase[j + 1]; s++) slotMentor[s] = j;
  const active: number[] = [];
  for (let i = 0; i < n; i++) if (edgeStart[i + 1] > edgeStart[i]) active.push(i);
  const assigned = new Int32Array(n).fill(-1);
  if (active.length === 0) return assigned;
  const dummyOf = new Int32Array(n).fill(-1);
  active.forEach((i, t) => (dummyOf[i] = S + t));
  const O = S + active.length;
  const M = active.length + S + 1;
  const value = new Float64Array(E);
  let maxValue = 0;
  for (let p = 0; p < E; p++) {
    value[p] = -edgeCost[p] * M;
    if (value[p] > maxValue) maxValue = value[p];
  }

  const price = new Float64Array(O);
  const holder = new Int32Array(O).fill(-1);
  const holderArc = new Int32Array(O).fill(-1);
  const objOf = new Int32Array(n).fill(-1);
  // The two cheapest slots of each mentor: a bidder takes the cheapest, the second is its runner-up there.
  // Each mentor's slots form a small min-heap by price (a mentor may have thousands of places), kept in
  // slotHeap[slotBase[j] ..] with slotPos giving a slot's place in it.
  const low1 = new Int32Array(m).fill(-1);
  const low2 = new Int32Array(m).fill(-1);
  const slotHeap = new Int32Array(S);
  const slotPos = new Int32Array(S);
  for (let t = 0; t < S; t++) {
    slotHeap[t] = t;
    slotPos[t] = t;
  }
  const settleLows = (j: number): void => {
    const base = slotBase[j];
    const size = slotBase[j + 1] - base;
    low1[j] = size > 0 ? slotHeap[base] : -1;
    if (size < 2) low2[j] = -1;
    else if (size === 2) low2[j] = slotHeap[base + 1];
    else low2[j] = price[slotHeap[base + 1]] <= price[slotHeap[base + 2]] ? slotHeap[base + 1] : slotHeap[base + 2];
  };
  /** Restores mentor j's slot heap after the price of slot s rose. */
  const slotPriceRose = (j: number, s: number): void => {
    const base = slotBase[j];
    const size = slotBase[j + 1] - base;
    let at = slotPos[s] - base;
    const ps = price[s];
    for (;;) {
      let c = 2 * at + 1;
      if (c >= size) break;
      if (c + 1 < size && price[slotHeap[base + c + 1]] < price[slotHeap[base + c]]) c++;
      const cs = slotHeap[base + c];
      if (price[cs] >= ps) break;
      slotHeap[base + at] = cs;
      slotPos[cs] = base + at;
      at = c;
    }
    slotHeap[base + at] = s;
    slotPos[s] = base + at;
    settleLows(j);
  };
  for (let j = 0; j < m; j++) settleLows(j);
  const heap = new PriceHeap(O, price);

  // Candidate lists: a mentee's LIST best mentors at its last full scan and the best value left out then.
  // Prices only rise, so while the listed runner-up is still worth at least that value, no unlisted mentor can
  // be first or second and a bid costs LIST arc looks instead of the mentee's whole degree (2,000 when dense).
  const list = new Int32Array(n * LIST);
  const listLen = new Int32Array(n).fill(-1);
  const threshold = new Float64Array(n);
  const topVal = new Float64Array(LIST);
  let v1 = 0;
  let v2 = 0;
  let o1 = -1;
  let p1 = -1;
  const pickFromList = (i: number): boolean => {
    const d = dummyOf[i];
    v1 = -price[d];
    o1 = d;
    p1 = -1;
    v2 = -Infinity;
    const base = i * LIST;
    for (let t = 0, len = listLen[i]; t < len; t++) {
      const p = list[base + t];
      const val = value[p] - price[low1[edgeMentor[p]]];
      if (val > v1) {
        v2 = v1;
        v1 = val;
        p1 = p;
      } else if (val > v2) {
        v2 = val;
      }
    }
    if (p1 !== -1) {
      const j = edgeMentor[p1];
      o1 = low1[j];
      if (low2[j] !== -1) v2 = Math.max(v2, value[p1] - price[low2[j]]);
    }
    return v2 >= threshold[i];
  };
  const rescan = (i: number): void => {
    const base = i * LIST;
    let len = 0;
    let cut = -Infinity;
    for (let p = edgeStart[i], end = edgeStart[i + 1]; p < end; p++) {
      const val = value[p] - price[low1[edgeMentor[p]]];
      if (len === LIST) {
        if (val <= topVal[LIST - 1]) {
          if (val > cut) cut = val;
          continue;
        }
        if (topVal[LIST - 1] > cut) cut = topVal[LIST - 1];
        len--;
      }
      let t = len++;
      while (t > 0 && topVal[t - 1] < val) {
        topVal[t] = topVal[t - 1];
        list[base + t] = list[base + t - 1];
        t--;
      }
      topVal[t] = val;
      list[base + t] = p;
    }
    listLen[i] = len;
    threshold[i] = cut;
  };
  /** Sets v1/o1/p1 (best object) and v2 (best other object's value) for mentee i. */
  const bidOf = (i: number): void => {
    if (listLen[i] >= 0 && pickFromList(i)) return;
    rescan(i);
    pickFromList(i);
    if (threshold[i] > v2) v2 = threshold[i];
  };

  const queue = new Int32Array(active.length);
  let head = 0;
  let queued = 0;
  const enqueue = (i: number): void => {
    queue[(head + queued) % queue.length] = i;
    queued++;
  };
  let freeFillers = S;
  for (const i of active) enqueue(i);

  let eps = Math.max(1, Math.floor(maxValue / FIRST_EPS_DIVISOR));
  for (;;) {
    while (queued > 0 || freeFillers > 0) {
      let taker: number;
      let o: number;
      if (queued > 0) {
        taker = queue[head];
        head = (head + 1) % queue.length;
        queued--;
        bidOf(taker);
        o = o1;
        price[o] += v1 - v2 + eps;
        holderArc[o] = p1;
        objOf[taker] = o;
      } else {
        // A filler values every object at 0: it bids for the cheapest one, up to the second cheapest + ε.
        taker = FILLER;
        o = heap.min();
        const second = heap.secondMin();
        price[o] = (second === -1 ? price[o] : price[second]) + eps;
        freeFillers--;
      }
      if (price[o] > PRICE_LIMIT) return null;
      heap.increased(o);
      if (o < S) slotPriceRose(slotMentor[o], o);
      const prev = holder[o];
      holder[o] = taker;
      if (prev === FILLER) freeFillers++;
      else if (prev >= 0) {
        objOf[prev] = -1;
        enqueue(prev);
      }
    }
    if (eps === 1) break;
    eps = Math.max(1, Math.floor(eps / THETA));
    // Keep every assignment that already satisfies the tighter ε; only the others bid again.
    for (const i of active) {
      const o = objOf[i];
      const held = o === dummyOf[i] ? -price[o] : value[holderArc[o]] - price[o];
      bidOf(i);
      if (held >= v1 - eps) continue;
      holder[o] = -1;
      objOf[i] = -1;
      enqueue(i);
    }
    const floor = price[heap.min()] + eps;
    for (let o = 0; o < O; o++) {
      if (holder[o] === FILLER && price[o] > floor) {
        holder[o] = -1;
        freeFillers++;
      }
    }
  }
  for (const i of active) {
    const o = objOf[i];
    if (o < S) assigned[i] = holderArc[o];
  }
  return assigned;
}

function collect(input: AssignInput, g: Graph, assigned: Int32Array): AssignResult {
  const pairs: [string, string][] = [];
  let total = 0;
  for (let i = 0; i < g.n; i++) {
    const p = assigned[i];
    if (p === -1) continue;
    pairs.push([input.mentees[i].id, input.mentors[g.edgeMentor[p]].id]);
    total += g.edgeScore[p];
  }
  pairs.sort((a, b) => compareIds(a[0], b[0]));
  return { pairs, total, matched: pairs.length };
}

/** Binary min-heap over all objects keyed by their prices, which only ever rise. */
class PriceHeap {
  private readonly items: Int32Array;
  private readonly pos: Int32Array;

  constructor(private readonly count: number, private readonly key: Float64Array) {
    this.items = new Int32Array(count);
    this.pos = new Int32Array(count);
    for (let t = 0; t < count; t++) {
      this.items[t] = t;
      this.pos[t] = t;
    }
    for (let t = (count >> 1) - 1; t >= 0; t--) this.down(t);
  }

  min(): number {
    return this.items[0];
  }

  secondMin(): number {
    if (this.count < 2) return -1;
    if (this.count === 2) return this.items[1];
    return this.key[this.items[1]] <= this.key[this.items[2]] ? this.items[1] : this.items[2];
  }

  increased(v: number): void {
    this.down(this.pos[v]);
  }

  private down(at: number): void {
    const { items, pos, key, count } = this;
    const v = items[at];
    const kv = key[v];
    for (;;) {
      let c = 2 * at + 1;
      if (c >= count) break;
      if (c + 1 < count && key[items[c + 1]] < key[items[c]]) c++;
      const cv = items[c];
      if (key[cv] >= kv) break;
      items[at] = cv;
      pos[cv] = at;
      at = c;
    }
    items[at] = v;
    pos[v] = at;
  }
}
