/**
 * The write and the removal, inside one Excel.run each. Everything is checked first (inspect), then
 * the tool's own sheets are rewritten, then the roster columns and the defined name are replaced,
 * last, so that a write that fails part way never leaves the name pointing at a half-written block.
 */
import { columnLetter } from "../common/grid";
import { isOwnedSheetName, OWNED_SHEET_NAMES, ownedRangeName } from "../common/owned";
import { rangeAddress } from "../report/cells";
import type { ChartSpec, OwnedSheet, RosterColumnsOutput, SheetRange, WorkbookOutput } from "../report/types";
import { STYLE_COLOURS } from "../report/formats";
import { PRINT_FOOTER, printSettingsOf } from "../report/print";
import { pastLastColumn, rosterColumnBlocks } from "../report/roster-columns";
import { chartName, isToolChartName, seriesColour } from "./chart-style";
import { writeArea, type Area } from "./office-area";
import { columnWidthPoints, rgb } from "./office-cells";
import { OfficeWorkbookError } from "./office-errors";
import { assertColumnsFree, assertUnprotected, findSheet, formatInside, scanWorkbook, type SheetScan, type WorkbookScan } from "./office-inspect";
import { CALL_BYTES, RequestQueue } from "./office-requests";
import type { OwnedBlock } from "./owned-block";

export interface WriteOptions {
  /** Suspend screen updating too (ExcelApi 1.9). */
  suspendScreen: boolean;
}

export async function writeOutput(context: Excel.RequestContext, output: WorkbookOutput, options: WriteOptions): Promise<void> {
  for (const sheet of output.sheets) assertOwnedSheetName(sheet.name);
  // One block beside each roster sheet, where a PCN keeps one per member practice.
  const blocks = rosterColumnBlocks(output);
  // Nothing past column XFD: refused before Excel is asked for a range it does not have.
  for (const block of blocks) {
    const beyond = pastLastColumn(block);
    if (beyond) throw new OfficeWorkbookError("own-data", beyond);
  }
  const scan = await scanWorkbook(context, blocks);
  const rosters = blocks.map((block) => rosterTarget(scan, block));
  rosters.forEach((roster, i) => {
    if (rosters.findIndex((r) => r.sheet === roster.sheet) !== i) throw new OfficeWorkbookError("not-owned", `The ARRS columns were given twice for "${roster.sheet.name}".`);
  });
  const rewritten = output.sheets.map((s) => findSheet(scan.sheets, s.name)).filter((s): s is SheetScan => s !== undefined);
  const cleared = rosters.length > 0 ? scan.sheets.filter((s) => rosters.some((r) => r.sheet === s) || s.blocks.length > 0) : [];
  assertUnprotected([...rewritten, ...cleared]);

  const queue = new RequestQueue(context, { suspend: { calculation: true, screen: options.suspendScreen } });
  for (const sheet of output.sheets) await writeArea(queue, ownedSheetArea(context, scan, sheet));
  for (const [i, roster] of rosters.entries()) await writeArea(queue, rosterArea(context, scan, roster, i));
  await queue.recalculate();
}

export async function removeOutput(context: Excel.RequestContext, options: WriteOptions): Promise<{ removedSheets: string[]; clearedColumns: number }> {
  const scan = await scanWorkbook(context, []);
  const withBlocks = scan.sheets.filter((s) => !s.owned && s.blocks.length > 0);
  assertUnprotected(withBlocks);
  const queue = new RequestQueue(context, { suspend: { calculation: true, screen: options.suspendScreen } });
  await queue.reserve(CALL_BYTES * (4 + withBlocks.length * 8 + scan.ownedNames.length));
  let clearedColumns = 0;
  for (const sheet of withBlocks) {
    for (const block of sheet.blocks) {
      clearBlock(sheet, block);
      resetWidths(sheet.ws, block);
      clearedColumns += block.lastColumn - block.firstColumn + 1;
    }
  }
  for (const name of scan.ownedNames) name.delete();
  // Worksheet.delete cannot be undone and clears Excel's undo stack (docs: "Undo support"); removing
  // the output is the one place where deleting is what the user asked for.
  const removedSheets = OWNED_SHEET_NAMES.map((name) => findSheet(scan.sheets, name)).filter((s): s is SheetScan => s !== undefined);
  for (const sheet of removedSheets) sheet.ws.delete();
  await queue.recalculate();
  return { removedSheets: removedSheets.map((s) => s.name), clearedColumns };
}

