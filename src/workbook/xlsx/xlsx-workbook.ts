/**
 * The file door's adapter: an .xlsx workbook worked on as the package of XML parts it is. Sheets are
 * read straight from their parts into grids; writing changes only the parts the tool's output
 * touches (the roster sheet, the styles, the workbook's sheet list and names, the tool's own
 * sheets), and on saving every other part is copied byte for byte. So charts, pivot tables, macros
 * and anything else in the workbook come through, and a 100,000-row roster is read, checked and
 * written in a few hundred megabytes rather than the gigabytes an object model of every cell takes.
 * No node:fs here: the same code runs in a browser tab.
 *
 * This file makes the changes; sheet-parts.ts reads the sheets, and roster-block.ts places the
 * columns beside the roster and refuses to write over the user's data.
 */
import type { Grid } from "../../common/grid";
import { isOwnedRangeName, isOwnedSheetName, OWNED_SHEET_NAMES, ownedRangeName } from "../../common/owned";
import { rosterColumnBlocks } from "../../report/roster-columns";
import type { OwnedSheet, RosterColumnsOutput, WorkbookOutput } from "../../report/types";
import { assertLooksLikeXlsx, WorkbookFileError, WorkbookWriteError } from "../file-errors";
import { bombMessage, MAX_SHEET_BYTES, MAX_SHEET_ROWS, partLimitMessage, type SheetLimits } from "../file-limits";
import type { WorkbookPort } from "../types";
import { type NewPart, removeSheetDrawings, replaceToolCharts } from "./drawing-part";
import { keptViewAttributes, ownedSheetXml, printTitlesFormula } from "./owned-sheet";
import { PackageEdit, PackageError, relsPathOf, type PartText, RELATIONSHIP_TYPES, STYLES_CONTENT_TYPE, WORKSHEET_CONTENT_TYPE, XlsxPackage } from "./package";
import { patchSheet } from "./patch-sheet";
import { assertOwnedSheetName, rosterPatch, rosterTarget, type RosterTarget } from "./roster-block";
import { SheetParts } from "./sheet-parts";
import { MINIMAL_STYLES, StyleBook } from "./styles-write";
import * as workbookPart from "./workbook-part";
import { ZipLimitError } from "./zip";

export class XlsxWorkbook implements WorkbookPort {
  /** The worksheets as read from their parts (sheet list, grids, limits). */
  private readonly parts: SheetParts;

  private constructor(
    private readonly pkg: XlsxPackage,
    private readonly workbookPath: string,
    limits: SheetLimits,
  ) {
    this.parts = new SheetParts(pkg, workbookPath, limits);
  }

