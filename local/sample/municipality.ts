// A sample municipality for the demo and for tests: organisations and teachers as a coordinator keeps them
// in their own sheets before the add-on arrives. Deterministic (seeded), so outputs are reproducible.
// Names are invented from common Russian names; no real person is described.
import { seededRandom } from './prng';

export interface SampleOrganisation {
  id: string;
  name: string;
  kind: 'школа' | 'ДОУ' | 'доп. образование' | 'колледж';
  curator: string;
}

export interface SampleTeacher {
  id: string;
  fullName: string;
  organisation: string;
  position: string;
  subject: string;
  birthDate: string;
  experienceYears: number;
  category: string;
  consentDate: string;
}

const SURNAMES = ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров',
  'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев', 'Орлов', 'Андреев',
  'Макаров', 'Никитин', 'Захаров', 'Зайцев', 'Соловьёв', 'Борисов', 'Яковлев', 'Григорьев'];
const MALE = ['Александр', 'Дмитрий', 'Максим', 'Сергей', 'Андрей', 'Алексей', 'Артём', 'Илья', 'Кирилл', 'Михаил'];
const FEMALE = ['Анна', 'Мария', 'Елена', 'Ольга', 'Наталья', 'Татьяна', 'Ирина', 'Екатерина', 'Светлана', 'Юлия', 'Дарья', 'Алина'];
const PATRONYMIC_ROOTS = ['Александров', 'Сергеев', 'Владимиров', 'Николаев', 'Андреев', 'Петров', 'Викторов', 'Игорев'];
const SUBJECTS = ['математика', 'русский язык и литература', 'английский язык', 'история', 'физика', 'химия', 'биология',
  'начальные классы', 'информатика', 'физическая культура', 'география', 'музыка'];
const DOU_SUBJECTS = ['дошкольное образование', 'логопедия', 'музыкальное воспитание', 'физическое развитие'];
const DO_SUBJECTS = ['техническое творчество', 'хореография', 'изобразительное искусство', 'робототехника'];
const CATEGORIES = ['без категории', 'соответствие должности', 'первая', 'высшая'];

export const SAMPLE_ORGANISATIONS: readonly SampleOrganisation[] = [
  { id: 'ОО-01', name: 'МБОУ «СОШ № 1»', kind: 'школа', curator: '' },
  { id: 'ОО-02', name: 'МБОУ «СОШ № 2»', kind: 'школа', curator: '' },
  { id: 'ОО-03', name: 'МБОУ «Гимназия № 3»', kind: 'школа', curator: '' },
  { id: 'ОО-04', name: 'МБОУ «СОШ с. Жариково»', kind: 'школа', curator: '' },
  { id: 'ОО-05', name: 'МБОУ «ООШ с. Барабаш-Левада»', kind: 'школа', curator: '' },
  { id: 'ОО-06', name: 'МБОУ «Лицей № 6»', kind: 'школа', curator: '' },
  { id: 'ОО-07', name: 'МБДОУ «Детский сад № 1 „Солнышко“»', kind: 'ДОУ', curator: '' },
  { id: 'ОО-08', name: 'МБДОУ «Детский сад № 2 „Берёзка“»', kind: 'ДОУ', curator: '' },
  { id: 'ОО-09', name: 'МБДОУ «Детский сад № 5»', kind: 'ДОУ', curator: '' },
  { id: 'ОО-10', name: 'МБУ ДО «Центр детского творчества»', kind: 'доп. образование', curator: '' },
];

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)];
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** ~150 teachers over the sample organisations: about a fifth are young specialists, as in real schools. */
export function sampleTeachers(count = 150, seed = 20231101, referenceYear = 2023): SampleTeacher[] {
  const rnd = seededRandom(seed);
  const teachers: SampleTeacher[] = [];
  for (let i = 0; i < count; i++) {
    const org = SAMPLE_ORGANISATIONS[i % SAMPLE_ORGANISATIONS.length];
    const female = rnd() < 0.82;
    const surname = pick(rnd, SURNAMES) + (female ? 'а' : '');
    const name = pick(rnd, female ? FEMALE : MALE);
    const patronymic = pick(rnd, PATRONYMIC_ROOTS) + (female ? 'на' : 'ич');
    const young = rnd() < 0.22;
    const age = young ? 22 + Math.floor(rnd() * 12) : 30 + Math.floor(rnd() * 33);
    const experience = young ? Math.floor(rnd() * 4) : Math.min(age - 22, 4 + Math.floor(rnd() * 30));
    const subjects = org.kind === 'ДОУ' ? DOU_SUBJECTS : org.kind === 'доп. образование' ? DO_SUBJECTS : SUBJECTS;
    const position = org.kind === 'ДОУ' ? 'воспитатель' : org.kind === 'доп. образование' ? 'педагог дополнительного образования' : 'учитель';
    const category = experience < 2 ? 'без категории' : pick(rnd, CATEGORIES.slice(experience > 10 ? 2 : 1));
    const consent = rnd() < 0.9 ? iso(referenceYear, 9, 1 + Math.floor(rnd() * 28)) : '';
    teachers.push({
      id: `П-${String(i + 1).padStart(3, '0')}`,
      fullName: `${surname} ${name} ${patronymic}`,
      organisation: org.name,
      position,
      subject: pick(rnd, subjects),
      birthDate: iso(referenceYear - age, 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)),
      experienceYears: experience,
      category,
      consentDate: consent,
    });
  }
  return teachers;
}