function assertOwnedSheetName(name: string): void {
  if (!isOwnedSheetName(name)) {
    throw new OfficeWorkbookError("not-owned", `"${name}" is not one of the tool's own sheets; the tool writes only ${OWNED_SHEET_NAMES.join(", ")}.`);
  }
}

interface RosterTarget {
  sheet: SheetScan;
  output: RosterColumnsOutput;
  block: OwnedBlock;
}

/** The roster sheet and the block the columns go in, once it is known to be free or already ours. */
function rosterTarget(scan: WorkbookScan, output: RosterColumnsOutput): RosterTarget {
  const sheet = findSheet(scan.sheets, output.sheetName);
  // The roster was read a moment (or, in the task pane, a while) ago: the user renamed or deleted it since.
  if (!sheet) throw new OfficeWorkbookError("sheet-missing", `The sheet "${output.sheetName}" is no longer in the workbook: it was renamed or deleted after the roster was read. Run the check again.`);
  if (sheet.owned) throw new OfficeWorkbookError("not-owned", `"${sheet.name}" is one of the tool's own sheets, not a roster.`);
  assertColumnsFree(scan, output);
  const block = { headerRow: output.headerRowNumber, firstColumn: output.firstColumn, lastColumn: output.firstColumn + output.headers.length - 1 };
  return { sheet, output, block };
}

// ---------------------------------------------------------------------------------------------------
// The tool's own sheets
// ---------------------------------------------------------------------------------------------------

/** Rewritten in place, never deleted and re-created (deleting a sheet clears Excel's undo stack). */
function ownedSheetArea(context: Excel.RequestContext, scan: WorkbookScan, sheet: OwnedSheet): Area {
  const existing = findSheet(scan.sheets, sheet.name);
  let ws: Excel.Worksheet | null = existing?.ws ?? null;
  return {
    ws: () => ws!,
    top: 1,
    left: 1,
    rows: sheet.rows,
    prepare: () => {
      if (existing) clearOwnedSheet(existing);
      else ws = context.workbook.worksheets.add(sheet.name);
    },
    prepareCalls: 8 + (existing?.charts.length ?? 0),
    finish: () => finishOwnedSheet(ws!, sheet),
    finishCalls: finishCallCount(sheet),
  };
}

/**
 * Values, formats, merges, filter, frozen panes, conditional formats and widths: all ours. Of the
 * charts, only the tool's own (by name): a chart the user drew on the sheet stays.
 */
function clearOwnedSheet(sheet: SheetScan): void {
  for (const chart of sheet.charts) if (isToolChartName(chart.name)) chart.delete();
  if (sheet.filtered) sheet.ws.autoFilter.remove();
  sheet.ws.freezePanes.unfreeze();
  sheet.ws.getRange().conditionalFormats.clearAll();
  if (!sheet.used) return;
  sheet.used.unmerge();
  sheet.used.clear("All");
  sheet.used.getEntireColumn().format.useStandardWidth = true;
}

/** How many API calls finishOwnedSheet queues, for the request budget. */
export function finishCallCount(sheet: OwnedSheet): number {
  return sheet.columnWidths.length + 4 + (sheet.dataBars?.length ?? 0) * 6 + (sheet.charts ?? []).reduce((n, chart) => n + chartCallCount(chart), 0) + printCallCount(sheet);
}

function printCallCount(sheet: OwnedSheet): number {
  return 4 + ((printSettingsOf(sheet).repeatRows ?? 0) > 0 ? 1 : 0);
}

/**
 * How the sheet prints (ExcelApi 1.9, PageLayout): landscape, one page wide, the header rows on every
 * page, and a footer with the sheet's name and "Page 2 of 3", as the file adapter writes them.
 */