  static async fromBuffer(data: ArrayBuffer | Uint8Array, limits: SheetLimits = { rows: MAX_SHEET_ROWS, bytes: MAX_SHEET_BYTES }): Promise<XlsxWorkbook> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    assertLooksLikeXlsx(bytes);
    let pkg: XlsxPackage;
    let workbookPath: string;
    try {
      pkg = await XlsxPackage.open(bytes);
      workbookPath = await pkg.workbookPath();
    } catch (error) {
      if (error instanceof ZipLimitError) throw limitError(error);
      // Only the file's own faults are the user's to fix; anything else is the tool's bug.
      if (!(error instanceof PackageError)) throw error;
      throw new WorkbookFileError(`This file is not an .xlsx workbook, or it is damaged: ${error.message}. Open it in Excel and save it again as an Excel Workbook (.xlsx).`);
    }
    // A zip of other things (a Word document, an archive) has no workbook part.
    if (!pkg.has(workbookPath)) throw new WorkbookFileError("This file is not an .xlsx workbook: it holds no worksheets.");
    const workbook = new XlsxWorkbook(pkg, workbookPath, limits);
    if ((await plainWhenDamaged(() => workbook.parts.sheets())).length === 0) throw new WorkbookFileError("This file is not an .xlsx workbook: it holds no worksheets.");
    return workbook;
  }

  async toBuffer(): Promise<Uint8Array> {
    return plainWhenDamaged(() => this.pkg.toBytes());
  }

  async sheetNames(): Promise<string[]> {
    return plainWhenDamaged(async () => (await this.parts.sheets()).map((sheet) => sheet.name));
  }

  async readSheet(name: string): Promise<Grid> {
    return plainWhenDamaged(async () => {
      const sheet = await this.parts.findSheet(name);
      if (!sheet) throw new Error(`There is no sheet named "${name}" in this workbook.`);
      return this.parts.gridOf(sheet);
    });
  }

  async write(output: WorkbookOutput): Promise<void> {
    return plainWhenDamaged(() => this.writeOutput(output));
  }

  async removeOutput(): Promise<{ removedSheets: string[]; clearedColumns: number }> {
    return plainWhenDamaged(() => this.removeWrittenOutput());
  }

  /**
   * A new sheet (the rates template, a roll-up's sheets) after the others, with its own formats, its
   * charts, its header rows repeated on printed pages, and `select` as its selected cell. Refused if
   * a sheet of that name exists, whatever its case; nothing else changes but the workbook's sheet
   * list and names, and the styles.
   */
  async addFormattedSheet(sheet: OwnedSheet, options: { select?: string | null } = {}): Promise<void> {
    return plainWhenDamaged(async () => {
      if (await this.parts.findSheet(sheet.name)) {
        throw new WorkbookWriteError(`A sheet named "${sheet.name}" already exists. Rename or delete it, then try again.`);
      }
      const edit = new PackageEdit(this.pkg);
      const styles = new StyleBook((await this.parts.stylesText()) ?? MINIMAL_STYLES);
      const path = this.freeSheetPath([]);
      const quoted = workbookPart.quotedSheetName(sheet.name);
      const charts = await replaceToolCharts(edit, { sheetPath: path, quotedSheet: quoted, sheet });
      const xml = ownedSheetXml(sheet, styles, { date1904: await this.parts.usesDate1904(), keptView: "", activeCell: options.select ?? null, drawingId: charts.drawingId });
      const id = await edit.addRelationship(this.workbookPath, RELATIONSHIP_TYPES.worksheet, path);
      await edit.setContentType(path, WORKSHEET_CONTENT_TYPE);
      for (const part of charts.parts) await edit.setContentType(part.path, part.contentType);
      edit.set(path, xml);
      // Its header rows repeated on every printed page, as on the tool's other sheets.
      const workbookXml = workbookPart.addSheet(await this.parts.workbookXml(), sheet.name, id);
      edit.set(this.workbookPath, workbookPart.setPrintTitles(workbookXml, sheet.name, printTitlesFormula(sheet, quoted)));
      await this.saveStyles(styles, edit);
      // Every step has succeeded: make the changes.
      edit.apply();
      this.parts.forgetSheets();
    });
  }

  private async writeOutput(output: WorkbookOutput): Promise<void> {
    // Every check and every changed part is worked out in `edit` before the first change to the
    // package, so a refused write (or any failure) leaves the workbook as it was.
    for (const sheet of output.sheets) assertOwnedSheetName(sheet.name);
    const sheets = await this.parts.sheets();
    const edit = new PackageEdit(this.pkg);
    const changes = new Map<string, PartText>();
    let removedFormula = false;
    const styles = new StyleBook((await this.parts.stylesText()) ?? MINIMAL_STYLES);
    const date1904 = await this.parts.usesDate1904();

    // One block beside each roster sheet, where a PCN keeps one per member practice.
    const rosters: RosterTarget[] = [];
    for (const block of rosterColumnBlocks(output)) {
      const target = await this.rosterTarget(block);
      if (rosters.some((r) => r.sheet === target.sheet)) throw new WorkbookWriteError(`The ARRS columns were given twice for "${target.sheet.name}".`);
      rosters.push(target);
    }
    if (rosters.length > 0) {
      // An earlier run's columns go wherever they are (even beside another sheet, if the roster
      // moved), so a second run replaces the first rather than adding to it.
      for (const sheet of sheets) {
        if (isOwnedSheetName(sheet.name) || rosters.some((r) => r.sheet === sheet)) continue;
        const found = await this.parts.earlierBlocks(sheet);
        if (!found) continue;
        const patched = patchSheet(found.xml, { clear: found.blocks, cells: new Map(), widths: new Map(), conditionalFormats: [] });
        changes.set(sheet.path, patched.xml);
        removedFormula ||= patched.removedFormula;
      }
      // The grids are no longer needed, and a long roster's grid is tens of megabytes.
      this.parts.forgetGrids();
      for (const roster of rosters) {
        const patched = patchSheet(roster.xml, rosterPatch(roster, styles, date1904), roster.merges);
        changes.set(roster.sheet.path, patched.xml);
        removedFormula ||= patched.removedFormula;
      }
    }

    let workbookXml = await this.parts.workbookXml();
    const added: string[] = [];
    const chartParts: NewPart[] = [];
    for (const owned of output.sheets) {
      const existing = await this.parts.findSheet(owned.name);
      const previous = existing ? await this.parts.sheetPartText(existing) : null;
      const path = existing?.path ?? this.freeSheetPath(added);
      // The sheet's charts replace the tool's earlier ones (drawing-part.ts).
      const charts = await replaceToolCharts(edit, { sheetPath: path, quotedSheet: workbookPart.quotedSheetName(owned.name), sheet: owned });
      chartParts.push(...charts.parts);
      const xml = ownedSheetXml(owned, styles, { date1904, keptView: keptViewAttributes(previous), drawingId: charts.drawingId });
      changes.set(path, xml);
      if (existing) continue;
      const id = await edit.addRelationship(this.workbookPath, RELATIONSHIP_TYPES.worksheet, path);
      added.push(path);
      workbookXml = workbookPart.addSheet(workbookXml, owned.name, id);
    }
    // Each sheet's header rows repeated on every printed page.
    for (const owned of output.sheets) {
      workbookXml = workbookPart.setPrintTitles(workbookXml, owned.name, printTitlesFormula(owned, workbookPart.quotedSheetName(owned.name)));
    }
    if (rosters.length > 0) {
      // A name over each block: ARRS_Output, then ARRS_Output_2 and on; an earlier run's others go.
      for (const name of workbookPart.definedNames(workbookXml).filter(isOwnedRangeName)) workbookXml = workbookPart.setDefinedName(workbookXml, name, null);
      rosters.forEach((roster, i) => { workbookXml = workbookPart.setDefinedName(workbookXml, ownedRangeName(i), roster.nameFormula); });
    }

    for (const path of added) await edit.setContentType(path, WORKSHEET_CONTENT_TYPE);
    for (const part of chartParts) await edit.setContentType(part.path, part.contentType);
    for (const [path, xml] of changes) edit.set(path, xml);
    edit.set(this.workbookPath, workbookXml);
    await this.saveStyles(styles, edit);
    if (removedFormula) await this.dropCalcChain(edit);

    // Every step has succeeded: from here on nothing can fail. Make the changes.
    edit.apply();
    this.parts.forgetSheets();
  }

  private async removeWrittenOutput(): Promise<{ removedSheets: string[]; clearedColumns: number }> {
    // As for a write, every change is worked out before the first is made.
    const sheets = await this.parts.sheets();
    const edit = new PackageEdit(this.pkg);
    let clearedColumns = 0;
    // The calculation chain goes when a cleared cell held a formula or a sheet is removed.
    let staleCalcChain = false;
    for (const sheet of sheets) {
      if (isOwnedSheetName(sheet.name)) continue;
      const found = await this.parts.earlierBlocks(sheet);
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

    let workbookXml = await this.parts.workbookXml();
    const removedSheets: string[] = [];
    for (const name of OWNED_SHEET_NAMES) {
      const entries = workbookPart.listSheets(workbookXml);
      const index = entries.findIndex((entry) => entry.name.toLowerCase() === name.toLowerCase());
      if (index === -1) continue;
      const sheet = sheets.find((s) => s.relationshipId === entries[index].relationshipId);
      workbookXml = workbookPart.removeSheet(workbookXml, index);
      if (sheet) {
        await removeSheetDrawings(edit, sheet.path);
        await edit.removeRelationship(this.workbookPath, sheet.relationshipId);
        await edit.removeContentType(sheet.path);
        edit.remove(sheet.path);
        edit.remove(relsPathOf(sheet.path));
      }
      removedSheets.push(entries[index].name);
      staleCalcChain = true;
    }
    for (const name of workbookPart.definedNames(workbookXml).filter(isOwnedRangeName)) workbookXml = workbookPart.setDefinedName(workbookXml, name, null);
    edit.set(this.workbookPath, workbookXml);
    if (staleCalcChain) await this.dropCalcChain(edit);

    // Every step has succeeded: make the changes.
    edit.apply();
    this.parts.forgetSheets();
    return { removedSheets, clearedColumns };
  }

  /** The roster sheet and the block the columns go in, once it is known to be free or already ours. */
  private async rosterTarget(output: RosterColumnsOutput): Promise<RosterTarget> {
    const sheet = await this.parts.findSheet(output.sheetName);
    if (!sheet) throw new WorkbookWriteError(`There is no sheet named "${output.sheetName}" to write the ARRS columns beside.`);
    if (isOwnedSheetName(sheet.name)) throw new WorkbookWriteError(`"${sheet.name}" is one of the tool's own sheets, not a roster.`);
    // The roster's XML is read once; its grid is the one the check read, or parsed from that XML.
    const kept = this.parts.keptGrid(sheet);
    const xml = await this.parts.sheetText(sheet, { limitsChecked: kept !== undefined });
    const grid = kept ?? await this.parts.parseGrid(sheet, xml);
    return rosterTarget({ sheet, xml, grid, output });
  }

  private freeSheetPath(taken: string[]): string {
    return this.pkg.freePath("xl/worksheets/sheet", ".xml", taken);
  }

  /** The styles, if changed, into `edit`, with a styles part of their own if the workbook had none. */
  private async saveStyles(styles: StyleBook, edit: PackageEdit): Promise<void> {
    const xml = styles.result();
    if (xml === null) return;
    const rel = await this.parts.workbookRelationship(RELATIONSHIP_TYPES.styles, edit);
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
    const rel = await this.parts.workbookRelationship(RELATIONSHIP_TYPES.calcChain, edit);
    if (!rel) return;
    await edit.removeRelationship(this.workbookPath, rel.id);
    await edit.removeContentType(rel.path);
    edit.remove(rel.path);
  }
}

/**
 * A part found damaged once the workbook is open (one that does not decompress, fails its checksum
 * or is not XML) is the user's file, not the tool's bug: say so in words, as for a file that cannot
 * be opened. (A damaged sheet is named where it is read: see SheetParts in sheet-parts.ts.)
 */
async function plainWhenDamaged<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ZipLimitError) throw limitError(error);
    if (!(error instanceof PackageError)) throw error;
    throw new WorkbookFileError(`This workbook is damaged: open it in Excel and save it again as an Excel Workbook (.xlsx), then try again (${error.message}).`);
  }
}

/** A part refused unread for its size or its compression (sheets and the shared strings say so in their own words: sheet-parts.ts). */
function limitError(error: ZipLimitError): WorkbookFileError {
  return new WorkbookFileError(error.reason === "size" ? partLimitMessage(error.part, error.size, error.limit) : bombMessage(error.part, error.limit));
}
