/**
 * A small fake of exactly the Excel JavaScript API objects the Office adapter uses, strict where Excel
 * is strict:
 *   - calls are queued on proxies and run only at context.sync(), in order; a failing call stops the
 *     batch and leaves the calls before it applied (no rollback), as Excel does;
 *   - a property can be read only after it was loaded and a sync ran ("PropertyNotLoaded");
 *   - *OrNullObject proxies get isNullObject at the sync; calling a method on a null object throws
 *     here (the adapter must not rely on what Excel does then);
 *   - sheet names match regardless of case; writing to a protected sheet throws "AccessDenied";
 *   - a string written to a cell not formatted as text "@" becomes a formula if it starts with
 *     = + - or @, and a number if it looks like one, as Excel does.
 * Every sync is recorded with the size of its request (the JSON of the queued calls) and response
 * (the JSON of what was loaded). Syncs can be made to fail on demand, and the workbook can be changed
 * between two syncs (a sheet deleted, as a user might).
 */

import type { OfficeStyle } from "../../src/workbook/office-cells";

export const PAYLOAD_LIMIT = 5_000_000;
const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;

export class FakeOfficeError extends Error {
  override name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(readonly code: string, message: string, errorLocation?: string) {
    super(message);
    this.debugInfo = { code, message, errorLocation };
  }
}

