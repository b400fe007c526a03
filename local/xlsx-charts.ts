// Embedded charts of the fake spreadsheet as DrawingML parts added to a workbook exceljs has already written
// (exceljs reads and writes no charts). Each chart becomes xl/charts/chartN.xml, each sheet with charts gets a
// drawing part anchored at the charts' positions, and the sheet, its rels and [Content_Types].xml are extended in
// place, so parts exceljs wrote (notes: comments + vmlDrawing + legacyDrawing) keep their relationships.
// Series carry both the formula (so Excel/LibreOffice follow later edits) and cached values read from the fake
// (so a viewer draws the chart without recalculating). Export only: loadXlsx still ignores charts.
// Kept: type (bar, column, line, area, pie, scatter, stepped area as area), ranges with header rows, transposition,
// title, legend position, axis titles, percent axis format, stacking, series colours, point size, width/height.
// Chart types with no DrawingML counterpart (geo, org, table, treemap, timeline, gauge…) are left out.
import JSZip from 'jszip';
import { columnLetters } from './spreadsheet/a1';
import type { FakeEmbeddedChart } from './spreadsheet/chart';
import type { Cell } from './spreadsheet/model';
import type { FakeSheet } from './spreadsheet/sheet';
import type { FakeSpreadsheet } from './spreadsheet/spreadsheet';
import { displayValue, isDate, wallAsUtc } from './spreadsheet/values';

const NS = {
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  drawingRel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chartRel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  chart: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
};
const CHART_CT = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const DRAWING_CT = 'application/vnd.openxmlformats-officedocument.drawing+xml';

const EMU_PER_PX = 9525;
// Sizes of lines the sheet leaves at the default, as Excel draws an exceljs workbook (8.43 chars; 15 pt).
const DEFAULT_COL_PX = 64;
const DEFAULT_ROW_PX = 20;
// Sheets' own default size of a new chart.
const DEFAULT_WIDTH_PX = 600;
const DEFAULT_HEIGHT_PX = 371;
// The Google Charts palette, so the exported chart looks like the one in Sheets.
const PALETTE = ['4285F4', 'DB4437', 'F4B400', '0F9D58', 'AB47BC', '00ACC1', 'FF7043', '9E9D24', '5C6BC0', 'F06292'];
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

// Elements CT_Worksheet allows after <drawing>: it must go before the first of them that is present.
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls',
  'webPublishItems', 'tableParts', 'extLst'];

type Kind = 'bar' | 'col' | 'line' | 'area' | 'pie' | 'scatter';

const KINDS: Record<string, Kind> = {
  BAR: 'bar', COLUMN: 'col', HISTOGRAM: 'col', COMBO: 'col', LINE: 'line', AREA: 'area', STEPPED_AREA: 'area',
  PIE: 'pie', SCATTER: 'scatter',
};

// ---------------------------------------------------------------- small XML helpers

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unesc(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()];
    return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out[m[1]] = unesc(m[3] ?? m[4] ?? '');
  return out;
}

interface Rel { id: string; type: string; target: string }

function readRels(xml: string | undefined): Rel[] {
  if (!xml) return [];
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => {
    const a = attrs(m[0]);
    return { id: a.Id, type: a.Type, target: a.Target };
  });
}

/** The rels part with `added` appended; existing entries stay as written (TargetMode and all). */
function appendRels(xml: string | undefined, added: Rel[]): string {
  const items = added.map((r) => `<Relationship Id="${esc(r.id)}" Type="${esc(r.type)}" Target="${esc(r.target)}"/>`).join('');
  if (xml && xml.includes('</Relationships>')) return xml.replace('</Relationships>', `${items}</Relationships>`);
  if (xml && /<Relationships\b[^>]*\/>/.test(xml)) return xml.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${items}</Relationships>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}">${items}</Relationships>`;
}

