/**
 * The file door's adapter: an .xlsx workbook worked on as the package of XML parts it is. Sheets are
 * read straight from their parts into grids; writing changes only the parts the tool's output
 * touches (the roster sheet, the styles, the workbook's sheet list and names, the tool's own
 * sheets), and on saving every other part is copied byte for byte. So charts, pivot tables, macros
 * and anything else in the workbook come through, and a 100,000-row roster is read, checked and
 * written in a few hundred megabytes rather than the gigabytes an object model of every cell takes.
 * No node:fs here: the same code runs in a browser tab.
 */
import type { Grid } from "../../common/grid";
import { columnLetter } from "../../common/grid";
import { isOwnedSheetName, OWNED_RANGE_NAME, OWNED_SHEET_NAMES } from "../../common/owned";
import { rangeAddress } from "../../report/cells";
import type { RosterColumnsOutput, WorkbookOutput } from "../../report/types";
import { assertLooksLikeXlsx, WorkbookFileError, WorkbookWriteError } from "../file-errors";
import { COUNTABLE_BYTES, countRows, MAX_SHEET_BYTES, MAX_SHEET_ROWS, RowCounter, rowLimitMessage, sizeLimitMessage, type SheetLimits } from "../file-limits";
import type { OwnedBlock } from "../owned-block";
import { findOwnedBlocksInGrid, valueAt } from "../owned-grid";
import type { WorkbookPort } from "../types";
import { cellXml } from "./cells-write";
import { keptViewAttributes, ownedSheetXml } from "./owned-sheet";
import { decodeUtf, PackageEdit, PackageError, relsPathOf, type PartText, RELATIONSHIP_TYPES, sameRelationshipType, STYLES_CONTENT_TYPE, WORKSHEET_CONTENT_TYPE, XlsxPackage, type Relationship } from "./package";
import { mergedRanges, mergedFromOutside, patchSheet, type MergedRange, type NewCells, type SheetPatch } from "./patch-sheet";
import { readSheetXml, workbookDate1904 } from "./read-sheet";
import { parseSharedStrings } from "./shared-strings";
import { dateStyles } from "./styles-read";
import { MINIMAL_STYLES, StyleBook } from "./styles-write";
import * as workbookPart from "./workbook-part";

interface Sheet {
  name: string;
  /** The worksheet part ("xl/worksheets/sheet1.xml"). */
  path: string;
  relationshipId: string;
}

export class XlsxWorkbook implements WorkbookPort {
  private readonly grids = new Map<string, Grid>();
  private sharedStrings: string[] | null = null;
  private dateStyleFlags: boolean[] | null = null;
  private dates1904: boolean | null = null;

  private constructor(
    private readonly pkg: XlsxPackage,
    private readonly workbookPath: string,
    private readonly limits: SheetLimits,
  ) {}

