// Conditional format rules and filter criteria: both are a boolean condition plus what to do with matches.
import { raw } from '../counter';
import type { BooleanCriteriaName } from './enums';
import { isDate } from './values';
import { normalizeColor } from './model';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import type { Anchor } from './model';

export interface Condition {
  type: BooleanCriteriaName | null;
  values: unknown[];
}

function copyValues(values: unknown[]): unknown[] {
  return values.map((v) => (isDate(v) ? new Date(v.getTime()) : v));
}

abstract class ConditionBuilder {
  _condition: Condition = { type: null, values: [] };

  protected _when(type: BooleanCriteriaName, values: unknown[]): this {
    this._condition = { type, values: copyValues(values) };
    return this;
  }
  whenCellEmpty() { return this._when('CELL_EMPTY', []); }
  whenCellNotEmpty() { return this._when('CELL_NOT_EMPTY', []); }
  whenFormulaSatisfied(formula: string) { return this._when('CUSTOM_FORMULA', [formula]); }
  whenTextEqualTo(text: string) { return this._when('TEXT_EQUAL_TO', [text]); }
  whenTextContains(text: string) { return this._when('TEXT_CONTAINS', [text]); }
  whenTextDoesNotContain(text: string) { return this._when('TEXT_DOES_NOT_CONTAIN', [text]); }
  whenTextStartsWith(text: string) { return this._when('TEXT_STARTS_WITH', [text]); }
  whenTextEndsWith(text: string) { return this._when('TEXT_ENDS_WITH', [text]); }
  whenNumberLessThan(n: number) { return this._when('NUMBER_LESS_THAN', [n]); }
  whenNumberLessThanOrEqualTo(n: number) { return this._when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]); }
  whenNumberGreaterThan(n: number) { return this._when('NUMBER_GREATER_THAN', [n]); }
  whenNumberGreaterThanOrEqualTo(n: number) { return this._when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]); }
  whenNumberEqualTo(n: number) { return this._when('NUMBER_EQUAL_TO', [n]); }
  whenNumberNotEqualTo(n: number) { return this._when('NUMBER_NOT_EQUAL_TO', [n]); }
  whenNumberBetween(a: number, b: number) { return this._when('NUMBER_BETWEEN', [a, b]); }
  whenNumberNotBetween(a: number, b: number) { return this._when('NUMBER_NOT_BETWEEN', [a, b]); }
  withCriteria(criteria: BooleanCriteriaName, args: unknown[]) { return this._when(String(criteria) as BooleanCriteriaName, args); }
  getCriteriaType() { return this._condition.type; }
  getCriteriaValues() { return copyValues(this._condition.values); }
}

// ---- conditional formatting ----

export interface CfFormat { background: string | null; fontColor: string | null; bold: boolean | null; italic: boolean | null;
  strikethrough: boolean | null; underline: boolean | null }

interface CfSpec { condition: Condition; format: CfFormat; ranges: FakeRange[] }

export class FakeBooleanCondition {
  readonly __className = 'BooleanCondition';
  constructor(readonly _condition: Condition, readonly _format: CfFormat) {}
  getCriteriaType() { return this._condition.type; }
  getCriteriaValues() { return copyValues(this._condition.values); }
  getBackground() { return this._format.background; }
  getFontColor() { return this._format.fontColor; }
  getBold() { return this._format.bold; }
  getItalic() { return this._format.italic; }
  getStrikethrough() { return this._format.strikethrough; }
  getUnderline() { return this._format.underline; }
}

export class FakeConditionalFormatRuleBuilder extends ConditionBuilder {
  readonly __className = 'ConditionalFormatRuleBuilder';
  _format: CfFormat = { background: null, fontColor: null, bold: null, italic: null, strikethrough: null, underline: null };
  _ranges: FakeRange[] = [];

  setBackground(color: string | null) { this._format.background = color === null ? null : normalizeColor(color); return this; }
  setFontColor(color: string | null) { this._format.fontColor = color === null ? null : normalizeColor(color); return this; }
  setBold(bold: boolean | null) { this._format.bold = bold; return this; }
  setItalic(italic: boolean | null) { this._format.italic = italic; return this; }
  setStrikethrough(v: boolean | null) { this._format.strikethrough = v; return this; }
  setUnderline(v: boolean | null) { this._format.underline = v; return this; }
  setRanges(ranges: FakeRange[]) { this._ranges = ranges.map((r) => raw(r)); return this; }
  getRanges() { return [...this._ranges]; }
  getBooleanCondition() { return this._condition.type ? new FakeBooleanCondition(this._condition, { ...this._format }) : null; }
  getGradientCondition() { return null; }
  copy() { return FakeConditionalFormatRuleBuilder._from({ condition: this._condition, format: this._format, ranges: this._ranges }); }
  build() {
    return new FakeConditionalFormatRule({ condition: { ...this._condition, values: copyValues(this._condition.values) },
      format: { ...this._format }, ranges: [...this._ranges] });
  }