function freeRelId(rels: Rel[]): string {
  const used = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** A rels target resolved against the folder of the part that owns the rels, as a zip path. */
function resolveTarget(ownerPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ownerPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

/** A path of `to` relative to the folder of `from` (both zip paths). */
function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

// ---------------------------------------------------------------- data of a chart

interface CellRef { sheet: FakeSheet; row: number; col: number }

/** One series-or-categories line of the chart's data: a column (or a row when transposed). */
type Line = CellRef[];

function formulaOf(cells: CellRef[]): string {
  const first = cells[0];
  const last = cells[cells.length - 1];
  const name = `'${first.sheet._name.replace(/'/g, "''")}'`;
  const a = `$${columnLetters(first.col)}$${first.row}`;
  const b = `$${columnLetters(last.col)}$${last.row}`;
  return `${name}!${a === b ? a : `${a}:${b}`}`;
}

function cellAt(ref: CellRef): Cell | undefined {
  return ref.sheet._cell(ref.row, ref.col);
}

function numeric(ref: CellRef): number | null {
  const v = cellAt(ref)?.v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (isDate(v)) return (wallAsUtc(v, ref.sheet._ss._timeZone).getTime() - SERIAL_EPOCH) / DAY_MS;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}

function text(ref: CellRef): string {
  const cell = cellAt(ref);
  if (!cell) return '';
  const ss = ref.sheet._ss;
  return displayValue(cell.v, cell.style?.numberFormat, { locale: ss._locale, timeZone: ss._timeZone });
}

/** The number format a cached number keeps (viewers label axes with it when the axis is source-linked). */
function formatOf(cells: CellRef[]): string {
  for (const ref of cells) {
    const cell = cellAt(ref);
    if (!cell || cell.v === '') continue;
    const f = cell.style?.numberFormat;
    if (f && f !== '@') return f;
    if (isDate(cell.v)) return 'dd.mm.yyyy';
    return 'General';
  }
  return 'General';
}

function linesOf(chart: FakeEmbeddedChart): Line[] {
  const transpose = chart._spec.transpose;
  const lines: Line[] = [];
  for (const r of chart._spec.ranges) {
    const count = transpose ? r._numRows : r._numCols;
    const length = transpose ? r._numCols : r._numRows;
    for (let i = 0; i < count; i++) {
      lines.push(Array.from({ length }, (_x, j) => (transpose
        ? { sheet: r._sheet, row: r._row + i, col: r._col + j }
        : { sheet: r._sheet, row: r._row + j, col: r._col + i })));
    }
  }
  return lines.filter((l) => l.length > 0);
}

/** Sheets' guess when numHeaders is left at -1: a text first row above data that is not all text. */
function guessHeaders(values: Line[]): number {
  if (!values.length || values[0].length < 2) return 0;
  const firstIsText = values.every((l) => {
    const v = cellAt(l[0])?.v;
    return v === undefined || v === '' || typeof v === 'string';
  }) && values.some((l) => typeof cellAt(l[0])?.v === 'string' && cellAt(l[0])?.v !== '');
  const restHasData = values.some((l) => l.slice(1).some((ref) => numeric(ref) !== null));
  return firstIsText && restHasData ? 1 : 0;
}

interface Series { name: CellRef | null; values: CellRef[] }

interface ChartData { categories: CellRef[] | null; series: Series[] }

function chartData(chart: FakeEmbeddedChart, kind: Kind): ChartData {
  const lines = linesOf(chart);
  if (!lines.length) return { categories: null, series: [] };
  // A lone line is a series without categories; otherwise the first one labels the rest (x values for scatter).
  const hasCategories = lines.length > 1;
  const valueLines = hasCategories ? lines.slice(1) : lines;
  const n = chart._spec.numHeaders;
  const headers = Math.max(0, n >= 0 ? n : guessHeaders(valueLines));
  const body = (l: Line) => l.slice(headers);
  const series = valueLines.map((l) => ({ name: headers > 0 ? l[headers - 1] : null, values: body(l) }))
    .filter((s) => s.values.length > 0);
  return { categories: hasCategories ? body(lines[0]) : null, series: kind === 'pie' ? series.slice(0, 1) : series };
}

// ---------------------------------------------------------------- chart XML

function strRef(cells: CellRef[]): string {
  const pts = cells.map((ref, i) => `<c:pt idx="${i}"><c:v>${esc(text(ref))}</c:v></c:pt>`).join('');
  return `<c:strRef><c:f>${esc(formulaOf(cells))}</c:f><c:strCache><c:ptCount val="${cells.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(cells: CellRef[]): string {
  const pts = cells.map((ref, i) => {
    const v = numeric(ref);
    return v === null ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`;
  }).join('');
  return `<c:numRef><c:f>${esc(formulaOf(cells))}</c:f><c:numCache><c:formatCode>${esc(formatOf(cells))}</c:formatCode>`
    + `<c:ptCount val="${cells.length}"/>${pts}</c:numCache></c:numRef>`;
}