const notLoaded = (property: string) =>
  new FakeOfficeError("PropertyNotLoaded", `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);

// ---------------------------------------------------------------------------------------------------
// Workbook state
// ---------------------------------------------------------------------------------------------------

/** 0-based rectangle. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** What the fake records of a cell's format: the adapter's own style properties, and alignment. */
export interface CellStyle extends OfficeStyle {
  verticalAlignment?: string;
}

export interface Cell {
  value?: string | number | boolean;
  formula?: string;
  format?: string;
  style?: CellStyle;
}

export interface FakeConditionalFormat {
  id: number;
  type: string;
  areas: Rect[];
  props: Record<string, unknown>;
}

export interface FakeChart {
  id: number;
  type: string;
  source: Rect;
  seriesBy: string;
  props: Record<string, unknown>;
}

export class SheetState {
  readonly cells = new Map<number, Map<number, Cell>>();
  readonly widths = new Map<number, number>();
  protected = false;
  frozenRows = 0;
  autoFilter: Rect | null = null;
  merges: Rect[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  charts: FakeChart[] = [];
  /** Worksheet.pageLayout as set (not in snapshot(): a user's sheet keeps Excel's own). */
  print: { orientation?: string; zoom?: Record<string, number>; titleRows?: string; leftFooter?: string; rightFooter?: string } = {};
  constructor(readonly id: number, public name: string) {}

  /** Set for a sheet whose cells a stress test does not need kept (calls are still checked and measured). */
  discardCells = false;

  cell(row: number, col: number): Cell | undefined {
    return this.cells.get(row)?.get(col);
  }

  ensure(row: number, col: number): Cell {
    if (this.discardCells) return {};
    let cells = this.cells.get(row);
    if (!cells) this.cells.set(row, (cells = new Map()));
    let cell = cells.get(col);
    if (!cell) cells.set(col, (cell = {}));
    return cell;
  }

  forEachIn(rect: Rect, f: (cell: Cell, row: number, col: number) => void): void {
    for (const [row, cells] of this.cells) {
      if (row < rect.row || row >= rect.row + rect.rows) continue;
      for (const [col, cell] of cells) if (col >= rect.col && col < rect.col + rect.cols) f(cell, row, col);
    }
  }

  /** The smallest rectangle around cells with a value (and, unless valuesOnly, a format or style). */
  used(valuesOnly: boolean, within: Rect = { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLUMNS }): Rect | null {
    let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
    this.forEachIn(within, (cell, row, col) => {
      const hasValue = cell.value !== undefined || cell.formula !== undefined;
      if (!hasValue && (valuesOnly || (cell.format === undefined && cell.style === undefined))) return;
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      left = Math.min(left, col);
      right = Math.max(right, col);
    });
    return bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }
}

export interface SyncRecord {
  index: number;
  requestBytes: number;
  responseBytes: number;
  calls: number;
  writes: number;
  suspendedCalculation: boolean;
  suspendedScreen: boolean;
}

interface Failure {
  afterCalls: number;
  code: string;
  message: string;
}

export class FakeExcel {
  readonly sheets: SheetState[] = [];
  readonly names = new Map<string, { name: string; sheetId: number; rect: Rect }>();
  readonly syncs: SyncRecord[] = [];
  readonly runs: { mergeUndoGroup?: boolean }[] = [];
  /** Sheets, by name, whose cells are not kept when the adapter creates them (memory, in stress tests). */
  readonly discardCellsOf = new Set<string>();
  recalculations = 0;
  activeSheetId = 0;
  selection: { sheetId: number; rect: Rect } | null = null;
  private nextId = 1;
  private readonly failures = new Map<number, Failure>();
  private readonly hooks = new Map<number, () => void>();

  /** Excel.run's two forms: run(batch) and run(options, batch). */
  readonly run = async <T>(first: unknown, second?: unknown): Promise<T> => {
    const options = (typeof first === "function" ? {} : first) as { mergeUndoGroup?: boolean };
    const batch = (typeof first === "function" ? first : second) as (context: FakeContext) => Promise<T>;
    this.runs.push(options);
    const context = new FakeContext(this);
    const result = await batch(context);
    if (context.pending() > 0) throw new Error(`fake: ${context.pending()} queued calls were never synced`);
    return result;
  };

  // ---- setting up ------------------------------------------------------------------------------

  addSheet(name: string): SheetState {
    const sheet = new SheetState(this.nextId++, name);
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    return sheet;
  }

  /** Values from a sheet cell down and right; Dates become serials formatted dd/mm/yyyy. */
  setValues(sheetName: string, topLeft: string, values: unknown[][], format?: string): void {
    const sheet = this.sheet(sheetName);
    const { row, col } = parseCell(topLeft);
    values.forEach((line, r) => line.forEach((value, c) => {
      if (value === null || value === undefined || value === "") return;
      const cell = sheet.ensure(row + r, col + c);
      if (value instanceof Date) {
        cell.value = value.getTime() / 86400000 + 25569;
        cell.format = "dd/mm/yyyy";
      } else {
        cell.value = value as string | number | boolean;
        if (format) cell.format = format;
      }
    }));
  }

  sheet(name: string): SheetState {
    const sheet = this.findSheet(name);
    if (!sheet) throw new Error(`fake: no sheet "${name}"`);
    return sheet;
  }

  findSheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheetById(id: number): SheetState | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  cell(sheetName: string, address: string): Cell | undefined {
    const { row, col } = parseCell(address);
    return this.sheet(sheetName).cell(row, col);
  }

  /** The shown values of a sheet as rows (null for empty), up to its used range. */
  values(sheetName: string): unknown[][] {
    const sheet = this.sheet(sheetName);
    const used = sheet.used(true);
    if (!used) return [];
    return Array.from({ length: used.row + used.rows }, (_, r) =>
      Array.from({ length: used.col + used.cols }, (_, c) => {
        const cell = sheet.cell(r, c);
        return cell?.formula !== undefined ? { formula: cell.formula } : cell?.value ?? null;
      }));
  }

  /** Everything about the workbook as plain data, for before/after comparisons (row -1: column widths). */
  snapshot(skip: (sheet: string, row: number, col: number) => boolean = () => false): unknown {
    // A deep copy: the cells themselves change as later writes run.
    return structuredClone({
      sheets: this.sheets.map((s) => ({
        name: s.name,
        protected: s.protected,
        cells: [...s.cells].flatMap(([row, cells]) => [...cells].filter(([col]) => !skip(s.name, row, col)).map(([col, cell]) => [row, col, cell])),
        // Sorted: Excel keeps no order among column widths.
        widths: [...s.widths].filter(([col]) => !skip(s.name, -1, col)).sort((a, b) => a[0] - b[0]),
        frozenRows: s.frozenRows,
        autoFilter: s.autoFilter,
        merges: s.merges,
        // Without ids: a re-created format or chart is a new object with the same content.
        conditionalFormats: s.conditionalFormats.filter((cf) => !cf.areas.every((a) => skip(s.name, a.row, a.col))).map(({ id: _id, ...cf }) => cf),
        charts: s.charts.map(({ id: _id, ...chart }) => chart),
      })),
      names: [...this.names.values()],
    });
  }

  // ---- failing on demand -----------------------------------------------------------------------

  /** Sync number `index` (1-based, counted over the fake's life) throws after running some calls. */
  failSync(index: number, code: string, afterCalls = 0, message = `fake failure: ${code}`): void {
    this.failures.set(index, { afterCalls, code, message });
  }

  /** Runs `change` just before sync number `index` reaches the workbook (a user's edit meanwhile). */
  beforeSync(index: number, change: () => void): void {
    this.hooks.set(index, change);
  }

  deleteSheet(name: string): void {
    const sheet = this.sheet(name);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
  }

  // ---- used by the proxies ---------------------------------------------------------------------

  newId(): number {
    return this.nextId++;
  }

  startSync(): { record: SyncRecord; failure: Failure | undefined } {
    const index = this.syncs.length + 1;
    this.hooks.get(index)?.();
    const record: SyncRecord = { index, requestBytes: 0, responseBytes: 0, calls: 0, writes: 0, suspendedCalculation: false, suspendedScreen: false };
    this.syncs.push(record);
    return { record, failure: this.failures.get(index) };
  }
}

// ---------------------------------------------------------------------------------------------------
// Request context and the queue of calls
// ---------------------------------------------------------------------------------------------------

interface Call {
  describe: unknown;
  write: boolean;
  apply: (record: SyncRecord) => void;
}

export class FakeContext {
  private calls: Call[] = [];
  private commits: (() => void)[] = [];
  readonly workbook: FakeWorkbook;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  pending(): number {
    return this.calls.length;
  }

  queue(describe: unknown, apply: (record: SyncRecord) => void, write = true): void {
    this.calls.push({ describe, apply, write });
  }

  /** A loaded value becomes readable only once the sync that loaded it has finished. */
  onCommit(commit: () => void): void {
    this.commits.push(commit);
  }

  async sync(): Promise<void> {
    const calls = this.calls;
    this.calls = [];
    this.commits = [];
    const { record, failure } = this.excel.startSync();
    record.calls = calls.length;
    record.writes = calls.filter((c) => c.write).length;
    record.requestBytes = Buffer.byteLength(JSON.stringify(calls.map((c) => c.describe)));
    if (record.requestBytes > PAYLOAD_LIMIT) throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    for (const [i, call] of calls.entries()) {
      if (failure && i === failure.afterCalls) throw new FakeOfficeError(failure.code, failure.message);
      call.apply(record);
    }
    if (failure && failure.afterCalls >= calls.length) throw new FakeOfficeError(failure.code, failure.message);
    if (record.responseBytes > PAYLOAD_LIMIT) throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    for (const commit of this.commits) commit();
    this.commits = [];
  }
}

/** Base of every proxy: loaded properties, readable only after a sync. */
abstract class FakeProxy {
  protected readonly loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext) {}

  protected read<T>(property: string): T {
    if (!this.loaded.has(property)) throw notLoaded(property);
    return this.loaded.get(property) as T;
  }

  /** Queues a load; `snapshot` runs at the sync and gives each property's value. */
  protected queueLoad(path: string, properties: string[], snapshot: (property: string) => unknown): void {
    this.ctx.queue({ load: path, properties }, (record) => {
      if (this.isNullNow()) return; // loading a null object is allowed; its properties stay unreadable
      const values = new Map(properties.map((p) => [p, snapshot(p)] as const));
      record.responseBytes += Buffer.byteLength(JSON.stringify([...values.values()]) ?? "");
      this.ctx.onCommit(() => { for (const [p, v] of values) this.loaded.set(p, v); });
    }, false);
  }

  /** *OrNullObject: isNullObject is loaded by the next sync without being asked for. */
  protected autoLoadNull(path: string, exists: () => boolean): void {
    this.ctx.queue({ nullCheck: path }, () => {
      const value = !exists();
      this.ctx.onCommit(() => this.loaded.set("isNullObject", value));
    }, false);
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }

  /** True for an *OrNullObject proxy whose object does not exist at this sync. */
  protected isNullNow(): boolean {
    return false;
  }
}

const split = (properties: string) => properties.split(",").map((p) => p.trim()).filter(Boolean);

// ---------------------------------------------------------------------------------------------------
// Workbook, application, names
// ---------------------------------------------------------------------------------------------------

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly application: FakeApplication;
  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.application = new FakeApplication(ctx);
  }
}

class FakeApplication {
  constructor(private readonly ctx: FakeContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.queue({ app: "suspendApiCalculationUntilNextSync" }, (record) => { record.suspendedCalculation = true; }, false);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.queue({ app: "suspendScreenUpdatingUntilNextSync" }, (record) => { record.suspendedScreen = true; }, false);
  }
  calculate(type: string): void {
    this.ctx.queue({ app: "calculate", type }, () => { this.ctx.excel.recalculations += 1; }, false);
  }
}

class FakeNamedItemCollection extends FakeProxy {
  constructor(ctx: FakeContext) {
    super(ctx);
  }
  get items(): FakeNamedItem[] {
    return this.read("items");
  }
  load(properties: string): this {
    if (properties !== "items/name") throw new Error(`fake: names.load("${properties}") is not modelled`);
    const ctx = this.ctx;
    ctx.queue({ load: "names", properties: ["items/name"] }, (record) => {
      const names = [...ctx.excel.names.values()].map((n) => n.name);
      record.responseBytes += Buffer.byteLength(JSON.stringify(names));
      const items = names.map((name) => new FakeNamedItem(ctx, name, false));
      ctx.onCommit(() => this.loaded.set("items", items));
    }, false);
    return this;
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, name);
  }
  add(name: string, range: FakeRange): FakeNamedItem {
    this.ctx.queue({ names: "add", name, range: range.path }, () => {
      if (this.ctx.excel.names.has(name.toLowerCase())) throw new FakeOfficeError("ItemAlreadyExists", `The name ${name} already exists.`);
      const rect = range.rect();
      this.ctx.excel.names.set(name.toLowerCase(), { name, sheetId: range.sheet.target().id, rect });
    });
    return new FakeNamedItem(this.ctx, name);
  }
}

class FakeNamedItem extends FakeProxy {
  constructor(ctx: FakeContext, readonly name: string, nullCheck = true) {
    super(ctx);
    if (nullCheck) this.autoLoadNull(`name(${name})`, () => this.ctx.excel.names.has(name.toLowerCase()));
  }
  delete(): void {
    this.ctx.queue({ name: this.name, call: "delete" }, () => {
      if (!this.ctx.excel.names.delete(this.name.toLowerCase())) throw new FakeOfficeError("ItemNotFound", `No name ${this.name}.`);
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Worksheets
// ---------------------------------------------------------------------------------------------------

class FakeWorksheetCollection extends FakeProxy {
  constructor(ctx: FakeContext) {
    super(ctx);
  }
  get items(): FakeWorksheet[] {
    return this.read("items");
  }
  load(properties: string): this {
    if (properties !== "items/name") throw new Error(`fake: worksheets.load("${properties}") is not modelled`);
    // The loaded items are proxies bound to the sheets as they were at the sync.
    const ctx = this.ctx;
    ctx.queue({ load: "worksheets", properties: ["items/name"] }, (record) => {
      record.responseBytes += Buffer.byteLength(JSON.stringify(ctx.excel.sheets.map((s) => s.name)));
      const items = ctx.excel.sheets.map((s) => FakeWorksheet.bound(ctx, s));
      ctx.onCommit(() => this.loaded.set("items", items));
    }, false);
    return this;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `ws(${name})`, () => this.ctx.excel.findSheet(name));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, `ws?(${name})`, () => this.ctx.excel.findSheet(name), true);
    return ws;
  }
  add(name: string): FakeWorksheet {
    let id = 0;
    const ws = new FakeWorksheet(this.ctx, `ws+(${name})`, () => this.ctx.excel.sheetById(id));
    this.ctx.queue({ worksheets: "add", name }, () => {
      if (this.ctx.excel.findSheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
      id = this.ctx.excel.newId();
      const sheet = new SheetState(id, name);
      sheet.discardCells = this.ctx.excel.discardCellsOf.has(name);
      this.ctx.excel.sheets.push(sheet);
    });
    return ws;
  }
}

export class FakeWorksheet extends FakeProxy {
  private boundId: number | null = null;
  readonly protection: FakeProtection;
  readonly charts: FakeChartCollection;
  readonly autoFilter: FakeAutoFilter;
  readonly freezePanes: { freezeRows: (count: number) => void; unfreeze: () => void };
  /** PageLayout (ExcelApi 1.9): orientation, zoom, print title rows and the footers, each set queued. */
  readonly pageLayout: {
    orientation: string; zoom: Record<string, number>; setPrintTitleRows: (rows: string) => void;
    headersFooters: { defaultForAllPages: { leftFooter: string; rightFooter: string } };
  };

  constructor(ctx: FakeContext, readonly path: string, private readonly find: () => SheetState | undefined, readonly orNull = false) {
    super(ctx);
    this.protection = new FakeProtection(ctx);
    this.charts = new FakeChartCollection(ctx, this);
    this.autoFilter = new FakeAutoFilter(ctx, this);
    this.freezePanes = {
      freezeRows: (count) => this.mutate({ freezeRows: count }, (s) => { s.frozenRows = count; }),
      unfreeze: () => this.mutate({ unfreeze: true }, (s) => { s.frozenRows = 0; }),
    };
    const setPrint = (key: keyof SheetState["print"], value: unknown) => this.mutate({ pageLayout: key, value }, (s) => { (s.print as Record<string, unknown>)[key] = value; });
    const footers = {
      set leftFooter(value: string) { setPrint("leftFooter", value); },
      get leftFooter(): string { throw new Error("fake: read pageLayout footers through the sheet's state"); },
      set rightFooter(value: string) { setPrint("rightFooter", value); },
      get rightFooter(): string { throw new Error("fake: read pageLayout footers through the sheet's state"); },
    };
    this.pageLayout = {
      set orientation(value: string) {
        if (value !== "Landscape" && value !== "Portrait") throw new Error(`fake: orientation "${value}" is not an Excel.PageOrientation`);
        setPrint("orientation", value);
      },
      get orientation(): string { throw new Error("fake: read pageLayout through the sheet's state"); },
      set zoom(value: Record<string, number>) { setPrint("zoom", { ...value }); },
      get zoom(): Record<string, number> { throw new Error("fake: read pageLayout through the sheet's state"); },
      setPrintTitleRows: (rows: string) => {
        if (!/^\$\d+:\$\d+$/.test(rows)) throw new FakeOfficeError("InvalidArgument", `fake: print title rows "${rows}" are not $1:$n`);
        setPrint("titleRows", rows);
      },
      headersFooters: { defaultForAllPages: footers },
    };
    if (orNull) this.autoLoadNull(path, () => this.find() !== undefined);
  }

  protected override isNullNow(): boolean {
    return this.orNull && this.boundId === null && this.find() === undefined;
  }

  static bound(ctx: FakeContext, sheet: SheetState): FakeWorksheet {
    const ws = new FakeWorksheet(ctx, `ws#${sheet.id}`, () => ctx.excel.sheetById(sheet.id));
    ws.loaded.set("name", sheet.name);
    return ws;
  }

  /** The sheet, found by name the first time and by identity after (as Excel tracks it). */
  target(): SheetState {
    const sheet = this.boundId === null ? this.find() : this.ctx.excel.sheetById(this.boundId);
    if (!sheet) {
      if (this.orNull) throw new FakeOfficeError("FakeNullObjectCall", `fake: ${this.path} is a null object`);
      throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.", this.path);
    }
    this.boundId = sheet.id;
    return sheet;
  }

  /** A change to this sheet: refused on a protected sheet, as Excel refuses it. */
  mutate(describe: Record<string, unknown>, apply: (sheet: SheetState) => void): void {
    this.ctx.queue({ sheet: this.path, ...describe }, () => {
      const sheet = this.target();
      if (sheet.protected) throw new FakeOfficeError("AccessDenied", "You cannot perform the requested operation.", this.path);
      apply(sheet);
    });
  }

  get name(): string {
    return this.read("name");
  }

  load(properties: string): this {
    const list = split(properties);
    for (const p of list) if (p !== "name" && p !== "protection/protected") throw new Error(`fake: worksheet.load("${p}") is not modelled`);
    this.queueLoad(this.path, list.filter((p) => p === "name"), () => this.target().name);
    if (list.includes("protection/protected")) this.protection.queue(() => this.target().protected, this.path);
    return this;
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this, `${this.path}.range(${address ?? ""})`, () => (address ? parseAddress(address) : { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLUMNS }));
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, this, `${this.path}.idx(${row},${col},${rows},${cols})`, () => checkedRect({ row, col, rows, cols }));
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, this, `${this.path}.used(${valuesOnly})`, () => this.target().used(valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, this, `${this.path}.used?(${valuesOnly})`, () => this.target().used(valuesOnly), true);
  }

  findAllOrNullObject(text: string, criteria: { completeMatch?: boolean; matchCase?: boolean }): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, `${this.path}.findAll(${text})`, () => {
      const sheet = this.target();
      const wanted = criteria.matchCase ? text : text.toLowerCase();
      const hits: Rect[] = [];
      for (const [row, cells] of sheet.cells) for (const [col, cell] of cells) {
        if (typeof cell.value !== "string") continue;
        const value = criteria.matchCase ? cell.value : cell.value.toLowerCase();
        if (criteria.completeMatch ? value === wanted : value.includes(wanted)) hits.push({ row, col, rows: 1, cols: 1 });
      }
      return hits.length ? { sheet: sheet.name, areas: hits } : null;
    }, true);
  }

  activate(): void {
    this.ctx.queue({ sheet: this.path, activate: true }, () => { this.ctx.excel.activeSheetId = this.target().id; }, false);
  }

  delete(): void {
    this.ctx.queue({ sheet: this.path, delete: true }, () => {
      const sheet = this.target();
      const sheets = this.ctx.excel.sheets;
      sheets.splice(sheets.indexOf(sheet), 1);
      for (const [key, name] of this.ctx.excel.names) if (name.sheetId === sheet.id) this.ctx.excel.names.delete(key);
    });
  }
}