  static _from(spec: CfSpec): FakeConditionalFormatRuleBuilder {
    const b = new FakeConditionalFormatRuleBuilder();
    b._condition = { ...spec.condition, values: copyValues(spec.condition.values) };
    b._format = { ...spec.format };
    b._ranges = [...spec.ranges];
    return b;
  }
}

export class FakeConditionalFormatRule {
  readonly __className = 'ConditionalFormatRule';
  constructor(readonly _spec: CfSpec) {}
  getRanges() { return [...this._spec.ranges]; }
  getBooleanCondition() { return this._spec.condition.type ? new FakeBooleanCondition(this._spec.condition, { ...this._spec.format }) : null; }
  getGradientCondition() { return null; }
  copy() { return FakeConditionalFormatRuleBuilder._from(this._spec); }
}

// ---- filters ----

interface CriteriaSpec { condition: Condition; hidden: string[]; visible: string[] }

export class FakeFilterCriteriaBuilder extends ConditionBuilder {
  readonly __className = 'FilterCriteriaBuilder';
  _hidden: string[] = [];
  _visible: string[] = [];
  setHiddenValues(values: string[]) { this._hidden = values.map(String); return this; }
  setVisibleValues(values: string[]) { this._visible = values.map(String); return this; }
  getHiddenValues() { return [...this._hidden]; }
  getVisibleValues() { return [...this._visible]; }
  copy() { return FakeFilterCriteriaBuilder._from({ condition: this._condition, hidden: this._hidden, visible: this._visible }); }
  build() { return new FakeFilterCriteria({ condition: { ...this._condition }, hidden: [...this._hidden], visible: [...this._visible] }); }

  static _from(spec: CriteriaSpec): FakeFilterCriteriaBuilder {
    const b = new FakeFilterCriteriaBuilder();
    b._condition = { ...spec.condition, values: copyValues(spec.condition.values) };
    b._hidden = [...spec.hidden];
    b._visible = [...spec.visible];
    return b;
  }
}

export class FakeFilterCriteria {
  readonly __className = 'FilterCriteria';
  constructor(readonly _spec: CriteriaSpec) {}
  getCriteriaType() { return this._spec.condition.type; }
  getCriteriaValues() { return copyValues(this._spec.condition.values); }
  getHiddenValues() { return [...this._spec.hidden]; }
  getVisibleValues() { return [...this._spec.visible]; }
  copy() { return FakeFilterCriteriaBuilder._from(this._spec); }
}

/** The sheet's basic filter; criteria are recorded, rows are not hidden (the fake has no filtered view). */
export class FakeFilter {
  readonly __className = 'Filter';
  _criteria = new Map<number, FakeFilterCriteria>();
  constructor(readonly _sheet: FakeSheet, readonly _anchor: Anchor) {}

  private _column(position: number): number {
    if (position < this._anchor.col || position >= this._anchor.col + this._anchor.numCols) {
      throw new Error('The specified column is outside the range of the filter.');
    }
    return position;
  }
  getRange() { return this._sheet._rangeOf(this._anchor); }
  remove() { this._sheet._guardWrite('remove'); this._sheet._filter = null; this._sheet._anchors.delete(this._anchor); }
  setColumnFilterCriteria(position: number, criteria: FakeFilterCriteria | null) {
    this._sheet._guardWrite('setColumnFilterCriteria');
    if (criteria === null) this._criteria.delete(this._column(position));
    else this._criteria.set(this._column(position), raw(criteria));
    return this;
  }
  getColumnFilterCriteria(position: number) { return this._criteria.get(this._column(position)) ?? null; }
  removeColumnFilterCriteria(position: number) { this._criteria.delete(this._column(position)); return this; }
  sort(position: number, ascending: boolean) {
    const a = this._anchor;
    if (a.numRows > 1) this._sheet.getRange(a.row + 1, a.col, a.numRows - 1, a.numCols).sort({ column: this._column(position), ascending });
    return this;
  }
}