/** Categories are numbers when every filled cell is a number or date (dates then keep their axis format). */
function categoriesXml(cells: CellRef[], tag: 'cat' | 'xVal'): string {
  const filled = cells.filter((ref) => { const v = cellAt(ref)?.v; return v !== undefined && v !== ''; });
  const allNumbers = filled.length > 0 && filled.every((ref) => { const v = cellAt(ref)?.v; return typeof v === 'number' || isDate(v); });
  return `<c:${tag}>${allNumbers ? numRef(cells) : strRef(cells)}</c:${tag}>`;
}

function richText(textValue: string, size: number, bold: boolean): string {
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>`
    + `<a:r><a:rPr lang="ru-RU" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${esc(textValue)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

function titleXml(textValue: string, size: number, bold: boolean): string {
  return `<c:title>${richText(textValue, size, bold)}<c:overlay val="0"/></c:title>`;
}

function option(chart: FakeEmbeddedChart, ...names: string[]): unknown {
  const o = chart._spec.options;
  for (const name of names) {
    if (o[name] !== undefined && o[name] !== null) return o[name];
    // Dotted options may also arrive nested ({ hAxis: { format } }).
    const [head, ...rest] = name.split('.');
    let v: unknown = o[head];
    for (const k of rest) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
    if (rest.length && v !== undefined && v !== null) return v;
  }
  return undefined;
}

function colorOf(chart: FakeEmbeddedChart, i: number): string {
  const colors = option(chart, 'colors');
  const mine = Array.isArray(colors) ? colors[i] : undefined;
  const fromOption = typeof mine === 'string' && /^#?[0-9a-f]{6}$/i.test(mine) ? mine.replace('#', '').toUpperCase() : null;
  return fromOption ?? PALETTE[i % PALETTE.length];
}

function fill(color: string): string {
  return `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;
}

function axisFormat(value: unknown): string | null {
  if (value === 'percent') return '0%';
  if (value === 'decimal') return '#,##0.##';
  if (value === 'short' || value === 'long' || value === 'none' || typeof value !== 'string' || !value) return null;
  // ICU patterns such as '#,##0.0%' are also valid Excel formats.
  return /^[#0.,%\s]+$/.test(value) ? value : null;
}

function legendXml(chart: FakeEmbeddedChart, kind: Kind, series: number): string {
  const pos = String(option(chart, 'legend.position', 'legend') ?? (series > 1 || kind === 'pie' ? 'right' : 'none'));
  const map: Record<string, string> = { bottom: 'b', top: 't', left: 'l', right: 'r', labeled: 'r', in: 'r' };
  const p = map[pos];
  return p ? `<c:legend><c:legendPos val="${p}"/><c:overlay val="0"/></c:legend>` : '';
}

function seriesXml(chart: FakeEmbeddedChart, kind: Kind, data: ChartData, s: Series, i: number): string {
  const color = colorOf(chart, i);
  const head = `<c:idx val="${i}"/><c:order val="${i}"/>${s.name ? `<c:tx>${strRef([s.name])}</c:tx>` : ''}`;
  const cat = data.categories ? categoriesXml(data.categories, kind === 'scatter' ? 'xVal' : 'cat') : '';
  const val = kind === 'scatter' ? `<c:yVal>${numRef(s.values)}</c:yVal>` : `<c:val>${numRef(s.values)}</c:val>`;
  const pointSize = Number(option(chart, 'pointSize') ?? (kind === 'scatter' ? 7 : 0));
  const lineWidth = Number(option(chart, 'lineWidth') ?? 2);
  const marker = pointSize > 0
    ? `<c:marker><c:symbol val="circle"/><c:size val="${Math.min(72, Math.max(2, Math.round(pointSize)))}"/><c:spPr>${fill(color)}<a:ln>${fill(color)}</a:ln></c:spPr></c:marker>`
    : '<c:marker><c:symbol val="none"/></c:marker>';
  const line = `<a:ln w="${Math.round(Math.max(0, lineWidth) * EMU_PER_PX)}" cap="rnd">${fill(color)}<a:round/></a:ln>`;
  switch (kind) {
    case 'bar': case 'col':
      return `<c:ser>${head}<c:spPr>${fill(color)}</c:spPr><c:invertIfNegative val="0"/>${cat}${val}</c:ser>`;
    case 'line':
      return `<c:ser>${head}<c:spPr>${line}</c:spPr>${marker}${cat}${val}<c:smooth val="${option(chart, 'curveType') === 'function' ? 1 : 0}"/></c:ser>`;
    case 'area':
      return `<c:ser>${head}<c:spPr>${fill(color)}</c:spPr>${cat}${val}</c:ser>`;
    case 'pie': {
      const points = (data.categories ?? s.values).map((_c, j) =>
        `<c:dPt><c:idx val="${j}"/><c:bubble3D val="0"/><c:spPr>${fill(colorOf(chart, j))}</c:spPr></c:dPt>`).join('');
      return `<c:ser>${head}${points}${cat}${val}</c:ser>`;
    }
    case 'scatter':
      return `<c:ser>${head}<c:spPr><a:ln w="19050"><a:noFill/></a:ln></c:spPr>${marker}${cat}${val}<c:smooth val="0"/></c:ser>`;
  }
}

function axesXml(chart: FakeEmbeddedChart, kind: Kind, data: ChartData): string {
  const horizontal = kind === 'bar';
  // hAxis is the value axis of a horizontal bar chart and the category axis of every other one.
  const valueAxis = horizontal ? 'hAxis' : 'vAxis';
  const categoryAxis = horizontal ? 'vAxis' : 'hAxis';
  const valueTitle = option(chart, `${valueAxis}.title`);
  const categoryTitle = option(chart, `${categoryAxis}.title`);
  // An axis without a format option shows its data's format, spelled out: LibreOffice reads a source-linked
  // axis as General and would label dates as serial numbers.
  const dataFormat = (cells: CellRef[] | null | undefined) => (cells ? formatOf(cells) : 'General');
  const valueFormat = axisFormat(option(chart, `${valueAxis}.format`)) ?? dataFormat(data.series[0]?.values);
  const categoryFormat = axisFormat(option(chart, `${categoryAxis}.format`)) ?? dataFormat(data.categories);
  const numFmt = (f: string) => `<c:numFmt formatCode="${esc(f)}" sourceLinked="${f === 'General' ? 1 : 0}"/>`;
  const axisTitle = (t: unknown) => (typeof t === 'string' && t ? titleXml(t, 1000, false) : '');
  const ticks = '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>';
  const catFont = '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="ru-RU"/></a:p></c:txPr>';
  if (kind === 'scatter') {
    return `<c:valAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>`
      + `${axisTitle(categoryTitle)}${numFmt(categoryFormat)}${ticks}<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:crossBetween val="midCat"/></c:valAx>`
      + `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>`
      + `${axisTitle(valueTitle)}${numFmt(valueFormat)}${ticks}<c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="midCat"/></c:valAx>`;
  }
  // Sheets lists bar categories top-down; OOXML draws them bottom-up unless the axis is reversed, and the value
  // axis then has to cross at the far end to stay at the bottom.
  const reversed = horizontal;
  const catAx = `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="${reversed ? 'maxMin' : 'minMax'}"/></c:scaling>`
    + `<c:delete val="${data.categories ? 0 : 1}"/><c:axPos val="${horizontal ? 'l' : 'b'}"/>${axisTitle(categoryTitle)}${numFmt(categoryFormat)}`
    + `${ticks}${catFont}<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx = `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>`
    + `<c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines/>${axisTitle(valueTitle)}${numFmt(valueFormat)}${ticks}`
    + `<c:crossAx val="1001"/><c:crosses val="${reversed ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`;
  return catAx + valAx;
}

function plotXml(chart: FakeEmbeddedChart, kind: Kind, data: ChartData): string {
  const series = data.series.map((s, i) => seriesXml(chart, kind, data, s, i)).join('');
  const stacked = option(chart, 'isStacked');
  const grouping = stacked === 'percent' ? 'percentStacked' : stacked === true || stacked === 'true' || stacked === 'absolute' ? 'stacked' : null;
  const axIds = '<c:axId val="1001"/><c:axId val="1002"/>';
  switch (kind) {
    case 'bar': case 'col':
      return `<c:barChart><c:barDir val="${kind}"/><c:grouping val="${grouping ?? 'clustered'}"/><c:varyColors val="0"/>${series}`
        + `<c:gapWidth val="80"/>${grouping ? '<c:overlap val="100"/>' : ''}${axIds}</c:barChart>${axesXml(chart, kind, data)}`;
    case 'line':
      return `<c:lineChart><c:grouping val="${grouping ?? 'standard'}"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axIds}</c:lineChart>`
        + axesXml(chart, kind, data);
    case 'area':
      return `<c:areaChart><c:grouping val="${grouping ?? 'standard'}"/><c:varyColors val="0"/>${series}${axIds}</c:areaChart>`
        + axesXml(chart, kind, data);
    case 'pie':
      return `<c:pieChart><c:varyColors val="1"/>${series}<c:firstSliceAng val="0"/></c:pieChart>`;
    case 'scatter':
      return `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${series}${axIds}</c:scatterChart>`
        + axesXml(chart, kind, data);
  }
}

export function chartXml(chart: FakeEmbeddedChart): string | null {
  const kind = KINDS[String(chart._spec.type ?? 'COLUMN').toUpperCase()];
  if (!kind) return null;
  const data = chartData(chart, kind);
  if (!data.series.length) return null;
  const title = option(chart, 'title');
  const head = typeof title === 'string' && title
    ? `${titleXml(title, 1400, true)}<c:autoTitleDeleted val="0"/>`
    : '<c:autoTitleDeleted val="1"/>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`
    + `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.a}" xmlns:r="${NS.rel}"><c:roundedCorners val="0"/>`
    + `<c:chart>${head}<c:plotArea><c:layout/>${plotXml(chart, kind, data)}</c:plotArea>${legendXml(chart, kind, data.series.length)}`
    + '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
    + `<c:spPr>${fill('FFFFFF')}<a:ln><a:noFill/></a:ln></c:spPr>`
    + '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"/></a:pPr><a:endParaRPr lang="ru-RU"/></a:p></c:txPr>'
    + '</c:chartSpace>';
}

// ---------------------------------------------------------------- placement

/** Sizes of lines in pixels as the saved workbook has them (see saveXlsx: px survive the width/height units). */
function colPx(sheet: FakeSheet, col: number): number {
  const info = sheet._colInfo[col - 1];
  if (info?.hidden) return 0;
  return info?.size ?? DEFAULT_COL_PX;
}

function rowPx(sheet: FakeSheet, row: number): number {
  const info = sheet._rowInfo[row - 1];
  if (info?.hidden) return 0;
  return info?.size ?? DEFAULT_ROW_PX;
}

/** The 0-based cell and in-cell offset (px) at an absolute distance from the sheet's edge. */
function locate(px: number, size: (i: number) => number): { index: number; offset: number } {
  let i = 1;
  let left = px;
  // Zero-size (hidden) lines are skipped so the anchor lands in a visible one; the cap keeps a bad size finite.
  while (i < 20000 && (left >= size(i) || size(i) === 0)) {
    left -= size(i);
    i++;
  }
  return { index: i - 1, offset: Math.max(0, left) };
}

function px(value: unknown, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

function anchorXml(sheet: FakeSheet, chart: FakeEmbeddedChart, id: number, relId: string): string {
  const p = chart._spec.position;
  let x = Math.max(0, p.offsetX);
  for (let c = 1; c < Math.max(1, p.column); c++) x += colPx(sheet, c);
  let y = Math.max(0, p.offsetY);
  for (let r = 1; r < Math.max(1, p.row); r++) y += rowPx(sheet, r);
  const width = px(option(chart, 'width'), DEFAULT_WIDTH_PX);
  const height = px(option(chart, 'height'), DEFAULT_HEIGHT_PX);
  const point = (cx: number, cy: number) => {
    const c = locate(cx, (i) => colPx(sheet, i));
    const r = locate(cy, (i) => rowPx(sheet, i));
    return `<xdr:col>${c.index}</xdr:col><xdr:colOff>${Math.round(c.offset * EMU_PER_PX)}</xdr:colOff>`
      + `<xdr:row>${r.index}</xdr:row><xdr:rowOff>${Math.round(r.offset * EMU_PER_PX)}</xdr:rowOff>`;
  };
  const title = option(chart, 'title');
  const descr = typeof title === 'string' && title ? ` descr="${esc(title)}"` : '';
  // Two-cell anchor moving with its top-left cell only: Excel's own choice for charts, and the size stays fixed.
  return `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${point(x, y)}</xdr:from><xdr:to>${point(x + width, y + height)}</xdr:to>`
    + `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="Диаграмма ${id - 1}"${descr}/>`
    + '<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>'
    + `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" xmlns:r="${NS.rel}" r:id="${relId}"/>`
    + '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>';
}

// ---------------------------------------------------------------- the package

function freePart(zip: JSZip, pattern: (n: number) => string, taken: Set<string>): string {
  let n = 1;
  while (zip.file(pattern(n)) || taken.has(pattern(n))) n++;
  taken.add(pattern(n));
  return pattern(n);
}

async function read(zip: JSZip, path: string): Promise<string | undefined> {
  return zip.file(path)?.async('string');
}

/** Sheet name → worksheet part, from workbook.xml and its rels (exceljs may truncate names to Excel's 31). */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = (await read(zip, 'xl/workbook.xml')) ?? '';
  const rels = readRels(await read(zip, 'xl/_rels/workbook.xml.rels'));
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const a = attrs(m[0]);
    const rel = rels.find((r) => r.id === a['r:id']);
    if (rel && a.name !== undefined) out.set(a.name, resolveTarget('xl/workbook.xml', rel.target));
  }
  return out;
}

function insertDrawing(sheetXml: string, relId: string): string {
  const element = `<drawing r:id="${relId}"/>`;
  let at = sheetXml.lastIndexOf('</worksheet>');
  for (const name of AFTER_DRAWING) {
    const m = new RegExp(`<${name}[\\s/>]`).exec(sheetXml);
    if (m && m.index < at) at = m.index;
  }
  let xml = sheetXml.slice(0, at) + element + sheetXml.slice(at);
  if (!/<worksheet\b[^>]*\sxmlns:r=/.test(xml)) xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.rel}"`);
  return xml;
}

