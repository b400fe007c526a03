// Embedded charts are kept as specs (type, ranges, options, position) so tests can check what the add-on
// asked for; nothing is drawn, and xlsx export adds them through local/xlsx-charts.ts.
import { raw } from '../counter';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';

export interface ChartSpec {
  type: string | null;
  ranges: FakeRange[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  numHeaders: number;
  transpose: boolean;
}

function cloneSpec(s: ChartSpec): ChartSpec {
  return { ...s, ranges: [...s.ranges], options: { ...s.options }, position: { ...s.position } };
}

export class FakeContainerInfo {
  readonly __className = 'ContainerInfo';
  constructor(readonly _p: ChartSpec['position']) {}
  getAnchorRow() { return this._p.row; }
  getAnchorColumn() { return this._p.column; }
  getOffsetX() { return this._p.offsetX; }
  getOffsetY() { return this._p.offsetY; }
}

export class FakeChartOptions {
  readonly __className = 'ChartOptions';
  constructor(readonly _options: Record<string, unknown>) {}
  get(option: string) { return this._options[option] ?? null; }
  getOrDefault(option: string) { return this._options[option] ?? null; }
}

export class FakeEmbeddedChartBuilder {
  readonly __className = 'EmbeddedChartBuilder';
  constructor(readonly _sheet: FakeSheet, readonly _spec: ChartSpec, readonly _chartId: number | null) {}

  addRange(range: FakeRange) { this._spec.ranges.push(raw(range)); return this; }
  removeRange(range: FakeRange) {
    const r = raw(range)._ref();
    this._spec.ranges = this._spec.ranges.filter((x) => x._ref() !== r);
    return this;
  }
  clearRanges() { this._spec.ranges = []; return this; }
  getRanges() { return [...this._spec.ranges]; }
  setChartType(type: unknown) { this._spec.type = String(type); return this; }
  getChartType() { return this._spec.type; }
  setOption(option: string, value: unknown) { this._spec.options[option] = value; return this; }
  setPosition(row: number, column: number, offsetX: number, offsetY: number) {
    this._spec.position = { row, column, offsetX, offsetY };
    return this;
  }
  getContainer() { return new FakeContainerInfo({ ...this._spec.position }); }
  setNumHeaders(n: number) { this._spec.numHeaders = n; return this; }
  setTransposeRowsAndColumns(t: boolean) { this._spec.transpose = !!t; return this; }
  build() { return new FakeEmbeddedChart(this._sheet, cloneSpec(this._spec), this._chartId); }
}

export class FakeEmbeddedChart {
  readonly __className = 'EmbeddedChart';
  constructor(readonly _sheet: FakeSheet, readonly _spec: ChartSpec, public _chartId: number | null) {}

  getChartId() { return this._chartId; }
  getRanges() { return [...this._spec.ranges]; }
  getOptions() { return new FakeChartOptions({ ...this._spec.options }); }
  getContainerInfo() { return new FakeContainerInfo({ ...this._spec.position }); }
  getNumHeaders() { return this._spec.numHeaders; }
  getTransposeRowsAndColumns() { return this._spec.transpose; }
  modify() { return new FakeEmbeddedChartBuilder(this._sheet, cloneSpec(this._spec), this._chartId); }

  static _blank(sheet: FakeSheet): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(sheet, { type: null, ranges: [], options: {}, position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
      numHeaders: -1, transpose: false }, null);
  }
}