function setPrintLayout(ws: Excel.Worksheet, sheet: OwnedSheet): void {
  const print = printSettingsOf(sheet);
  const layout = ws.pageLayout;
  layout.orientation = print.landscape ? "Landscape" : "Portrait";
  layout.zoom = { horizontalFitToPages: print.fitToWidth };
  if ((print.repeatRows ?? 0) > 0) layout.setPrintTitleRows(`$1:$${print.repeatRows}`);
  layout.headersFooters.defaultForAllPages.leftFooter = PRINT_FOOTER.left;
  layout.headersFooters.defaultForAllPages.rightFooter = PRINT_FOOTER.right;
}

export function finishOwnedSheet(ws: Excel.Worksheet, sheet: OwnedSheet): void {
  setWidths(ws, 1, sheet.columnWidths);
  if (sheet.freezeRows) ws.freezePanes.freezeRows(sheet.freezeRows);
  if (sheet.autoFilter) ws.autoFilter.apply(ws.getRange(rangeAddress(sheet.autoFilter)));
  for (const bar of sheet.dataBars ?? []) addDataBar(ws.getRange(rangeAddress(bar.range)));
  for (const chart of sheet.charts ?? []) addChart(ws, chart);
  setPrintLayout(ws, sheet);
}

function setWidths(ws: Excel.Worksheet, firstColumn: number, widths: number[]): void {
  widths.forEach((width, i) => {
    ws.getRangeByIndexes(0, firstColumn - 1 + i, 1, 1).format.columnWidth = columnWidthPoints(width);
  });
}

/** Bars from zero to the largest value, as the file adapter draws them. */
function addDataBar(range: Excel.Range): void {
  const bar = range.conditionalFormats.add("DataBar").dataBar;
  bar.barDirection = "LeftToRight";
  bar.positiveFormat.fillColor = rgb(STYLE_COLOURS.dataBar);
  bar.positiveFormat.gradientFill = false;
  // Rules are set whole: their sub-properties cannot be set one by one (docs: "Some properties cannot be set directly").
  bar.lowerBoundRule = { type: "Number", formula: "0" };
  bar.upperBoundRule = { type: "HighestValue" };
}

/** Excel's chart type for each kind of chart the report asks for. */
const CHART_TYPES: Record<ChartSpec["type"], "ColumnClustered" | "ColumnStacked" | "LineMarkers"> = {
  column: "ColumnClustered",
  stackedColumn: "ColumnStacked",
  line: "LineMarkers",
};

/** How many API calls addChart queues. */
function chartCallCount(spec: ChartSpec): number {
  return 9 + spec.series.length * 8;
}

/**
 * A real chart over the sheet's cells, where the spec anchors it, named and coloured as the file adapter
 * draws it (chart-style.ts), so a rerun from either door finds it. Every series is set explicitly (values,
 * categories, name) rather than left to Excel's guess from a block of cells (ExcelApi 1.7 and 1.8).
 */
function addChart(ws: Excel.Worksheet, spec: ChartSpec): void {
  // Excel makes a chart from cells: one with no series has none to make it from.
  if (spec.series.length === 0) return;
  const range = (cells: SheetRange) => ws.getRange(rangeAddress(cells));
  const chart = ws.charts.add(CHART_TYPES[spec.type], range(spec.series[0].values), "Columns");
  chart.name = chartName(spec);
  chart.title.text = spec.title;
  chart.legend.visible = spec.series.length > 1;
  chart.legend.position = "Bottom";
  spec.series.forEach((series, i) => {
    const target = i === 0 ? chart.series.getItemAt(0) : chart.series.add(series.name);
    target.name = series.name;
    target.setValues(range(series.values));
    target.setXAxisValues(range(spec.categories));
    if (spec.type === "line") {
      target.markerStyle = "Circle";
      target.format.line.color = `#${seriesColour(i)}`;
    } else {
      target.format.fill.setSolidColor(`#${seriesColour(i)}`);
    }
  });
  if (spec.valueAxisTitle) chart.axes.valueAxis.title.text = spec.valueAxisTitle;
  chart.axes.valueAxis.numberFormat = "#,##0";
  const { top, left, bottom, right } = spec.anchor;
  chart.setPosition(`${columnLetter(left)}${top}`, `${columnLetter(right)}${bottom}`);
}