  static async fromBuffer(data: ArrayBuffer | Uint8Array, limits: SheetLimits = { rows: MAX_SHEET_ROWS, bytes: MAX_SHEET_BYTES }): Promise<XlsxWorkbook> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    assertLooksLikeXlsx(bytes);
    let pkg: XlsxPackage;
    let workbookPath: string;
    try {
      pkg = await XlsxPackage.open(bytes);
      workbookPath = await pkg.workbookPath();
    } catch (error) {
      // Only the file's own faults are the user's to fix; anything else is the tool's bug.
      if (!(error instanceof PackageError)) throw error;
      throw new WorkbookFileError(`This file is not an .xlsx workbook, or it is damaged: ${error.message}. Open it in Excel and save it again as an Excel Workbook (.xlsx).`);
    }
    // A zip of other things (a Word document, an archive) has no workbook part.
    if (!pkg.has(workbookPath)) throw new WorkbookFileError("This file is not an .xlsx workbook: it holds no worksheets.");
    const workbook = new XlsxWorkbook(pkg, workbookPath, limits);
    if ((await plainWhenDamaged(() => workbook.sheets())).length === 0) throw new WorkbookFileError("This file is not an .xlsx workbook: it holds no worksheets.");
    return workbook;
  }

  async toBuffer(): Promise<Uint8Array> {
    return this.pkg.toBytes();
  }

  async sheetNames(): Promise<string[]> {
    return plainWhenDamaged(async () => (await this.sheets()).map((sheet) => sheet.name));
  }

  async readSheet(name: string): Promise<Grid> {
    return plainWhenDamaged(async () => {
      const sheet = await this.findSheet(name);
      if (!sheet) throw new Error(`There is no sheet named "${name}" in this workbook.`);
      return this.gridOf(sheet);
    });
  }

  async write(output: WorkbookOutput): Promise<void> {
    return plainWhenDamaged(() => this.writeOutput(output));
  }

  async removeOutput(): Promise<{ removedSheets: string[]; clearedColumns: number }> {
    return plainWhenDamaged(() => this.removeWrittenOutput());
  }

  private async writeOutput(output: WorkbookOutput): Promise<void> {
    // Every check and every changed part is worked out in `edit` before the first change to the
    // package, so a refused write (or any failure) leaves the workbook as it was.
    for (const sheet of output.sheets) assertOwnedSheetName(sheet.name);
    const sheets = await this.sheets();
    const edit = new PackageEdit(this.pkg);
    const changes = new Map<string, PartText>();
    let removedFormula = false;
    const styles = new StyleBook((await this.stylesText()) ?? MINIMAL_STYLES);
    const date1904 = await this.usesDate1904();

    const roster = output.rosterColumns ? await this.rosterTarget(output.rosterColumns) : null;
    if (roster) {
      // An earlier run's columns go wherever they are (even beside another sheet, if the roster
      // moved), so a second run replaces the first rather than adding to it.
      for (const sheet of sheets) {
        if (isOwnedSheetName(sheet.name) || sheet === roster.sheet) continue;
        const found = await this.earlierBlocks(sheet);
        if (!found) continue;
        const patched = patchSheet(found.xml, { clear: found.blocks, cells: new Map(), widths: new Map(), conditionalFormats: [] });
        changes.set(sheet.path, patched.xml);
        removedFormula ||= patched.removedFormula;
      }
      // The grids are no longer needed, and a long roster's grid is tens of megabytes.
      this.grids.clear();
      const patched = patchSheet(roster.xml, rosterPatch(roster, styles, date1904), roster.merges);
      changes.set(roster.sheet.path, patched.xml);
      removedFormula ||= patched.removedFormula;
    }

    let workbookXml = await this.workbookXml();
    const added: string[] = [];
    for (const owned of output.sheets) {
      const existing = await this.findSheet(owned.name);
      const previous = existing ? await this.sheetPartText(existing) : null;
      const xml = ownedSheetXml(owned, styles, { date1904, keptView: keptViewAttributes(previous) });
      if (existing) {
        changes.set(existing.path, xml);
        continue;
      }
      const path = this.freeSheetPath(added);
      const id = await edit.addRelationship(this.workbookPath, RELATIONSHIP_TYPES.worksheet, path);
      added.push(path);
      changes.set(path, xml);
      workbookXml = workbookPart.addSheet(workbookXml, owned.name, id);
    }
    if (roster) workbookXml = workbookPart.setDefinedName(workbookXml, OWNED_RANGE_NAME, roster.nameFormula);

    for (const path of added) await edit.setContentType(path, WORKSHEET_CONTENT_TYPE);
    for (const [path, xml] of changes) edit.set(path, xml);
    edit.set(this.workbookPath, workbookXml);
    await this.saveStyles(styles, edit);
    if (removedFormula) await this.dropCalcChain(edit);

    // Every step has succeeded: from here on nothing can fail. Make the changes.
    edit.apply();
    this.forgetSheets();
  }

  private async removeWrittenOutput(): Promise<{ removedSheets: string[]; clearedColumns: number }> {
    // As for a write, every change is worked out before the first is made.
    const sheets = await this.sheets();
    const edit = new PackageEdit(this.pkg);
    let clearedColumns = 0;
    // The calculation chain goes when a cleared cell held a formula or a sheet is removed.
    let staleCalcChain = false;
    for (const sheet of sheets) {
      if (isOwnedSheetName(sheet.name)) continue;
      const found = await this.earlierBlocks(sheet);
      if (!found) continue;
      const widths = new Map<number, number | null>();
      for (const block of found.blocks) {
        for (let c = block.firstColumn; c <= block.lastColumn; c++) widths.set(c, null);
        clearedColumns += block.lastColumn - block.firstColumn + 1;
      }
      const patched = patchSheet(found.xml, { clear: found.blocks, cells: new Map(), widths, conditionalFormats: [] });
      edit.set(sheet.path, patched.xml);
      staleCalcChain ||= patched.removedFormula;
    }

    let workbookXml = await this.workbookXml();
    const removedSheets: string[] = [];
    for (const name of OWNED_SHEET_NAMES) {
      const entries = workbookPart.listSheets(workbookXml);
      const index = entries.findIndex((entry) => entry.name.toLowerCase() === name.toLowerCase());
      if (index === -1) continue;
      const sheet = sheets.find((s) => s.relationshipId === entries[index].relationshipId);
      workbookXml = workbookPart.removeSheet(workbookXml, index);
      if (sheet) {
        await edit.removeRelationship(this.workbookPath, sheet.relationshipId);
        await edit.removeContentType(sheet.path);
        edit.remove(sheet.path);
        edit.remove(relsPathOf(sheet.path));
      }
      removedSheets.push(entries[index].name);
      staleCalcChain = true;
    }
    workbookXml = workbookPart.setDefinedName(workbookXml, OWNED_RANGE_NAME, null);
    edit.set(this.workbookPath, workbookXml);
    if (staleCalcChain) await this.dropCalcChain(edit);

    // Every step has succeeded: make the changes.
    edit.apply();
    this.forgetSheets();
    return { removedSheets, clearedColumns };
  }

  // ---- reading ---------------------------------------------------------------------------------

  private sheetList: Sheet[] | null = null;

  private async workbookXml(): Promise<string> {
    return (await this.pkg.text(this.workbookPath))!;
  }

  /** The worksheets in tab order (chart sheets, which hold no cells, are left out). */
  private async sheets(): Promise<Sheet[]> {
    if (this.sheetList) return this.sheetList;
    const rels = await this.pkg.relationships(this.workbookPath);
    const byId = new Map(rels.map((r) => [r.id, r]));
    this.sheetList = workbookPart.listSheets(await this.workbookXml()).flatMap((entry) => {
      const rel = byId.get(entry.relationshipId);
      if (!rel || rel.external || !sameRelationshipType(rel.type, RELATIONSHIP_TYPES.worksheet)) return [];
      return [{ name: entry.name, path: rel.path, relationshipId: entry.relationshipId }];
    });
    return this.sheetList;
  }

  /** After a write: the sheets, their grids and which styles are dates may all have changed. */
  private forgetSheets(): void {
    this.sheetList = null;
    this.grids.clear();
    this.dateStyleFlags = null;
  }

  /** Excel sheet names are unique regardless of case, so look them up that way too. */
  private async findSheet(name: string): Promise<Sheet | undefined> {
    const sheets = await this.sheets();
    return sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  private async gridOf(sheet: Sheet): Promise<Grid> {
    const cached = this.grids.get(sheet.path);
    if (cached) return cached;
    const grid = await this.parseGrid(sheet, await this.sheetText(sheet));
    this.grids.set(sheet.path, grid);
    return grid;
  }

  /** A sheet's grid from its XML (not kept: see gridOf for one that is). */
  private async parseGrid(sheet: Sheet, xml: string): Promise<Grid> {
    return readSheetXml(xml, {
      sheetName: sheet.name,
      sharedStrings: await this.strings(),
      dateStyles: await this.dateStyles(),
      date1904: await this.usesDate1904(),
    });
  }

  /**
   * An earlier run's columns on a sheet, with the sheet's XML to clear them from; null if it has
   * none. The XML is read once, and a grid parsed here is not kept, so a workbook's sheets are not
   * all held at once.
   */
  private async earlierBlocks(sheet: Sheet): Promise<{ blocks: OwnedBlock[]; xml: string } | null> {
    const cached = this.grids.get(sheet.path);
    const xml = cached ? null : await this.sheetText(sheet);
    const blocks = findOwnedBlocksInGrid(cached ?? await this.parseGrid(sheet, xml!));
    if (blocks.length === 0) return null;
    return { blocks, xml: xml ?? await this.sheetText(sheet, { limitsChecked: true }) };
  }

  /**
   * A sheet's XML, refused before it is parsed when it has more rows, or more bytes, than the checker
   * reads: a sheet of a million rows would otherwise take minutes and gigabytes. (limitsChecked: the
   * sheet has been read, and so checked, already.)
   */
  private async sheetText(sheet: Sheet, options: { limitsChecked?: boolean } = {}): Promise<string> {
    if (options.limitsChecked) {
      const xml = await this.sheetPartText(sheet);
      if (xml === null) throw missingSheetPart(sheet);
      return xml;
    }
    const size = this.pkg.uncompressedSize(sheet.path);
    // Rows are counted where the part can be decompressed safely, since a count says more than a size.
    if (size !== null && size > COUNTABLE_BYTES) throw new WorkbookFileError(sizeLimitMessage(sheet.name, size, this.limits.bytes));
    // A part over the size limit is refused whatever it holds: its rows are counted as it is
    // decompressed, piece by piece, never held whole (hundreds of megabytes joined into one buffer,
    // twice over while joining, would exhaust memory, and that cannot be caught).
    if (size !== null && size > this.limits.bytes) await this.checkLargeSheet(sheet);
    const bytes = await this.whenSheetDamaged(sheet, () => this.pkg.bytes(sheet.path));
    if (bytes === null) throw missingSheetPart(sheet);
    // A row takes at least 6 bytes ("<row/>"), so a part smaller than that many rows needs no count.
    if (bytes.length > 6 * this.limits.rows) {
      const rows = countRows(bytes);
      if (rows > this.limits.rows) throw new WorkbookFileError(rowLimitMessage(sheet.name, rows, this.limits.rows));
    }
    if (bytes.length > this.limits.bytes) throw new WorkbookFileError(sizeLimitMessage(sheet.name, bytes.length, this.limits.bytes));
    return decodeUtf(bytes);
  }

  /**
   * Throws the refusal for a sheet whose part is larger than the size limit (the row count's if it is
   * over that too), having looked through it piece by piece.
   */
  private async checkLargeSheet(sheet: Sheet): Promise<void> {
    const counter = new RowCounter();
    let length = 0;
    const found = await this.whenSheetDamaged(sheet, () => this.pkg.eachPiece(sheet.path, (piece) => {
      length += piece.length;
      counter.add(piece);
    }));
    if (!found) throw missingSheetPart(sheet);
    if (length > 6 * this.limits.rows) {
      const rows = counter.finish();
      if (rows > this.limits.rows) throw new WorkbookFileError(rowLimitMessage(sheet.name, rows, this.limits.rows));
    }
    if (length > this.limits.bytes) throw new WorkbookFileError(sizeLimitMessage(sheet.name, length, this.limits.bytes));
    // Smaller than the zip said: a part changed since it was opened. It is read as any other.
  }

  /** A sheet's XML as it is (null if its part is missing), without the limits: for the tool's own sheets, and sheets already read. */
  private async sheetPartText(sheet: Sheet): Promise<string | null> {
    return this.whenSheetDamaged(sheet, () => this.pkg.text(sheet.path));
  }

  /** A damaged sheet part is named to the user by its sheet's name, as Excel shows it on the tab. */
  private async whenSheetDamaged<T>(sheet: Sheet, read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof PackageError)) throw error;
      throw new WorkbookFileError(`The sheet "${sheet.name}" in this workbook is damaged: open the workbook in Excel and save it again, then try again (damaged part: ${sheet.path}).`);
    }
  }

  /** Whether the workbook counts dates from 1904; the tool never changes it, so it is read once. */
  private async usesDate1904(): Promise<boolean> {
    this.dates1904 ??= workbookDate1904(await this.workbookXml());
    return this.dates1904;
  }

  private async strings(): Promise<string[]> {
    if (this.sharedStrings) return this.sharedStrings;
    const rel = await this.workbookRelationship(RELATIONSHIP_TYPES.sharedStrings);
    const xml = rel ? await this.pkg.text(rel.path) : null;
    this.sharedStrings = xml ? parseSharedStrings(xml) : [];
    return this.sharedStrings;
  }

  private async dateStyles(): Promise<boolean[]> {
    this.dateStyleFlags ??= dateStyles(await this.stylesText());
    return this.dateStyleFlags;
  }

  private async stylesText(): Promise<string | null> {
    const rel = await this.workbookRelationship(RELATIONSHIP_TYPES.styles);
    return rel ? this.pkg.text(rel.path) : null;
  }

  /** The workbook's relationship of a type, in the package or (while writing) as `edit` has it so far. */
  private async workbookRelationship(type: string, edit: XlsxPackage | PackageEdit = this.pkg): Promise<Relationship | undefined> {
    return (await edit.relationships(this.workbookPath)).find((r) => !r.external && sameRelationshipType(r.type, type));
  }

  // ---- writing ---------------------------------------------------------------------------------

  /** The roster sheet and the block the columns go in, once it is known to be free or already ours. */
  private async rosterTarget(output: RosterColumnsOutput): Promise<RosterTarget> {
    const sheet = await this.findSheet(output.sheetName);
    if (!sheet) throw new WorkbookWriteError(`There is no sheet named "${output.sheetName}" to write the ARRS columns beside.`);
    if (isOwnedSheetName(sheet.name)) throw new WorkbookWriteError(`"${sheet.name}" is one of the tool's own sheets, not a roster.`);
    const target: OwnedBlock = {
      headerRow: output.headerRowNumber,
      firstColumn: output.firstColumn,
      lastColumn: output.firstColumn + output.headers.length - 1,
    };
    // The roster's XML is read once; its grid is the one the check read, or parsed from that XML.
    const cached = this.grids.get(sheet.path);
    const xml = await this.sheetText(sheet, { limitsChecked: cached !== undefined });
    const grid = cached ?? await this.parseGrid(sheet, xml);
    const earlier = findOwnedBlocksInGrid(grid);
    assertColumnsFree(grid, target, earlier);
    const merges = mergedRanges(xml);
    assertNotMerged(sheet.name, merges, target, [output.headerRowNumber, ...output.rows.map((row) => row.rowNumber)]);
    const lastRow = output.rows.reduce((last, row) => Math.max(last, row.rowNumber), output.clearThroughRow);
    const nameFormula = `${workbookPart.quotedSheetName(sheet.name)}!${absolute(rangeAddress({ top: target.headerRow, left: target.firstColumn, bottom: Math.max(lastRow, target.headerRow), right: target.lastColumn }))}`;
    return { sheet, xml, merges, target, output, earlier, lastRow, nameFormula };
  }

  private freeSheetPath(taken: string[]): string {
    return this.pkg.freePath("xl/worksheets/sheet", ".xml", taken);
  }

  /** The styles, if changed, into `edit`, with a styles part of their own if the workbook had none. */
  private async saveStyles(styles: StyleBook, edit: PackageEdit): Promise<void> {
    const xml = styles.result();
    if (xml === null) return;
    const rel = await this.workbookRelationship(RELATIONSHIP_TYPES.styles, edit);
    if (rel) {
      edit.set(rel.path, xml);
      return;
    }
    const path = "xl/styles.xml";
    await edit.addRelationship(this.workbookPath, RELATIONSHIP_TYPES.styles, path);
    await edit.setContentType(path, STYLES_CONTENT_TYPE);
    edit.set(path, xml);
  }

  /**
   * The calculation chain lists the cells that hold formulas; once one of them is gone the list is
   * wrong and Excel would report the file as damaged. Without it, Excel rebuilds it on opening.
   */
  private async dropCalcChain(edit: PackageEdit): Promise<void> {
    const rel = await this.workbookRelationship(RELATIONSHIP_TYPES.calcChain, edit);
    if (!rel) return;
    await edit.removeRelationship(this.workbookPath, rel.id);
    await edit.removeContentType(rel.path);
    edit.remove(rel.path);
  }
}

