/**
 * A normalised snapshot of everything ExcelJS reads from a workbook, for "before and after"
 * comparisons: every cell (value, formula, cached result, rich text, hyperlink, style: number format,
 * font, fill, border, alignment, protection), column widths and styles, row heights and styles,
 * merged ranges, conditional formats, data validations, views, filters, page setup, protection,
 * tables and images of every sheet; the sheets and their order; defined names and workbook
 * properties. What the tool owns can be left out: whole sheets, and on a sheet a block of columns
 * from a row down (its roster columns).
 *
 * Empty things are dropped (an empty style object, a column entry with nothing set, a row with
 * default height and no style, a cell with no value and no style), so that a cell or row ExcelJS
 * creates in passing does not count as a change; anything set counts.
 */
import ExcelJS from "exceljs";
import { columnNumber } from "../../src/common/grid";
import { OWNED_RANGE_NAME } from "../../src/common/owned";

export interface OwnedColumns {
  sheet: string;
  headerRow: number;
  firstColumn: number;
  lastColumn: number;
}

export interface SnapshotOptions {
  /** Sheets left out altogether. */
  skipSheets?: readonly string[];
  /** Blocks of columns left out, from their header row down (cells, widths, formats inside them). */
  ownedColumns?: readonly OwnedColumns[];
  /** Leave out the tool's defined name. */
  skipOwnedName?: boolean;
}

export async function loadWorkbook(bytes: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Drops undefined, null-free empty objects and empty arrays, recursively; sorts object keys. */
export function tidy(value: unknown): unknown {
  if (value instanceof Date) return `date:${Number.isNaN(value.getTime()) ? "invalid" : value.toISOString()}`;
  if (Array.isArray(value)) return value.map(tidy);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = tidy((value as Record<string, unknown>)[key]);
      if (v === undefined) continue;
      if (v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0) continue;
      out[key] = v;
    }
    return out;
  }
  return value;
}

const isEmpty = (v: unknown) => v === undefined || (v !== null && typeof v === "object" && Object.keys(v as object).length === 0);

function decode(address: string): { row: number; col: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address.replace(/^.*!/, ""))!;
  return { col: columnNumber(match[1]), row: Number(match[2]) };
}

/** True when every range of a reference ("A2:A9 C2:C9") lies inside one of the owned blocks. */
function refOwned(ref: string, blocks: readonly OwnedColumns[]): boolean {
  return ref.trim().split(/\s+/).every((part) => {
    const [a, b] = part.split(":");
    const from = decode(a);
    const to = b ? decode(b) : from;
    return blocks.some((blk) => Math.min(from.col, to.col) >= blk.firstColumn && Math.max(from.col, to.col) <= blk.lastColumn && Math.min(from.row, to.row) >= blk.headerRow);
  });
}

