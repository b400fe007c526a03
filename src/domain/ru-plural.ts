// Russian plural forms, chosen by our own rule rather than Intl.PluralRules (Apps Script's runtime is not Node).

/** `forms` = [one, few, many]: «1 год», «2 года», «5 лет»; fractions take «few» («2,5 года»). */
export function pluralRu(n: number, forms: readonly [string, string, string]): string {
  if (!Number.isInteger(n)) return forms[1];
  const abs = Math.abs(n);
  const d10 = abs % 10;
  const d100 = abs % 100;
  if (d10 === 1 && d100 !== 11) return forms[0];
  if (d10 >= 2 && d10 <= 4 && (d100 < 12 || d100 > 14)) return forms[1];
  return forms[2];
}

/** A number the Russian way (decimal comma), at most `digits` decimals, trailing zeros dropped. */
export function formatNumberRu(n: number, digits = 2): string {
  const f = 10 ** digits;
  const rounded = Math.round(n * f) / f;
  const text = String(Object.is(rounded, -0) ? 0 : rounded);
  return text.replace('.', ',');
}

/** «3 года», «1 год», «2,5 года». */
export function countRu(n: number, forms: readonly [string, string, string], digits = 1): string {
  return `${formatNumberRu(n, digits)} ${pluralRu(n, forms)}`;
}

export const YEARS: readonly [string, string, string] = ['год', 'года', 'лет'];
