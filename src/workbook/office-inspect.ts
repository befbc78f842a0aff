/**
 * What the workbook holds before anything is changed: its sheets, which are protected, the tool's
 * own sheets (with their charts and filters), an earlier run's roster columns wherever they are, the
 * conditional formats near them, and whether the roster columns about to be written would cover the
 * user's data. Three syncs at most, all reads, so a refusal leaves the workbook exactly as it was.
 *
 * Earlier columns are found as the file adapter finds them (owned-grid.ts): an "ARRS status"
 * header with another of the tool's headers right beside it. Worksheet.findAllOrNullObject (ExcelApi
 * 1.9) finds the "ARRS status" cells without reading whole sheets (it skips hidden sheets).
 */
import { columnLetter } from "../common/grid";
import { OWNED_COLUMN_HEADERS, isOwnedColumnHeader, isOwnedRangeName, isOwnedSheetName } from "../common/owned";
import type { RosterColumnsOutput, SheetRange } from "../report/types";
import { columnNumber } from "../common/grid";
import type { OwnedBlock } from "./owned-block";
import { OfficeWorkbookError, protectedSheetMessage } from "./office-errors";

/** Excel's last row and column: the owned columns run from their header to the foot of the sheet. */
export const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;
/** How many cells right of an "ARRS status" header are read to see how far the block runs. */
const HEADER_LOOKAHEAD = 8;

export interface SheetScan {
  name: string;
  ws: Excel.Worksheet;
  protected: boolean;
  /** The last row with a value or a format (0 for an empty sheet): how far owned columns are cleared. */
  lastRow: number;
  /** The used range (values or formats), for clearing one of the tool's own sheets. */
  used: Excel.Range | null;
  owned: boolean;
  blocks: OwnedBlock[];
  charts: Excel.Chart[];
  filtered: boolean;
  /** Conditional formats of a roster sheet or a sheet with owned columns, with where they apply. */
  formats: { format: Excel.ConditionalFormat; areas: SheetRange[] }[];
}

export interface WorkbookScan {
  sheets: SheetScan[];
  /** The names over an earlier run's roster columns (ARRS_Output, ARRS_Output_2, ...). */
  ownedNames: Excel.NamedItem[];
  /**
   * Each roster sheet the columns go beside (one per member practice's roster), and the first row
   * holding a value in each target column from the header down.
   */
  targets: { sheet: SheetScan; output: RosterColumnsOutput; firstValueRow: (number | null)[] }[];
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Excel sheet names are unique regardless of case, so look them up that way too. */
export function findSheet(sheets: SheetScan[], name: string): SheetScan | undefined {
  return sheets.find((s) => s.name === name) ?? sheets.find((s) => sameName(s.name, name));
}

export async function scanWorkbook(context: Excel.RequestContext, rosters: readonly RosterColumnsOutput[]): Promise<WorkbookScan> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const names = context.workbook.names;
  names.load("items/name");
  await context.sync();

  const loads = worksheets.items.map((ws) => queueSheetLoads(ws, ws.name));
  const rosterLoads = rosters.map((roster) => {
    const load = findSheetLoad(loads, roster.sheetName);
    const columns = load && !isOwnedSheetName(load.name) ? queueTargetLoads(load.ws, roster) : null;
    return { roster, load, columns };
  });
  await context.sync();

  const sheets = loads.map(sheetScan);
  await findBlocksAndFormats(context, loads, sheets, rosterLoads.map((r) => r.load?.name));
  const targets = rosterLoads.flatMap(({ roster, load, columns }) => (load && columns
    ? [{ sheet: sheets[loads.indexOf(load)], output: roster, firstValueRow: columns.map((c) => (c.isNullObject ? null : c.rowIndex + 1)) }]
    : []));
  return { sheets, ownedNames: names.items.filter((item) => isOwnedRangeName(item.name)), targets };
}

interface SheetLoads {
  name: string;
  ws: Excel.Worksheet;
  used: Excel.Range;
  hits: Excel.RangeAreas | null;
  charts: Excel.ChartCollection | null;
  formats: Excel.ConditionalFormatCollection | null;
}

function findSheetLoad(loads: SheetLoads[], name: string): SheetLoads | undefined {
  return loads.find((l) => l.name === name) ?? loads.find((l) => sameName(l.name, name));
}

function queueSheetLoads(ws: Excel.Worksheet, name: string): SheetLoads {
  ws.load("name,protection/protected");
  const used = ws.getUsedRangeOrNullObject();
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  if (isOwnedSheetName(name)) {
    ws.charts.load("items/name");
    ws.autoFilter.load("enabled");
    return { name, ws, used, hits: null, charts: ws.charts, formats: null };
  }
  const hits = ws.findAllOrNullObject(OWNED_COLUMN_HEADERS.status, { completeMatch: true, matchCase: false });
  hits.load("address");
  const formats = ws.getRange().conditionalFormats;
  formats.load("items/type");
  return { name, ws, used, hits, charts: null, formats };
}

/** For each target column, the used range of its values from the header row down. */
function queueTargetLoads(ws: Excel.Worksheet, roster: RosterColumnsOutput): Excel.Range[] {
  const top = roster.headerRowNumber - 1;
  return roster.headers.map((_, i) => {
    const column = ws.getRangeByIndexes(top, roster.firstColumn - 1 + i, MAX_ROWS - top, 1).getUsedRangeOrNullObject(true);
    column.load("rowIndex");
    return column;
  });
}

