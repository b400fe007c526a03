// Generic words («работа», «развитие», «организация»…) count a quarter and match only their own forms; a longer
// word that merely begins like one («работодатель», «основной») is a content word of its own.
import { describe, it, expect } from 'vitest';
import { genericStemOf, phraseStems, stemCoverage, stemsMatch } from '../../src/domain/ru-stem';
import { DEFAULT_SCORING, scoreCandidate } from '../../src/domain/scoring';
import type { Mentee, Mentor } from '../../src/domain/people';

const stem = (word: string): string => phraseStems(word)[0].stem;
const same = (a: string, b: string): boolean => stemsMatch(stem(a), stem(b));
const weight = (word: string): number => phraseStems(word)[0].weight;

describe('generic words match only their own forms', () => {
  it('a generic word does not match a different word that begins like it', () => {
    for (const [a, b] of [
      ['работа', 'работодатель'],
      ['работы', 'работодателями'],
      ['работа', 'работник'],
      ['работой', 'работающих'],
      ['основы', 'основной'],
      ['основа', 'основание'],
      ['области', 'областной'],
      ['деятельность', 'деятельностный'],
      ['организация', 'организационный'],
      ['развитие', 'развивающий'],
      ['процесс', 'процессуальный'],
    ]) {
      expect(same(a, b), `${a} ~ ${b}`).toBe(false);
      expect(same(b, a), `${b} ~ ${a}`).toBe(false);
    }
  });

  it('forms of one generic word still match, whatever the stripper left of the ending', () => {
    for (const [a, b] of [
      ['работа', 'работою'],
      ['организация', 'организацию'],
      ['организацию', 'организациями'],
      ['развитие', 'развитию'],
      ['деятельность', 'деятельности'],
      ['умение', 'умению'],
      ['область', 'областях'],
    ]) {
      expect(same(a, b), `${a} ~ ${b}`).toBe(true);
      expect(same(b, a), `${b} ~ ${a}`).toBe(true);
    }
  });

  it('content words keep the prefix rule', () => {
    expect(same('оценивание', 'оценки')).toBe(true);
    expect(same('цифровые', 'цифра')).toBe(true);
    expect(same('родителями', 'родителей')).toBe(true);
    expect(same('работодатель', 'работодателями')).toBe(true);
    expect(same('программа', 'прогноз')).toBe(false);
  });

  it('every form of a generic word counts a quarter, a different word counts fully', () => {
    for (const w of ['работа', 'работою', 'развитие', 'развитию', 'умение', 'деятельность', 'деятельностью', 'организацию', 'область', 'основы']) {
      expect(weight(w), w).toBe(0.25);
      expect(genericStemOf(stem(w)), w).not.toBeNull();
    }
    for (const w of ['работодатель', 'работник', 'основной', 'областной', 'деятельностный', 'организационный', 'развивающий']) {
      expect(weight(w), w).toBe(1);
      expect(genericStemOf(stem(w)), w).toBeNull();
    }
  });

  it('«работа с работодателями» is no longer covered by «работа с родителями»', () => {
    // Before: «работодатель» counted a quarter and matched «работа», so the deficit was covered in full.
    expect(stemCoverage(phraseStems('работа с работодателями'), phraseStems('работа с родителями'))).toBeCloseTo(0.25 / 1.25, 9);
    expect(stemCoverage(phraseStems('взаимодействие с работодателями'), phraseStems('организация работы с детьми'))).toBe(0);

    const mentee = {
      id: 'e1', fullName: 'Орлова Дарья Игоревна', organisationId: 'СПО-1', position: 'преподаватель', subject: 'экономика',
      age: 25, experienceYears: 1, category: '', deficits: ['работа с работодателями', 'оценивание'], request: '',
      preferredFormats: [], includedDate: '2023-09-01', consentDate: '2023-09-01',
    } satisfies Mentee;
    const mentor = {
      id: 'm1', fullName: 'Петрова Ольга Ивановна', organisationId: 'СПО-1', position: 'преподаватель', subject: 'экономика',
      experienceYears: 20, category: 'высшая', level: '', strengths: ['работа с родителями', 'формирующее оценивание'], capacity: 1,
      preferredFormats: [], consentDate: '2023-09-01',
    } satisfies Mentor;
    const only = { subject: 0, organisation: 0, deficits: 1, experience: 0, level: 0, format: 0, capacity: 0 };
    const r = scoreCandidate(mentee, mentor, { weights: only, constraints: DEFAULT_SCORING.constraints, load: 0, asOf: '2023-09-01' });
    expect(r.reasons).toEqual([{ label: 'Закрывает дефицит (1 из 2): оценивание', points: 0.5 }]);
  });
});
