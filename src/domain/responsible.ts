// The «Ответственные» cell as a list of parties. Organisation names carry commas inside quotes
// («МБУ «Центр, который…»») and brackets, so the split runs over a small depth counter instead of a regex.

/** Person roles that start a new party when glued to the previous one without a comma
 *  («Директор МОУ ДПО УМЦ Заместители руководителей ОО»). Institutions are left out on purpose:
 *  «МКУ Управление образования» is one party. */
const ROLE_WORD = /^(Директор|Заместител|Зам\.|Руководител|Начальник|Методист|Куратор|Специалист|Председател|Педагог|Учител|Наставник|Старш|Главн|Ведущ|Советник|Координатор|Психолог|Инспектор|Эксперт|Член|Сотрудник|Ответственн)/u;

/** A lowercase word that attaches to the party before it: «…ОО, координирующих наставническую деятельность»,
 *  «органы местного самоуправления, осуществляющие управление в сфере образования». Active participles open
 *  such a clause in any case; passive ones only in the oblique cases, since «заинтересованные организации»
 *  after a comma is a party of its own. */
const ATTRIBUTIVE =
  /^\p{Ll}+(щих|щей|щего|щим|щими|щие|щий|щая|щее|щую|щему|вших|вшей|вшего|вшие|вший|вшая|емых|имых|емого|имого|нных|нного)(\s|$)/u;

const ABBREVIATION = /^[А-ЯЁA-Z]{2,8}$/;

/** «Иванова М.П.», «М.П. Иванова», «Иванова Мария Петровна». */
const PERSON = /^(\p{Lu}\p{Ll}+(-\p{Lu}\p{Ll}+)?\s+\p{Lu}\.\s*\p{Lu}\.?|\p{Lu}\.\s*\p{Lu}\.\s*\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+(вна|вич|ична|ич))$/u;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function splitTopLevel(text: string, isSeparator: (ch: string) => boolean): string[] {
  const parts: string[] = [];
  let guillemets = 0;
  let brackets = 0;
  let straight = false;
  let current = '';
  for (const ch of text) {
    if (ch === '«') guillemets++;
    else if (ch === '»' && guillemets > 0) guillemets--;
    else if (ch === '(' || ch === '[') brackets++;
    else if ((ch === ')' || ch === ']') && brackets > 0) brackets--;
    else if (ch === '"') straight = !straight;
    if (guillemets === 0 && brackets === 0 && !straight && isSeparator(ch)) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

/** Splits a party glued to the next by a capitalised role word after an abbreviation or closing quote. */
function splitOnRoleWords(part: string): string[] {
  const words = splitTopLevel(part, (ch) => ch === ' ');
  const out: string[] = [];
  let current: string[] = [];
  for (const word of words) {
    if (word === '') continue;
    const prev = current[current.length - 1];
    const prevEndsParty = prev !== undefined && (ABBREVIATION.test(prev.replace(/[.,]$/, '')) || /[»)"]$/.test(prev));
    if (prevEndsParty && ROLE_WORD.test(word)) {
      out.push(current.join(' '));
      current = [];
    }
    current.push(word);
  }
  if (current.length) out.push(current.join(' '));
  return out;
}

function tidyParty(part: string): string {
  let t = part.replace(/\s+/g, ' ').trim();
  t = t.replace(/^[-–•·*]\s*/, '');
  // A final full stop after a word is punctuation; after a capital letter it ends initials («Иванов И.И.»).
  t = t.replace(/([\p{Ll}»)])\.$/u, '$1');
  return t.replace(/[,;]$/, '').trim();
}

function quotesUnbalanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '«') depth++;
    else if (ch === '»' && depth > 0) depth--;
  }
  return depth > 0;
}

/**
 * Documents often close only one of two nested quotes («МАУ ДО «ДДТ «Радуга», МАУ «ЦРО»»): the depth count
 * then never returns to zero and the whole list reads as one name. There, a comma or semicolon followed by a
 * capitalised word (a new name: «МАУ», «Управление») separates parties whatever the quote depth; a comma
 * inside a name is followed by lower case.
 */
function splitLoose(text: string): string[] {
  const out: string[] = [];
  for (const piece of splitTopLevel(text, (ch) => ch === '\n')) {
    let start = 0;
    let brackets = 0;
    for (let i = 0; i < piece.length; i++) {
      const ch = piece[i];
      if (ch === '(' || ch === '[') brackets++;
      else if ((ch === ')' || ch === ']') && brackets > 0) brackets--;
      else if ((ch === ',' || ch === ';') && brackets === 0 && /^\s*[«"]?\p{Lu}/u.test(piece.slice(i + 1))) {
        out.push(piece.slice(start, i));
        start = i + 1;
      }
    }
    out.push(piece.slice(start));
  }
  return out;
}

/** Parties of one responsible cell, in order, without duplicates. */
export function splitResponsible(text: string): string[] {
  const raw = quotesUnbalanced(text) ? splitLoose(text) : splitTopLevel(text, (ch) => ch === ',' || ch === ';' || ch === '\n');
  const parties: string[] = [];
  for (const chunk of raw) {
    const tidy = tidyParty(chunk);
    if (tidy === '') continue;
    // «Иванова М.П., заместитель директора»: a position in lower case after a person's name is that person's.
    const last = parties[parties.length - 1];
    const positionOfPerson = last !== undefined && PERSON.test(last) && /^\p{Ll}/u.test(tidy) && ROLE_WORD.test(capitalise(tidy));
    if ((ATTRIBUTIVE.test(tidy) || positionOfPerson) && parties.length > 0) {
      parties[parties.length - 1] = `${parties[parties.length - 1]}, ${tidy}`;
      continue;
    }
    for (const piece of splitOnRoleWords(tidy)) {
      const p = tidyParty(piece);
      if (p !== '') parties.push(p);
    }
  }
  return dedupe(parties);
}

function dedupe(parties: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of parties) {
    const key = p.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}

/**
 * Document-level pass: extraction glues the contents of two sub-cells («РЦО ОО» from «РЦО» over «ОО»).
 * A party made only of abbreviations that each stand alone as a party elsewhere in the roadmap is split;
 * «МОУ ДПО УМЦ» stays whole unless «МОУ», «ДПО» and «УМЦ» are each a party somewhere.
 */
export function refineParties(lists: string[][]): string[][] {
  const known = new Set<string>();
  for (const list of lists) for (const p of list) if (ABBREVIATION.test(p)) known.add(p);
  return lists.map((list) => {
    const out: string[] = [];
    for (const p of list) {
      const tokens = p.split(' ');
      if (tokens.length > 1 && tokens.every((t) => known.has(t))) out.push(...tokens);
      else out.push(p);
    }
    return dedupe(out);
  });
}
