// DataValidationBuilder / DataValidation. Like Sheets, a new rule allows invalid data (shows a warning) until
// setAllowInvalid(false); only then does a script write that breaks the rule throw.
import { raw } from '../counter';
import type { DataValidationCriteriaName } from './enums';
import { isDate, type CellValue } from './values';
import type { FakeRange } from './range';

interface RuleSpec {
  criteria: DataValidationCriteriaName | null;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

function copyValues(values: unknown[]): unknown[] {
  return values.map((v) => (Array.isArray(v) ? [...v] : isDate(v) ? new Date(v.getTime()) : v));
}

function toDate(d: unknown): Date {
  return isDate(d) ? new Date(d.getTime()) : new Date(String(d));
}

export class FakeDataValidationBuilder {
  readonly __className = 'DataValidationBuilder';
  _spec: RuleSpec = { criteria: null, values: [], allowInvalid: true, helpText: null };

  private _set(criteria: DataValidationCriteriaName, values: unknown[]): this {
    this._spec.criteria = criteria;
    this._spec.values = values;
    return this;
  }

  requireValueInList(values: string[], showDropdown = true) {
    if (!Array.isArray(values)) {
      throw new Error(`The parameters (${typeof values === 'string' ? 'String' : typeof values}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.`);
    }
    return this._set('VALUE_IN_LIST', [values.map(String), showDropdown]);
  }
  requireValueInRange(range: FakeRange, showDropdown = true) { return this._set('VALUE_IN_RANGE', [raw(range), showDropdown]); }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown) {
    const values = checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    return this._set('CHECKBOX', values);
  }
  requireDate() { return this._set('DATE_IS_VALID_DATE', []); }
  requireDateAfter(date: Date) { return this._set('DATE_AFTER', [toDate(date)]); }
  requireDateBefore(date: Date) { return this._set('DATE_BEFORE', [toDate(date)]); }
  requireDateOnOrAfter(date: Date) { return this._set('DATE_ON_OR_AFTER', [toDate(date)]); }
  requireDateOnOrBefore(date: Date) { return this._set('DATE_ON_OR_BEFORE', [toDate(date)]); }
  requireDateEqualTo(date: Date) { return this._set('DATE_EQUAL_TO', [toDate(date)]); }
  requireDateBetween(start: Date, end: Date) { return this._set('DATE_BETWEEN', [toDate(start), toDate(end)]); }
  requireNumberBetween(start: number, end: number) { return this._set('NUMBER_BETWEEN', [start, end]); }
  requireNumberGreaterThan(n: number) { return this._set('NUMBER_GREATER_THAN', [n]); }
  requireNumberGreaterThanOrEqualTo(n: number) { return this._set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]); }
  requireNumberLessThan(n: number) { return this._set('NUMBER_LESS_THAN', [n]); }
  requireNumberLessThanOrEqualTo(n: number) { return this._set('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]); }
  requireNumberEqualTo(n: number) { return this._set('NUMBER_EQUAL_TO', [n]); }
  requireTextContains(text: string) { return this._set('TEXT_CONTAINS', [text]); }
  requireTextEqualTo(text: string) { return this._set('TEXT_EQUAL_TO', [text]); }
  requireTextIsEmail() { return this._set('TEXT_IS_VALID_EMAIL', []); }
  requireTextIsUrl() { return this._set('TEXT_IS_VALID_URL', []); }
  requireFormulaSatisfied(formula: string) { return this._set('CUSTOM_FORMULA', [formula]); }
  withCriteria(criteria: DataValidationCriteriaName, args: unknown[]) {
    return this._set(String(criteria) as DataValidationCriteriaName, copyValues(args.map((a) => (a && typeof a === 'object' ? raw(a) : a))));
  }
  setAllowInvalid(allow: boolean) { this._spec.allowInvalid = !!allow; return this; }
  setHelpText(text: string) { this._spec.helpText = String(text); return this; }
  getCriteriaType() { return this._spec.criteria; }
  getCriteriaValues() { return copyValues(this._spec.values); }
  getAllowInvalid() { return this._spec.allowInvalid; }
  getHelpText() { return this._spec.helpText; }
  copy() { return FakeDataValidationBuilder._from(this._spec); }

  build(): FakeDataValidation {
    if (!this._spec.criteria) throw new Error('You must specify a validation criteria before building a data validation rule.');
    return new FakeDataValidation({ ...this._spec, values: copyValues(this._spec.values) });
  }

  static _from(spec: RuleSpec): FakeDataValidationBuilder {
    const b = new FakeDataValidationBuilder();
    b._spec = { ...spec, values: copyValues(spec.values) };
    return b;
  }
}

export class FakeDataValidation {
  readonly __className = 'DataValidation';
  private _cachedKey?: string;
  constructor(readonly _spec: Readonly<RuleSpec>) {}

  getCriteriaType() { return this._spec.criteria as DataValidationCriteriaName; }
  getCriteriaValues() { return copyValues(this._spec.values); }
  getAllowInvalid() { return this._spec.allowInvalid; }
  getHelpText() { return this._spec.helpText ?? ''; }
  copy() { return FakeDataValidationBuilder._from(this._spec); }

  /** Whether a stored value satisfies the rule; only the criteria the add-on can rely on are checked. */
  _accepts(v: CellValue): boolean {
    if (v === '') return true;
    const vals = this._spec.values;
    const num = typeof v === 'number' ? v : NaN;
    switch (this._spec.criteria) {
      case 'VALUE_IN_LIST': return (vals[0] as string[]).includes(String(v));
      case 'VALUE_IN_RANGE': return (vals[0] as FakeRange).getValues().some((row) => row.some((x) => String(x) === String(v)));
      case 'CHECKBOX': return vals.length === 0 ? typeof v === 'boolean' : vals.some((x) => String(x) === String(v));
      case 'DATE_IS_VALID_DATE': return isDate(v);
      case 'NUMBER_BETWEEN': return num >= (vals[0] as number) && num <= (vals[1] as number);
      case 'NUMBER_GREATER_THAN': return num > (vals[0] as number);
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO': return num >= (vals[0] as number);
      case 'NUMBER_LESS_THAN': return num < (vals[0] as number);
      case 'NUMBER_LESS_THAN_OR_EQUAL_TO': return num <= (vals[0] as number);
      case 'NUMBER_EQUAL_TO': return num === vals[0];
      default: return true;
    }
  }

  /** A stable key so equal rules on neighbouring cells can be written to xlsx as one range. */
  _key(): string {
    return this._cachedKey ??= JSON.stringify([this._spec.criteria, this._spec.allowInvalid, this._spec.helpText,
      this._spec.values.map((v) => (v && typeof v === 'object' && '__className' in v ? (v as FakeRange)._ref() : v))]);
  }
}