/**
 * A part found damaged once the workbook is open (one that does not decompress, fails its checksum
 * or is not XML) is the user's file, not the tool's bug: say so in words, as for a file that cannot
 * be opened. (A damaged sheet is named where it is read: see whenSheetDamaged.)
 */
async function plainWhenDamaged<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    throw new WorkbookFileError(`This workbook is damaged: open it in Excel and save it again as an Excel Workbook (.xlsx), then try again (${error.message}).`);
  }
}

function missingSheetPart(sheet: Sheet): WorkbookFileError {
  return new WorkbookFileError(`The sheet "${sheet.name}" in this workbook is damaged: open the workbook in Excel and save it again, then try again (missing part: ${sheet.path}).`);
}

interface RosterTarget {
  sheet: Sheet;
  xml: string;
  /** The sheet's merged cells, read once from `xml`. */
  merges: MergedRange[];
  target: OwnedBlock;
  output: RosterColumnsOutput;
  /** An earlier run's blocks on this sheet. */
  earlier: OwnedBlock[];
  lastRow: number;
  nameFormula: string;
}

/** The roster sheet's changes: old blocks and the target emptied, the new cells, widths and colours. */
function rosterPatch(roster: RosterTarget, styles: StyleBook, date1904: boolean): SheetPatch {
  const { output, target } = roster;
  const cells = new Map<number, NewCells>();
  const addRow = (rowNumber: number, row: RosterColumnsOutput["headers"]) => {
    let xml = "";
    row.forEach((cell, i) => { xml += cellXml(rowNumber, output.firstColumn + i, cell, styles.cellFormat(cell), date1904); });
    if (xml) cells.set(rowNumber, { first: output.firstColumn, last: output.firstColumn + row.length - 1, xml });
  };
  addRow(output.headerRowNumber, output.headers);
  for (const row of output.rows) addRow(row.rowNumber, row.cells);
  const widths = new Map<number, number | null>(output.columnWidths.map((width, i) => [output.firstColumn + i, width]));
  const conditionalFormats: string[] = [];
  if (roster.lastRow > output.headerRowNumber && output.statusHighlights.length > 0) {
    const column = columnLetter(output.firstColumn);
    const rules = output.statusHighlights.map((highlight, i) => `<cfRule type="cellIs" dxfId="${styles.statusFormat(highlight)}" priority="${i + 1}" operator="equal"><formula>"${highlight.text}"</formula></cfRule>`);
    conditionalFormats.push(`<conditionalFormatting sqref="${column}${output.headerRowNumber + 1}:${column}${roster.lastRow}">${rules.join("")}</conditionalFormatting>`);
  }
  return { clear: [...roster.earlier, target], cells, widths, conditionalFormats };
}

