// Seeded mentor and mentee pools as a regional coordinator would have them: many organisations with partners,
// subjects written in several ways, deficits and strengths as Russian phrases from diagnostics (shared wording
// plus free text), preferred formats, consent dates (some missing, late or unreadable), existing pairs and loads.
// Shared by the scoring benchmark and the scoring equivalence test; `odd` adds the records a real sheet also has
// (blank fields, «ё», stray spaces and capitals, the same person on both sides, zero or fractional capacity).
import type { Mentee, Mentor, Pair, PairStatus } from '../../src/domain/people';
import type { PartnerOrganisations } from '../../src/domain/scoring';
import type { IsoDate } from '../../src/domain/types';
import { seededRandom } from '../../local/sample/prng';

export interface PoolShape {
  mentees: number;
  mentors: number;
  organisations: number;
  /** Existing pairs (proposed, active, completed, cancelled) between pool people. */
  pairs: number;
  /** Add unusual but possible records (see the header). */
  odd?: boolean;
}

export interface Pool {
  mentees: Mentee[];
  mentors: Mentor[];
  partners: PartnerOrganisations;
  pairs: Pick<Pair, 'mentorId' | 'menteeIds' | 'status'>[];
  loads: Map<string, number>;
  asOf: IsoDate;
}

const SUBJECTS = [
  'математика', 'Математика', 'алгебра и геометрия', 'учитель математики', 'математика и информатика', 'информатика',
  'русский язык и литература', 'Русский язык', 'литература', 'английский язык', 'Иностранный язык (английский)',
  'немецкий язык', 'история', 'история и обществознание', 'обществознание', 'физика', 'химия', 'биология', 'география',
  'начальные классы', 'Начальные классы', 'учитель начальных классов', 'физическая культура', 'музыка', 'ИЗО',
  'технология', 'ОБЖ', 'дошкольное образование', 'воспитатель', 'логопедия', 'учитель-логопед', 'педагог-психолог',
  'хореография', 'робототехника', 'техническое творчество', 'изобразительное искусство',
];

const DEFICITS = [
  'оценивание образовательных результатов', 'работа с родителями', 'взаимодействие с родителями обучающихся',
  'формирование функциональной грамотности', 'развитие читательской грамотности', 'смысловое чтение',
  'работа с детьми с ОВЗ', 'инклюзивное образование', 'цифровые образовательные ресурсы', 'ИКТ-компетентность',
  'проектная деятельность', 'исследовательская деятельность обучающихся', 'классное руководство',
  'дисциплина на уроке', 'управление классом', 'целеполагание урока', 'работа с одарёнными детьми',
  'подготовка к ОГЭ', 'подготовка к ЕГЭ', 'профилактика профессионального выгорания', 'работа с документацией',
  'составление рабочей программы', 'организация внеурочной деятельности', 'современные образовательные технологии',
  'дистанционное обучение', 'разрешение конфликтов с обучающимися', 'мотивация обучающихся', 'адаптация в коллективе',
  'навыки публичного выступления', 'системно-деятельностный подход', 'требования ФГОС', 'формирующее оценивание',
  'взаимодействие с работодателями', 'организация работы с трудными подростками', 'развитие речи дошкольников',
  'игровые технологии', 'здоровьесберегающие технологии', 'вопросы аттестации', 'повышение мотивации к учению',
];

const STRENGTHS = [
  'Оценивание образовательных результатов', 'взаимодействие с родителями обучающихся', 'работа с родителями',
  'функциональная грамотность', 'читательская грамотность', 'инклюзивное образование детей с ОВЗ',
  'цифровые образовательные ресурсы и платформы', 'проектная и исследовательская деятельность', 'классное руководство',
  'управление классом и дисциплина', 'подготовка обучающихся к ОГЭ и ЕГЭ', 'работа с одарёнными детьми',
  'олимпиадное движение', 'профилактика выгорания', 'ведение документации', 'рабочие программы по ФГОС',
  'внеурочная деятельность', 'современные педагогические технологии', 'дистанционное обучение', 'медиация конфликтов',
  'мотивация учебной деятельности', 'наставничество молодых специалистов', 'публичные выступления',
  'системно-деятельностный подход', 'формирующее оценивание', 'социальное партнёрство с работодателями',
  'работа с трудными подростками', 'развитие речи', 'игровые технологии', 'здоровьесбережение', 'аттестация педагогов',
];

/** Free-text words for phrases nobody else writes the same way. */
const FREE_WORDS = [
  'методика', 'преподавания', 'урока', 'самоанализ', 'рефлексия', 'портфолио', 'кейсы', 'командообразование',
  'тьюторство', 'медиаграмотность', 'STEM', 'лаборатория', 'экскурсии', 'краеведение', 'волонтёрство', 'патриотическое',
  'воспитание', 'профориентация', 'финансовая', 'грамотность', 'критическое', 'мышление', 'работник', 'работающих',
];

const FORMATS = [
  'традиционная (один на один)', 'традиционное', 'групповая', 'в группе', 'виртуальное', 'дистанционная',
  'сетевое', 'реверсивное', 'ситуационное', 'скоростное', 'флеш-наставничество', 'партнёрское',
];

const LEVELS = ['наставник', 'старший наставник', 'ведущий наставник', 'Ведущий наставник', '', 'эксперт'];
const CATEGORIES = ['высшая', 'первая', 'соответствие занимаемой должности', 'без категории', '', 'Высшая'];
const SURNAMES = ['Иванова', 'Смирнова', 'Кузнецова', 'Попова', 'Васильева', 'Петрова', 'Соколова', 'Михайлова', 'Новикова',
  'Фёдорова', 'Морозова', 'Волкова', 'Алексеева', 'Лебедева', 'Семёнова', 'Егорова', 'Павлова', 'Козлова', 'Степанова'];