function sheetScan(loads: SheetLoads): SheetScan {
  const used = loads.used.isNullObject ? null : loads.used;
  const owned = isOwnedSheetName(loads.name);
  return {
    name: loads.ws.name,
    ws: loads.ws,
    protected: loads.ws.protection.protected,
    lastRow: used ? used.rowIndex + used.rowCount : 0,
    used,
    owned,
    blocks: [],
    charts: loads.charts ? loads.charts.items : [],
    filtered: owned ? loads.ws.autoFilter.enabled : false,
    formats: [],
  };
}

/**
 * One sync: the headers beside each "ARRS status" cell (to keep those that start a block of ours),
 * and where each conditional format applies on the roster sheet and on sheets with such a cell.
 */
async function findBlocksAndFormats(context: Excel.RequestContext, loads: SheetLoads[], sheets: SheetScan[], rosterNames: (string | undefined)[]): Promise<void> {
  const candidates = loads.flatMap((load, i) => (load.hits && !load.hits.isNullObject ? cellsOf(load.hits.address).map((cell) => ({ sheet: sheets[i], ...cell })) : []));
  const besides = candidates.map(({ sheet, row, column }) => queueBeside(sheet.ws, row, column));
  const formatAreas = loads.map((load, i) => {
    const wanted = rosterNames.includes(load.name) || candidates.some((c) => c.sheet === sheets[i]);
    return wanted && load.formats ? load.formats.items.map((format) => ({ format, ranges: queueFormatRanges(format) })) : [];
  });
  if (candidates.length === 0 && formatAreas.every((f) => f.length === 0)) return;
  await context.sync();
  candidates.forEach(({ sheet, row, column }, i) => {
    const owned = ownedHeadersBeside(besides[i]);
    if (owned > 0) sheet.blocks.push({ headerRow: row, firstColumn: column, lastColumn: column + owned });
  });
  formatAreas.forEach((formats, i) => {
    sheets[i].formats = formats.map(({ format, ranges }) => ({ format, areas: areasOf(ranges.address) }));
  });
}

function queueBeside(ws: Excel.Worksheet, row: number, column: number): Excel.Range | null {
  const count = Math.min(HEADER_LOOKAHEAD, MAX_COLUMNS - column);
  if (count <= 0) return null;
  const range = ws.getRangeByIndexes(row - 1, column, 1, count);
  range.load("values");
  return range;
}

/** ConditionalFormat.getRanges (ExcelApi 1.9): a format may apply to several areas ("I4:I9 K4:K9"). */
function queueFormatRanges(format: Excel.ConditionalFormat): Excel.RangeAreas {
  const ranges = format.getRanges();
  ranges.load("address");
  return ranges;
}

function ownedHeadersBeside(range: Excel.Range | null): number {
  const headers = range ? range.values[0] : [];
  let owned = 0;
  while (owned < headers.length && isOwnedColumnHeader(headers[owned])) owned++;
  return owned;
}

/**
 * The areas of a RangeAreas address ("Staff!I3,'My sheet'!I3:I4"). The cell part follows the last
 * "!" of each area, so a sheet name holding commas or quotes does not confuse it.
 */
export function areasOf(address: string): SheetRange[] {
  const areas: SheetRange[] = [];
  const pattern = /!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?(?=\s*,|\s*$)/gi;
  for (const match of address.matchAll(pattern)) {
    const [c1, r1] = [columnNumber(match[1]), Number(match[2])];
    const [c2, r2] = match[3] ? [columnNumber(match[3]), Number(match[4])] : [c1, r1];
    areas.push({ top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) });
  }
  return areas;
}

function cellsOf(address: string): { row: number; column: number }[] {
  const cells: { row: number; column: number }[] = [];
  for (const area of areasOf(address)) {
    for (let row = area.top; row <= area.bottom; row++) for (let column = area.left; column <= area.right; column++) cells.push({ row, column });
  }
  return cells;
}

/** True when every area of a conditional format lies inside the block (from its header down). */
export function formatInside(areas: SheetRange[], block: OwnedBlock): boolean {
  return areas.length > 0 && areas.every((a) => a.left >= block.firstColumn && a.right <= block.lastColumn && a.top >= block.headerRow);
}

/**
 * The target columns must be empty from the header row down, or be an earlier run's columns on the
 * same sheet: the tool never writes over the user's data. The first value in each column is enough:
 * if it lies inside an earlier block, so does everything below it, since a block runs to the foot.
 */
export function assertColumnsFree(scan: WorkbookScan, roster: RosterColumnsOutput): void {
  const target = scan.targets.find((t) => t.output === roster);
  if (!target) return;
  const { sheet, firstValueRow } = target;
  firstValueRow.forEach((row, i) => {
    if (row === null) return;
    const column = roster.firstColumn + i;
    if (sheet.blocks.some((b) => b.firstColumn <= column && column <= b.lastColumn && row >= b.headerRow)) return;
    throw new OfficeWorkbookError("own-data", `Cell ${columnLetter(column)}${row} on "${sheet.name}" holds your own data, where the ARRS columns would go. Nothing was written; move that data or tell the tool which columns the roster uses.`);
  });
}

/** Every sheet about to change must be unprotected; checked before the first change. */
export function assertUnprotected(sheets: SheetScan[]): void {
  const locked = sheets.find((s) => s.protected);
  if (locked) throw new OfficeWorkbookError("protected", protectedSheetMessage(locked.name), "AccessDenied");
}