// ---------------------------------------------------------------------------------------------------
// The roster columns
// ---------------------------------------------------------------------------------------------------

/** The columns beside the `index`th roster sheet (0 first); the first also clears every earlier run's columns and names. */
function rosterArea(context: Excel.RequestContext, scan: WorkbookScan, target: RosterTarget, index: number): Area {
  const { sheet, output, block } = target;
  const lastRow = output.rows.reduce((last, row) => Math.max(last, row.rowNumber), output.clearThroughRow);
  const rows: Area["rows"] = [output.headers];
  for (const row of output.rows) rows[row.rowNumber - output.headerRowNumber] = row.cells;
  const earlier = index === 0 ? scan.sheets.filter((s) => !s.owned && s.blocks.length > 0) : [];
  const oldNames = index === 0 ? scan.ownedNames : [];
  return {
    ws: () => sheet.ws,
    top: output.headerRowNumber,
    left: output.firstColumn,
    rows,
    prepare: () => {
      // An earlier run's columns go wherever they are (even beside another sheet, if the roster
      // moved), so a second run replaces the first rather than adding to it.
      for (const s of earlier) for (const b of s.blocks) clearBlock(s, b);
      clearBlock(sheet, block, Math.max(lastRow, sheet.lastRow));
    },
    prepareCalls: 3 + earlier.reduce((n, s) => n + s.blocks.length * 3 + s.formats.length, sheet.formats.length),
    finish: () => {
      setWidths(sheet.ws, output.firstColumn, output.columnWidths);
      addStatusHighlights(sheet.ws, output, lastRow);
      for (const name of oldNames) name.delete();
      const range = sheet.ws.getRangeByIndexes(block.headerRow - 1, block.firstColumn - 1, Math.max(lastRow, block.headerRow) - block.headerRow + 1, output.headers.length);
      context.workbook.names.add(ownedRangeName(index), range);
    },
    finishCalls: output.columnWidths.length + output.statusHighlights.length * 4 + 2 + oldNames.length,
  };
}

/**
 * Empties a block's columns from its header row down to the sheet's last row (values and formats),
 * and deletes the conditional formats lying wholly inside it, as the file adapter (xlsx/patch-sheet.ts) does:
 * a user's format that also covers other columns is the user's and stays.
 */
function clearBlock(sheet: SheetScan, block: OwnedBlock, lastRow = sheet.lastRow): void {
  const rows = Math.max(lastRow, block.headerRow) - block.headerRow + 1;
  sheet.ws.getRangeByIndexes(block.headerRow - 1, block.firstColumn - 1, rows, block.lastColumn - block.firstColumn + 1).clear("All");
  for (const { format, areas } of sheet.formats) if (formatInside(areas, block)) format.delete();
  // A format deleted once must not be deleted again for a second block on the same sheet.
  sheet.formats = sheet.formats.filter(({ areas }) => !formatInside(areas, block));
}

function resetWidths(ws: Excel.Worksheet, block: OwnedBlock): void {
  ws.getRangeByIndexes(0, block.firstColumn - 1, 1, block.lastColumn - block.firstColumn + 1).format.useStandardWidth = true;
}

/** "Error", "Warning" and "Check" coloured by their text, as the file adapter's cellIs rules. */
function addStatusHighlights(ws: Excel.Worksheet, output: RosterColumnsOutput, lastRow: number): void {
  if (lastRow <= output.headerRowNumber) return;
  const column: SheetRange = { top: output.headerRowNumber + 1, left: output.firstColumn, bottom: lastRow, right: output.firstColumn };
  for (const highlight of output.statusHighlights) {
    const colours = STYLE_COLOURS[highlight.style];
    const rule = ws.getRange(rangeAddress(column)).conditionalFormats.add("CellValue").cellValue;
    rule.format.fill.color = rgb(colours.fill);
    rule.format.font.color = rgb(colours.font);
    rule.rule = { formula1: `="${highlight.text}"`, operator: "EqualTo" };
  }
}