function addOverride(types: string, part: string, contentType: string): string {
  if (types.includes(`PartName="/${part}"`)) return types;
  return types.replace('</Types>', `<Override PartName="/${esc(part)}" ContentType="${contentType}"/></Types>`);
}

/** Whether any sheet has a chart saveXlsx can draw, so workbooks without charts are left byte for byte. */
export function hasExportableCharts(ss: FakeSpreadsheet): boolean {
  return ss._sheets.some((s) => s._charts.some((c) => KINDS[String(c._spec.type ?? 'COLUMN').toUpperCase()]));
}

/** Adds the fake's embedded charts to an .xlsx exceljs wrote; returns the new file. */
export async function addChartsToXlsx(xlsx: Uint8Array | ArrayBuffer, ss: FakeSpreadsheet): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const parts = await sheetParts(zip);
  let types = (await read(zip, '[Content_Types].xml')) ?? '';
  const taken = new Set<string>();
  for (const sheet of ss._sheets) {
    const charts = sheet._charts.map((chart) => ({ chart, xml: chartXml(chart) })).filter((c): c is { chart: FakeEmbeddedChart; xml: string } => !!c.xml);
    if (!charts.length) continue;
    const sheetPart = parts.get(sheet._name) ?? parts.get(sheet._name.slice(0, 31));
    if (!sheetPart) continue;
    let sheetXml = (await read(zip, sheetPart)) ?? '';
    const sheetRelsPath = relsPathOf(sheetPart);
    const sheetRelsXml = await read(zip, sheetRelsPath);
    const sheetRels = readRels(sheetRelsXml);
    const sheetAdded: Rel[] = [];

    // A drawing exceljs already wrote (pictures) gets the charts appended rather than a second <drawing>.
    const existingId = /<drawing\b[^>]*\br:id="([^"]+)"/.exec(sheetXml)?.[1];
    const existing = existingId ? sheetRels.find((r) => r.id === existingId && r.type === NS.drawingRel) : undefined;
    let drawingPart: string;
    let drawingXml: string;
    if (existing) {
      drawingPart = resolveTarget(sheetPart, existing.target);
      drawingXml = (await read(zip, drawingPart)) ?? `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"></xdr:wsDr>`;
    } else {
      drawingPart = freePart(zip, (n) => `xl/drawings/drawing${n}.xml`, taken);
      drawingXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"></xdr:wsDr>`;
      const relId = freeRelId(sheetRels);
      const rel = { id: relId, type: NS.drawingRel, target: relativeTarget(sheetPart, drawingPart) };
      sheetRels.push(rel);
      sheetAdded.push(rel);
      sheetXml = insertDrawing(sheetXml, relId);
    }
    const drawingRelsPath = relsPathOf(drawingPart);
    const drawingRelsXml = await read(zip, drawingRelsPath);
    const drawingRels = readRels(drawingRelsXml);
    const drawingAdded: Rel[] = [];
    const usedShapeIds = [...drawingXml.matchAll(/<xdr:cNvPr\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]));
    let shapeId = Math.max(1, ...usedShapeIds) + 1;
    let anchors = '';
    for (const { chart, xml } of charts) {
      const chartPart = freePart(zip, (n) => `xl/charts/chart${n}.xml`, taken);
      zip.file(chartPart, xml);
      types = addOverride(types, chartPart, CHART_CT);
      const relId = freeRelId(drawingRels);
      const rel = { id: relId, type: NS.chartRel, target: relativeTarget(drawingPart, chartPart) };
      drawingRels.push(rel);
      drawingAdded.push(rel);
      anchors += anchorXml(sheet, chart, shapeId++, relId);
    }
    drawingXml = drawingXml.replace(/<\/xdr:wsDr>\s*$/, `${anchors}</xdr:wsDr>`);
    zip.file(drawingPart, drawingXml);
    zip.file(drawingRelsPath, appendRels(drawingRelsXml, drawingAdded));
    types = addOverride(types, drawingPart, DRAWING_CT);
    zip.file(sheetPart, sheetXml);
    if (sheetAdded.length) zip.file(sheetRelsPath, appendRels(sheetRelsXml, sheetAdded));
  }
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