class FakeProtection extends FakeProxy {
  get protected(): boolean {
    return this.read("protected");
  }
  queue(snapshot: () => boolean, path: string): void {
    this.queueLoad(`${path}.protection`, ["protected"], snapshot);
  }
}

class FakeAutoFilter extends FakeProxy {
  constructor(ctx: FakeContext, private readonly ws: FakeWorksheet) {
    super(ctx);
  }
  get enabled(): boolean {
    return this.read("enabled");
  }
  load(properties: string): this {
    if (properties !== "enabled") throw new Error(`fake: autoFilter.load("${properties}") is not modelled`);
    this.queueLoad(`${this.ws.path}.autoFilter`, ["enabled"], () => this.ws.target().autoFilter !== null);
    return this;
  }
  apply(range: FakeRange): void {
    this.ws.mutate({ autoFilter: range.path }, (sheet) => { sheet.autoFilter = range.rect(); });
  }
  /** Strict: removing a filter that is not there is treated as a mistake (load `enabled` first). */
  remove(): void {
    this.ws.mutate({ autoFilter: "remove" }, (sheet) => {
      if (!sheet.autoFilter) throw new FakeOfficeError("InvalidOperation", "There is no filter to remove.");
      sheet.autoFilter = null;
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Ranges
// ---------------------------------------------------------------------------------------------------

export class FakeRange extends FakeProxy {
  private resolved: Rect | null | undefined;
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;

  constructor(ctx: FakeContext, readonly sheet: FakeWorksheet, readonly path: string, private readonly locate: () => Rect | null, readonly orNull = false) {
    super(ctx);
    this.format = new FakeRangeFormat(this);
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, this);
    if (orNull) this.autoLoadNull(path, () => this.rectOrNull() !== null);
  }

  /** Where the range is, worked out when first used at a sync and fixed after (as Excel does). */
  rectOrNull(): Rect | null {
    if (this.resolved === undefined) {
      this.sheet.target();
      this.resolved = this.locate();
    }
    return this.resolved;
  }

  protected override isNullNow(): boolean {
    return this.orNull && this.rectOrNull() === null;
  }

  rect(): Rect {
    const rect = this.rectOrNull();
    if (!rect) throw new FakeOfficeError("FakeNullObjectCall", `fake: ${this.path} is a null object`);
    return rect;
  }

  get values(): unknown[][] { return this.read("values"); }
  set values(values: unknown[][]) { this.setCells("values", values, (cell, value) => writeValue(cell, value)); }
  get numberFormat(): unknown[][] { return this.read("numberFormat"); }
  set numberFormat(formats: unknown[][]) {
    this.setCells("numberFormat", formats, (cell, format) => { cell.format = format === "" ? undefined : String(format); });
  }
  get rowIndex(): number { return this.read("rowIndex"); }
  get columnIndex(): number { return this.read("columnIndex"); }
  get rowCount(): number { return this.read("rowCount"); }
  get columnCount(): number { return this.read("columnCount"); }
  get address(): string { return this.read("address"); }

  load(properties: string): this {
    this.queueLoad(this.path, split(properties), (p) => this.snapshot(p));
    return this;
  }

  private snapshot(property: string): unknown {
    const rect = this.rect();
    const sheet = this.sheet.target();
    const each = (f: (cell: Cell | undefined) => unknown) =>
      Array.from({ length: rect.rows }, (_, r) => Array.from({ length: rect.cols }, (_, c) => f(sheet.cell(rect.row + r, rect.col + c))));
    switch (property) {
      case "rowIndex": return rect.row;
      case "columnIndex": return rect.col;
      case "rowCount": return rect.rows;
      case "columnCount": return rect.cols;
      case "address": return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
      case "values": return each((cell) => cell?.value ?? "");
      case "numberFormat": return each((cell) => cell?.format ?? "General");
      default: throw new Error(`fake: range.load("${property}") is not modelled`);
    }
  }

  /** A 2-D array must match the range; a single value (not an array) goes to every cell. */
  private setCells(property: string, input: unknown, write: (cell: Cell, value: unknown) => void): void {
    this.sheet.mutate({ range: this.path, set: property, value: input }, (sheet) => {
      const rect = this.rect();
      const scalar = !Array.isArray(input);
      const grid = input as unknown[][];
      if (!scalar && (grid.length !== rect.rows || grid.some((row) => row.length !== rect.cols))) {
        throw new FakeOfficeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property}).`);
      }
      for (let r = 0; r < rect.rows; r++) for (let c = 0; c < rect.cols; c++) {
        const value = scalar ? input : grid[r][c];
        if (value === null) continue; // null leaves the cell as it is
        write(sheet.ensure(rect.row + r, rect.col + c), value);
      }
    });
  }

  clear(applyTo: string = "All"): void {
    this.sheet.mutate({ range: this.path, clear: applyTo }, (sheet) => {
      const rect = this.rect();
      const doomed: [number, number][] = [];
      sheet.forEachIn(rect, (cell, row, col) => {
        if (applyTo === "All" || applyTo === "Contents") { delete cell.value; delete cell.formula; }
        if (applyTo === "All" || applyTo === "Formats") { delete cell.format; delete cell.style; }
        if (Object.keys(cell).length === 0) doomed.push([row, col]);
      });
      for (const [row, col] of doomed) sheet.cells.get(row)?.delete(col);
    });
  }

  unmerge(): void {
    this.sheet.mutate({ range: this.path, unmerge: true }, (sheet) => {
      const rect = this.rect();
      sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
    });
  }

  select(): void {
    this.ctx.queue({ range: this.path, select: true }, () => {
      this.ctx.excel.selection = { sheetId: this.sheet.target().id, rect: this.rect() };
    }, false);
  }

  getEntireColumn(): FakeRange {
    return new FakeRange(this.ctx, this.sheet, `${this.path}.entireColumn`, () => ({ ...this.rect(), row: 0, rows: MAX_ROWS }));
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, this.sheet, `${this.path}.used?(${valuesOnly})`, () => this.sheet.target().used(valuesOnly, this.rect()), true);
  }
}

class FakeRangeFormat {
  readonly font: { bold: boolean; italic: boolean; size: number; color: string };
  readonly fill: { color: string };
  readonly borders: { getItem: (edge: string) => { style: string; color: string } };
  constructor(private readonly range: FakeRange) {
    const style = (key: keyof CellStyle) => ({
      set: (value: unknown) => this.setStyle(key, value),
      get: () => { throw notLoaded(key); },
    });
    this.font = Object.defineProperties({} as FakeRangeFormat["font"], { bold: style("bold"), italic: style("italic"), size: style("size"), color: style("fontColor") });
    this.fill = Object.defineProperties({} as FakeRangeFormat["fill"], { color: style("fill") });
    this.borders = {
      getItem: (edge: string) => {
        const key: keyof CellStyle = edge === "EdgeTop" ? "borderTop" : "borderBottom";
        let lineStyle = "";
        return Object.defineProperties({} as { style: string; color: string }, {
          style: { set: (value: string) => { lineStyle = value; }, get: () => lineStyle },
          color: { set: (value: string) => { this.setStyle(key, `${lineStyle}:${value}`); } },
        });
      },
    };
  }
  set wrapText(value: boolean) { this.setStyle("wrap", value); }
  set verticalAlignment(value: string) { this.setStyle("verticalAlignment", value); }
  set columnWidth(points: number) {
    this.range.sheet.mutate({ range: this.range.path, columnWidth: points }, (sheet) => {
      const rect = this.range.rect();
      for (let c = rect.col; c < rect.col + rect.cols; c++) sheet.widths.set(c, points);
    });
  }
  set useStandardWidth(value: boolean) {
    this.range.sheet.mutate({ range: this.range.path, useStandardWidth: value }, (sheet) => {
      const rect = this.range.rect();
      if (value) for (let c = rect.col; c < rect.col + rect.cols; c++) sheet.widths.delete(c);
    });
  }
  private setStyle(key: keyof CellStyle, value: unknown): void {
    this.range.sheet.mutate({ range: this.range.path, style: key, value }, (sheet) => {
      const rect = this.range.rect();
      for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.col; c < rect.col + rect.cols; c++) {
        const cell = sheet.ensure(r, c);
        cell.style = { ...cell.style, [key]: value };
      }
    });
  }
}

class FakeRangeAreas extends FakeProxy {
  private resolved: { sheet: string; areas: Rect[] } | null | undefined;
  constructor(ctx: FakeContext, readonly path: string, private readonly locate: () => { sheet: string; areas: Rect[] } | null, orNull = false) {
    super(ctx);
    if (orNull) this.autoLoadNull(path, () => this.areasOrNull() !== null);
  }
  protected override isNullNow(): boolean {
    return this.areasOrNull() === null;
  }

  private areasOrNull() {
    if (this.resolved === undefined) this.resolved = this.locate();
    return this.resolved;
  }
  get address(): string { return this.read("address"); }
  load(properties: string): this {
    if (properties !== "address") throw new Error(`fake: rangeAreas.load("${properties}") is not modelled`);
    this.queueLoad(this.path, ["address"], () => {
      const found = this.areasOrNull();
      return found!.areas.map((a) => `${quoteSheet(found!.sheet)}!${rectAddress(a)}`).join(",");
    });
    return this;
  }
}

// ---------------------------------------------------------------------------------------------------
// Conditional formats and charts
// ---------------------------------------------------------------------------------------------------

class FakeConditionalFormatCollection extends FakeProxy {
  constructor(ctx: FakeContext, private readonly range: FakeRange) {
    super(ctx);
  }
  get items(): FakeConditionalFormat_[] { return this.read("items"); }
  load(properties: string): this {
    if (properties !== "items/type") throw new Error(`fake: conditionalFormats.load("${properties}") is not modelled`);
    this.ctx.queue({ load: `${this.range.path}.conditionalFormats` }, (record) => {
      const sheet = this.range.sheet.target();
      const rect = this.range.rect();
      const found = sheet.conditionalFormats.filter((cf) => cf.areas.some((a) => intersects(a, rect)));
      record.responseBytes += Buffer.byteLength(JSON.stringify(found.map((cf) => cf.type)));
      const items = found.map((cf) => new FakeConditionalFormat_(this.ctx, this.range.sheet, cf.id));
      this.ctx.onCommit(() => this.loaded.set("items", items));
    }, false);
    return this;
  }
  add(type: string): FakeConditionalFormat_ {
    let id = 0;
    const format = new FakeConditionalFormat_(this.ctx, this.range.sheet, () => id);
    this.range.sheet.mutate({ range: this.range.path, conditionalFormat: type }, (sheet) => {
      id = this.ctx.excel.newId();
      sheet.conditionalFormats.push({ id, type, areas: [this.range.rect()], props: {} });
    });
    return format;
  }
  /** Clears the formats from the range's cells: a format covering other cells keeps those. */
  clearAll(): void {
    this.range.sheet.mutate({ range: this.range.path, conditionalFormats: "clearAll" }, (sheet) => {
      const rect = this.range.rect();
      sheet.conditionalFormats = sheet.conditionalFormats
        .map((cf) => ({ ...cf, areas: cf.areas.flatMap((a) => subtract(a, rect)) }))
        .filter((cf) => cf.areas.length > 0);
    });
  }
}

class FakeConditionalFormat_ extends FakeProxy {
  readonly cellValue: { format: { fill: { color: string }; font: { color: string } }; rule: unknown };
  readonly dataBar: { barDirection: string; positiveFormat: { fillColor: string; gradientFill: boolean }; lowerBoundRule: unknown; upperBoundRule: unknown };
  private readonly id: () => number;

  constructor(ctx: FakeContext, private readonly ws: FakeWorksheet, id: number | (() => number)) {
    super(ctx);
    this.id = typeof id === "number" ? () => id : id;
    const prop = (key: string) => ({ set: (value: unknown) => this.setProp(key, value), get: () => { throw notLoaded(key); } });
    const props = <T>(keys: Record<string, string>) => Object.defineProperties({} as T, Object.fromEntries(Object.entries(keys).map(([k, path]) => [k, prop(path)])));
    this.cellValue = Object.defineProperties({
      format: { fill: props<{ color: string }>({ color: "cellValue.fill" }), font: props<{ color: string }>({ color: "cellValue.font" }) },
    } as FakeConditionalFormat_["cellValue"], { rule: prop("cellValue.rule") });
    this.dataBar = Object.defineProperties({
      positiveFormat: props<{ fillColor: string; gradientFill: boolean }>({ fillColor: "dataBar.fillColor", gradientFill: "dataBar.gradientFill" }),
    } as FakeConditionalFormat_["dataBar"], { barDirection: prop("dataBar.barDirection"), lowerBoundRule: prop("dataBar.lowerBoundRule"), upperBoundRule: prop("dataBar.upperBoundRule") });
  }

  private target(sheet: SheetState): FakeConditionalFormat {
    const cf = sheet.conditionalFormats.find((c) => c.id === this.id());
    if (!cf) throw new FakeOfficeError("ItemNotFound", "The conditional format no longer exists.");
    return cf;
  }

  private setProp(key: string, value: unknown): void {
    this.ws.mutate({ conditionalFormat: this.id(), set: key, value }, (sheet) => { this.target(sheet).props[key] = value; });
  }

  getRanges(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, `cf#${this.id()}.ranges`, () => {
      const sheet = this.ws.target();
      return { sheet: sheet.name, areas: this.target(sheet).areas };
    });
  }

  delete(): void {
    this.ws.mutate({ conditionalFormat: this.id(), delete: true }, (sheet) => {
      const cf = this.target(sheet);
      sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => c !== cf);
    });
  }
}

class FakeChartCollection extends FakeProxy {
  constructor(ctx: FakeContext, private readonly ws: FakeWorksheet) {
    super(ctx);
  }
  get items(): FakeChartProxy[] { return this.read("items"); }
  load(properties: string): this {
    if (properties !== "items/name") throw new Error(`fake: charts.load("${properties}") is not modelled`);
    this.ctx.queue({ load: `${this.ws.path}.charts` }, (record) => {
      const charts = this.ws.target().charts;
      record.responseBytes += Buffer.byteLength(JSON.stringify(charts.map((c) => c.props.name ?? "")));
      const items = charts.map((c) => new FakeChartProxy(this.ctx, this.ws, () => c.id, String(c.props.name ?? "")));
      this.ctx.onCommit(() => this.loaded.set("items", items));
    }, false);
    return this;
  }
  add(type: string, source: FakeRange, seriesBy: string): FakeChartProxy {
    let id = 0;
    this.ws.mutate({ charts: "add", type, source: source.path, seriesBy }, (sheet) => {
      id = this.ctx.excel.newId();
      sheet.charts.push({ id, type, source: source.rect(), seriesBy, props: {} });
    });
    return new FakeChartProxy(this.ctx, this.ws, () => id);
  }
}

interface FakeChartSeries {
  name: string;
  markerStyle: string;
  format: { fill: { setSolidColor: (colour: string) => void }; line: { color: string } };
  setValues: (range: FakeRange) => void;
  setXAxisValues: (range: FakeRange) => void;
}

class FakeChartProxy {
  readonly title: { text: string };
  readonly legend: { visible: boolean; position: string };
  readonly axes: { valueAxis: { title: { text: string }; numberFormat: string } };
  readonly series: { getItemAt: (index: number) => FakeChartSeries; add: (name?: string) => FakeChartSeries };
  /** charts.add over one column, series by columns, makes one series; series.add adds the next. */
  private seriesCount = 1;
  constructor(private readonly ctx: FakeContext, private readonly ws: FakeWorksheet, private readonly id: () => number, private readonly loadedName?: string) {
    const prop = (key: string) => ({ set: (value: unknown) => this.setProp(key, value) });
    this.title = Object.defineProperties({} as { text: string }, { text: prop("title") });
    this.legend = Object.defineProperties({} as { visible: boolean; position: string }, { visible: prop("legendVisible"), position: prop("legendPosition") });
    this.axes = { valueAxis: Object.defineProperties({ title: Object.defineProperties({} as { text: string }, { text: prop("valueAxis.title") }) } as { title: { text: string }; numberFormat: string }, { numberFormat: prop("valueAxis.numberFormat") }) };
    const seriesAt = (index: number): FakeChartSeries => Object.defineProperties({
      format: {
        fill: { setSolidColor: (colour: string) => this.setProp(`series${index}.fill`, colour) },
        line: Object.defineProperties({} as { color: string }, { color: prop(`series${index}.line`) }),
      },
      setValues: (range: FakeRange) => this.ws.mutate({ chart: this.id(), series: index, values: range.path }, (sheet) => {
        this.target(sheet).props[`series${index}.values`] = range.rect();
      }),
      setXAxisValues: (range: FakeRange) => this.ws.mutate({ chart: this.id(), series: index, xAxis: range.path }, (sheet) => {
        this.target(sheet).props[`series${index}.categories`] = range.rect();
      }),
    } as FakeChartSeries, { name: prop(`series${index}.name`), markerStyle: prop(`series${index}.markerStyle`) });
    this.series = {
      getItemAt: (index: number) => {
        if (index >= this.seriesCount) throw new Error(`fake: the chart has no series ${index}`);
        return seriesAt(index);
      },
      add: (name?: string) => {
        const series = seriesAt(this.seriesCount++);
        if (name !== undefined) series.name = name;
        return series;
      },
    };
  }
  get name(): string {
    if (this.loadedName === undefined) throw notLoaded("name");
    return this.loadedName;
  }
  set name(value: string) { this.setProp("name", value); }
  setPosition(start: string, end: string): void { this.setProp("position", `${start}:${end}`); }
  delete(): void {
    this.ws.mutate({ chart: this.id(), delete: true }, (sheet) => {
      const chart = this.target(sheet);
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
  private target(sheet: SheetState): FakeChart {
    const chart = sheet.charts.find((c) => c.id === this.id());
    if (!chart) throw new FakeOfficeError("ItemNotFound", "The chart no longer exists.");
    return chart;
  }
  private setProp(key: string, value: unknown): void {
    this.ws.mutate({ chart: this.id(), set: key, value }, (sheet) => { this.target(sheet).props[key] = value; });
  }
}

// ---------------------------------------------------------------------------------------------------
// Cells and addresses
// ---------------------------------------------------------------------------------------------------

/** As Excel: text formatted "@" stays text; otherwise "=..." is a formula and "12" a number. */
function writeValue(cell: Cell, value: unknown): void {
  delete cell.formula;
  if (value === "") {
    delete cell.value;
    return;
  }
  if (typeof value === "string" && cell.format !== "@") {
    if (/^[=+\-@]./.test(value)) {
      delete cell.value;
      cell.formula = value.startsWith("=") ? value : `=${value}`;
      return;
    }
    if (/^-?\d+(\.\d+)?$/.test(value)) {
      cell.value = Number(value);
      return;
    }
  }
  cell.value = value as string | number | boolean;
}

export function columnIndex(letters: string): number {
  return letters.toUpperCase().split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function parseCell(address: string): { row: number; col: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address.trim());
  if (!match) throw new Error(`fake: bad cell address ${address}`);
  return { row: Number(match[2]) - 1, col: columnIndex(match[1]) };
}

/** "B5:C9", "B5", or whole rows "5:5". */
function parseAddress(address: string): Rect {
  const rows = /^(\d+):(\d+)$/.exec(address);
  if (rows) return { row: Number(rows[1]) - 1, col: 0, rows: Number(rows[2]) - Number(rows[1]) + 1, cols: MAX_COLUMNS };
  const [a, b = a] = address.split(":");
  const start = parseCell(a);
  const end = parseCell(b);
  return checkedRect({ row: start.row, col: start.col, rows: end.row - start.row + 1, cols: end.col - start.col + 1 });
}

function checkedRect(rect: Rect): Rect {
  if (rect.row < 0 || rect.col < 0 || rect.rows < 1 || rect.cols < 1 || rect.row + rect.rows > MAX_ROWS || rect.col + rect.cols > MAX_COLUMNS) {
    throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format (${JSON.stringify(rect)}).`);
  }
  return rect;
}

function rectAddress(rect: Rect): string {
  const start = `${columnLetters(rect.col)}${rect.row + 1}`;
  const end = `${columnLetters(rect.col + rect.cols - 1)}${rect.row + rect.rows}`;
  return start === end ? start : `${start}:${end}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/** The parts of `a` outside `b`, as up to four rectangles. */
function subtract(a: Rect, b: Rect): Rect[] {
  if (!intersects(a, b)) return [a];
  const parts: Rect[] = [];
  const aBottom = a.row + a.rows;
  const bBottom = b.row + b.rows;
  if (b.row > a.row) parts.push({ ...a, rows: b.row - a.row });
  if (bBottom < aBottom) parts.push({ ...a, row: bBottom, rows: aBottom - bBottom });
  const top = Math.max(a.row, b.row);
  const rows = Math.min(aBottom, bBottom) - top;
  if (b.col > a.col) parts.push({ row: top, rows, col: a.col, cols: b.col - a.col });
  if (b.col + b.cols < a.col + a.cols) parts.push({ row: top, rows, col: b.col + b.cols, cols: a.col + a.cols - b.col - b.cols });
  return parts;
}