export function snapshotOf(workbook: ExcelJS.Workbook, options: SnapshotOptions = {}): unknown {
  const skip = new Set((options.skipSheets ?? []).map((s) => s.toLowerCase()));
  const sheets = workbook.worksheets.filter((ws) => !skip.has(ws.name.toLowerCase()));
  const names = (workbook.definedNames.model as { name: string; ranges: string[] }[])
    .filter((n) => !(options.skipOwnedName && n.name === OWNED_RANGE_NAME))
    .map((n) => ({ name: n.name, ranges: [...n.ranges].sort() }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const model = workbook.model as unknown as Record<string, unknown>;
  return tidy({
    sheetOrder: sheets.map((ws) => ws.name),
    definedNames: names,
    properties: model.properties,
    calcProperties: (workbook as unknown as { calcProperties: unknown }).calcProperties,
    creator: workbook.creator,
    title: workbook.title,
    sheets: sheets.map((ws) => sheetSnapshot(ws, (options.ownedColumns ?? []).filter((o) => o.sheet.toLowerCase() === ws.name.toLowerCase()))),
  });
}

function sheetSnapshot(ws: ExcelJS.Worksheet, owned: readonly OwnedColumns[]): unknown {
  const m = ws.model as unknown as Record<string, unknown>;
  const ownedCell = (row: number, col: number) => owned.some((o) => col >= o.firstColumn && col <= o.lastColumn && row >= o.headerRow);
  const ownedColumn = (col: number) => owned.some((o) => col >= o.firstColumn && col <= o.lastColumn);

  const cells: Record<string, unknown> = {};
  const rows: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const rowModel = row.model as unknown as Record<string, unknown> | null;
    if (rowModel) {
      const attributes = tidy({ height: rowModel.height, customHeight: rowModel.customHeight, hidden: rowModel.hidden || undefined, outlineLevel: rowModel.outlineLevel || undefined, collapsed: rowModel.collapsed || undefined, style: rowModel.style });
      if (!isEmpty(attributes)) rows[rowNumber] = attributes;
    }
    // The row's model holds the cells that exist; row.eachCell({ includeEmpty }) would create the
    // missing ones (styled after the row) as it went, and see changes that are not there.
    for (const model of (rowModel?.cells as Record<string, unknown>[] | undefined) ?? []) {
      const address = model.address as string;
      if (ownedCell(rowNumber, decode(address).col)) continue;
      const { address: _a, ...rest } = model;
      const entry = tidy(rest) as Record<string, unknown>;
      // An empty cell with no style (type 0 = Null) is no cell at all.
      if (entry.type === 0 && Object.keys(entry).length === 1) continue;
      cells[address] = entry;
    }
  });

  const columns: Record<string, unknown> = {};
  for (const col of (m.cols as { min: number; max: number }[] | undefined) ?? []) {
    for (let c = col.min; c <= col.max; c++) {
      if (ownedColumn(c)) continue;
      const { min: _min, max: _max, ...rest } = col as Record<string, unknown>;
      const attributes = tidy({ ...rest, hidden: rest.hidden || undefined, outlineLevel: rest.outlineLevel || undefined, collapsed: rest.collapsed || undefined, isCustomWidth: rest.width === undefined ? undefined : rest.isCustomWidth });
      if (!isEmpty(attributes)) columns[c] = attributes;
    }
  }

  // ExcelJS gives each data bar a new random x14 id every time it saves: an id, not a change.
  const conditionalFormats = ((m.conditionalFormattings as { ref: string; rules: object[] }[] | undefined) ?? [])
    .filter((cf) => !refOwned(cf.ref, owned))
    .map((cf) => ({ ...cf, rules: cf.rules.map((rule) => ({ ...rule, x14Id: undefined })) }));
  return {
    name: ws.name,
    state: ws.state,
    properties: m.properties,
    // ExcelJS writes useFirstPageNumber from firstPageNumber rather than as read: its own round trip, not the tool's.
    pageSetup: { ...(m.pageSetup as object), useFirstPageNumber: undefined },
    headerFooter: m.headerFooter,
    rowBreaks: m.rowBreaks,
    views: m.views,
    autoFilter: m.autoFilter,
    sheetProtection: m.sheetProtection,
    dataValidations: m.dataValidations,
    tables: m.tables,
    media: m.media,
    merges: [...((m.merges as string[] | undefined) ?? [])].sort(),
    conditionalFormats,
    columns,
    rows,
    cells,
  };
}

/** Path → [before, after] for every leaf that differs: a readable diff when a comparison fails. */
export function differences(before: unknown, after: unknown, path = "", out: string[] = []): string[] {
  if (out.length > 40) return out;
  if (JSON.stringify(before) === JSON.stringify(after)) return out;
  if (before && after && typeof before === "object" && typeof after === "object") {
    const keys = new Set([...Object.keys(before as object), ...Object.keys(after as object)]);
    for (const key of keys) differences((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key], `${path}/${key}`, out);
    return out;
  }
  out.push(`${path}: ${JSON.stringify(before)?.slice(0, 200)} → ${JSON.stringify(after)?.slice(0, 200)}`);
  return out;
}
