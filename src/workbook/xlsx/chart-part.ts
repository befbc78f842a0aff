/**
 * A chart part (ECMA-376 Part 1, 21.2: DrawingML charts) for one ChartSpec: a c:chartSpace with a
 * clustered or stacked column chart (c:barChart, barDir col) or a line chart with markers
 * (c:lineChart), its category and value axes, a title, and a legend when there is more than one series.
 *
 * Each series refers to the sheet's cells ('Sheet'!$B$5:$B$16), so Excel redraws it when a cell
 * changes, and carries those cells' values as a cache (c:strCache, c:numCache): viewers that do not
 * recalculate (LibreOffice, previews, Excel's protected view) draw the chart from the cache alone.
 * Elements are written in the order the schema's sequences give them (Annex A, dml-chart.xsd);
 * Excel refuses a chart whose children are out of order.
 */
import { formatMonth, formatUkDate } from "../../common/dates";
import { columnLetter } from "../../common/grid";
import type { ChartSpec, OutputCell, SheetRange } from "../../report/types";
import { seriesColour } from "../chart-style";
import { escapeXml } from "./xml";

export const CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const CHART_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";

const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Axis ids, shared by the chart group and the two axes that cross each other. */
const CATEGORY_AXIS = 500000001;
const VALUE_AXIS = 500000002;

export interface ChartPartOptions {
  /** The sheet's name as a formula writes it: "'ARRS Claim Summary'". */
  quotedSheet: string;
  /** The sheet's cells, row 1 first, as the report laid them out. */
  rows: readonly (readonly OutputCell[])[];
}

export function chartXml(spec: ChartSpec, options: ChartPartOptions): string {
  const series = spec.series.map((s, i) => seriesXml(spec, i, options)).join("");
  const group = spec.type === "line"
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axisIds()}</c:lineChart>`
    : `<c:barChart><c:barDir val="col"/><c:grouping val="${spec.type === "stackedColumn" ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${series}`
      + `<c:gapWidth val="80"/>${spec.type === "stackedColumn" ? '<c:overlap val="100"/>' : ""}${axisIds()}</c:barChart>`;
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWING_NS}" xmlns:r="${REL_NS}">`
    + '<c:lang val="en-GB"/><c:roundedCorners val="0"/>'
    + "<c:chart>"
    + `<c:title>${richText(spec.title, 1400, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`
    + `<c:plotArea><c:layout/>${group}${categoryAxisXml()}${valueAxisXml(spec.valueAxisTitle)}</c:plotArea>`
    + (spec.series.length > 1 ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : "")
    + '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>'
    + "</c:chart>"
    // No border round the chart's own area, so it sits on the sheet like a picture.
    + '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>'
    + "</c:chartSpace>";
}

/** One c:ser: CT_BarSer (idx, order, tx, spPr, invertIfNegative, cat, val) or CT_LineSer (… marker, cat, val, smooth). */
function seriesXml(spec: ChartSpec, index: number, options: ChartPartOptions): string {
  const series = spec.series[index];
  const colour = seriesColour(index);
  const head = `<c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escapeXml(series.name)}</c:v></c:tx>`;
  const categories = `<c:cat><c:strRef><c:f>${reference(options.quotedSheet, spec.categories)}</c:f>${stringCache(spec.categories, options.rows)}</c:strRef></c:cat>`;
  const values = `<c:val><c:numRef><c:f>${reference(options.quotedSheet, series.values)}</c:f>${numberCache(series.values, options.rows)}</c:numRef></c:val>`;
  if (spec.type === "line") {
    return `<c:ser>${head}<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:round/></a:ln></c:spPr>`
      + `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr></c:marker>`
      + `${categories}${values}<c:smooth val="0"/></c:ser>`;
  }
  return `<c:ser>${head}<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>${categories}${values}</c:ser>`;
}

function axisIds(): string {
  return `<c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/>`;
}

/** CT_CatAx in schema order; labels at the bottom, below negative bars too ("low"). */
function categoryAxisXml(): string {
  return `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>`
    + '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>'
    + `${textProperties(900)}<c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
}

/** CT_ValAx in schema order: gridlines, the title, whole numbers with thousands separators. */
function valueAxisXml(title: string | undefined): string {
  return `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>`
    + '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>'
    + (title ? `<c:title>${richText(title, 1000, false)}<c:overlay val="0"/></c:title>` : "")
    + '<c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
    + `${textProperties(900)}<c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
}

/** A title's text (c:tx/c:rich): size in hundredths of a point. */
function richText(text: string, size: number, bold: boolean): string {
  const run = `sz="${size}" b="${bold ? 1 : 0}"`;
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr ${run}/></a:pPr><a:r><a:rPr lang="en-GB" ${run}/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

function textProperties(size: number): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"/></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>`;
}

/** 'Sheet'!$A$5:$A$16 */
export function reference(quotedSheet: string, range: SheetRange): string {
  const corner = (row: number, column: number) => `$${columnLetter(column)}$${row}`;
  return escapeXml(`${quotedSheet}!${corner(range.top, range.left)}:${corner(range.bottom, range.right)}`);
}

/** The cells of a one-column range, top to bottom. */
function cellsOf(range: SheetRange, rows: ChartPartOptions["rows"]): (OutputCell | undefined)[] {
  const out: (OutputCell | undefined)[] = [];
  for (let row = range.top; row <= range.bottom; row++) out.push(rows[row - 1]?.[range.left - 1]);
  return out;
}

/** Labels as the sheet shows them; a blank label is left out (the point keeps its place by idx). */
function stringCache(range: SheetRange, rows: ChartPartOptions["rows"]): string {
  const cells = cellsOf(range, rows);
  const points = cells.map((cell, i) => {
    const text = cell ? labelOf(cell) : "";
    return text === "" ? "" : `<c:pt idx="${i}"><c:v>${escapeXml(text)}</c:v></c:pt>`;
  });
  return `<c:strCache><c:ptCount val="${cells.length}"/>${points.join("")}</c:strCache>`;
}

/** Numbers as stored; a blank (or text) cell has no point, which the chart draws as a gap. */
function numberCache(range: SheetRange, rows: ChartPartOptions["rows"]): string {
  const cells = cellsOf(range, rows);
  const points = cells.map((cell, i) => (typeof cell?.value === "number" && Number.isFinite(cell.value) ? `<c:pt idx="${i}"><c:v>${cell.value}</c:v></c:pt>` : ""));
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${cells.length}"/>${points.join("")}</c:numCache>`;
}

function labelOf(cell: OutputCell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return cell.format === "month" ? formatMonth(value.date) : formatUkDate(value.date);
  return String(value);
}