const NAMES = ['Анна', 'Мария', 'Елена', 'Ольга', 'Наталья', 'Татьяна', 'Ирина', 'Екатерина', 'Светлана', 'Юлия', 'Дарья'];
const PATRONYMICS = ['Александровна', 'Сергеевна', 'Владимировна', 'Николаевна', 'Андреевна', 'Петровна', 'Игоревна'];

export function generatePool(seed: number, shape: PoolShape): Pool {
  const rnd = seededRandom(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const chance = (p: number): boolean => rnd() < p;
  const odd = shape.odd === true;
  const asOf: IsoDate = '2023-10-01';

  const orgs = Array.from({ length: shape.organisations }, (_, i) => `ОО-${String(i + 1).padStart(3, '0')}`);
  const partners: Record<string, string[]> = {};
  // Networks of neighbouring organisations; written on one side only, as a coordinator does.
  for (let i = 0; i < orgs.length; i++) {
    if (!chance(0.3)) continue;
    partners[orgs[i]] = Array.from({ length: int(1, 3) }, () => pick(orgs)).filter((o) => o !== orgs[i]);
  }

  const messy = (s: string): string => {
    if (!odd) return s;
    const r = rnd();
    if (r < 0.05) return `  ${s} `;
    if (r < 0.1) return s[0].toUpperCase() + s.slice(1);
    if (r < 0.13) return s.replace(/е/g, 'ё');
    if (r < 0.15) return s.toUpperCase();
    return s;
  };
  const phrase = (list: readonly string[]): string =>
    chance(0.12) ? Array.from({ length: int(1, 3) }, () => pick(FREE_WORDS)).join(' ') : messy(pick(list));
  const phrases = (list: readonly string[], lo: number, hi: number): string[] => Array.from({ length: int(lo, hi) }, () => phrase(list));
  const fullName = (): string => `${pick(SURNAMES)} ${pick(NAMES)} ${pick(PATRONYMICS)}`;
  const consent = (): IsoDate | null => {
    const r = rnd();
    if (r < 0.05) return null;
    if (r < 0.08) return `2023-10-${String(int(2, 28)).padStart(2, '0')}`;
    if (odd && r < 0.1) return pick(['2023-02-30', '01.09.2023', '']);
    return `2023-${String(int(1, 9)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  };
  const experience = (lo: number, hi: number): number | null => (chance(0.05) ? null : odd && chance(0.05) ? int(lo, hi) + 0.5 : int(lo, hi));
  const org = (): string => (odd && chance(0.08) ? pick(['', ` ${pick(orgs)}`]) : pick(orgs));

  const mentors: Mentor[] = Array.from({ length: shape.mentors }, (_, j) => ({
    id: `М-${j + 1}`,
    fullName: odd && chance(0.02) ? '' : fullName(),
    organisationId: org(),
    position: 'учитель',
    subject: odd && chance(0.05) ? '' : messy(pick(SUBJECTS)),
    experienceYears: experience(3, 38),
    category: pick(CATEGORIES),
    level: pick(LEVELS),
    strengths: phrases(STRENGTHS, odd ? 0 : 1, 5),
    capacity: odd && chance(0.05) ? pick([0, 2.5, -1]) : int(1, 3),
    preferredFormats: phrases(FORMATS, 0, 3),
    consentDate: consent(),
  }));

  const mentees: Mentee[] = Array.from({ length: shape.mentees }, (_, i) => {
    // Now and then the same person is typed into both bases (same name and organisation, or the same id).
    const twin = odd && chance(0.03) ? pick(mentors) : null;
    return {
      id: twin && chance(0.3) ? twin.id : `Я-${i + 1}`,
      fullName: twin ? `${twin.fullName.toUpperCase()} ` : fullName(),
      organisationId: twin ? twin.organisationId : org(),
      position: 'учитель',
      subject: odd && chance(0.05) ? '' : messy(pick(SUBJECTS)),
      age: int(22, 40),
      experienceYears: experience(0, 6),
      category: pick(CATEGORIES),
      deficits: phrases(DEFICITS, odd ? 0 : 1, 4),
      request: '',
      preferredFormats: phrases(FORMATS, 0, 2),
      includedDate: '2023-09-01',
      consentDate: consent(),
    };
  });

  if (odd && mentors.length > 6 && mentees.length > 6) {
    // Whatever the seed, at least one of each: no organisation, no level or category, no consent, an unreadable or
    // late consent date, the same person on both sides (by name in the same organisation, by id).
    mentees[5].fullName = ` ${mentors[5].fullName.toUpperCase().replace(/Е/g, 'Ё')}`;
    mentees[5].organisationId = mentors[5].organisationId;
    mentees[6].id = mentors[6].id;
    mentors[1].organisationId = '';
    mentees[1].organisationId = '';
    mentors[2].level = '';
    mentors[2].category = ' ';
    mentors[3].consentDate = null;
    mentees[3].consentDate = null;
    mentors[4].consentDate = '2023-02-30';
    mentees[4].consentDate = '2023-10-15';
  }

  const statuses: PairStatus[] = ['proposed', 'active', 'active', 'completed', 'cancelled'];
  const pairs = Array.from({ length: shape.pairs }, () => ({
    mentorId: pick(mentors).id,
    menteeIds: chance(0.1) ? [pick(mentees).id, pick(mentees).id] : [pick(mentees).id],
    status: pick(statuses),
  }));
  const loads = new Map<string, number>();
  for (const p of pairs) {
    if (p.status === 'proposed' || p.status === 'active') loads.set(p.mentorId, (loads.get(p.mentorId) ?? 0) + p.menteeIds.length);
  }
  return { mentees, mentors, partners, pairs, loads, asOf };
}