function assertOwnedSheetName(name: string): void {
  if (!isOwnedSheetName(name)) {
    throw new WorkbookWriteError(`"${name}" is not one of the tool's own sheets; the tool writes only ${OWNED_SHEET_NAMES.join(", ")}.`);
  }
}

/**
 * The target columns must be empty from the header row down, or be an earlier run's columns: the
 * tool never writes over the user's data, even if the roster reader placed the columns wrongly.
 */
function assertColumnsFree(grid: Grid, target: OwnedBlock, earlier: OwnedBlock[]): void {
  const ours = (r: number, c: number) => earlier.some((b) => b.firstColumn <= c && c <= b.lastColumn && r >= b.headerRow);
  const lastRow = grid.firstRow + grid.values.length - 1;
  for (let c = target.firstColumn; c <= target.lastColumn; c++) {
    for (let r = target.headerRow; r <= lastRow; r++) {
      if (ours(r, c)) continue;
      const value = valueAt(grid, r, c);
      if (value !== null && value !== "") {
        throw new WorkbookWriteError(`Cell ${columnLetter(c)}${r} on "${grid.sheetName}" holds your own data, where the ARRS columns would go. Nothing was written; move that data or tell the tool which columns the roster uses.`);
      }
    }
  }
}

/** A row the tool writes must not have the user's merged cells reaching into its columns. */
function assertNotMerged(sheetName: string, merges: MergedRange[], target: OwnedBlock, rows: number[]): void {
  if (merges.length === 0) return;
  for (const r of rows) {
    for (let c = target.firstColumn; c <= target.lastColumn; c++) {
      if (!mergedFromOutside(r, c, target, merges)) continue;
      const m = merges.find((range) => r >= range.top && r <= range.bottom && c >= range.left && c <= range.right)!;
      throw new WorkbookWriteError(`Cell ${columnLetter(c)}${r} on "${sheetName}" is part of merged cells starting at ${columnLetter(m.left)}${m.top}, where the ARRS columns would go. Nothing was written; unmerge those cells and run the check again.`);
    }
  }
}

/** "P4:R9" → "$P$4:$R$9" */
function absolute(range: string): string {
  return range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

