/**
 * The workbook's worksheets as the file door reads them: the sheet list in tab order, each sheet's
 * XML (refused before parsing when it is longer than the checker reads) and its grid, kept for the
 * write that follows a check. A part that turns out damaged is named to the user by its sheet.
 */
import type { Grid } from "../../common/grid";
import { WorkbookFileError } from "../file-errors";
import { COUNTABLE_BYTES, countRows, RowCounter, rowLimitMessage, sizeLimitMessage, type SheetLimits } from "../file-limits";
import type { OwnedBlock } from "../owned-block";
import { findOwnedBlocksInGrid } from "../owned-grid";
import { decodeUtf, type PackageEdit, PackageError, RELATIONSHIP_TYPES, sameRelationshipType, type XlsxPackage, type Relationship } from "./package";
import { readSheetXml, workbookDate1904 } from "./read-sheet";
import { parseSharedStrings } from "./shared-strings";
import { dateStyles } from "./styles-read";
import * as workbookPart from "./workbook-part";

export interface Sheet {
  name: string;
  /** The worksheet part ("xl/worksheets/sheet1.xml"). */
  path: string;
  relationshipId: string;
}

export class SheetParts {
  private sheetList: Sheet[] | null = null;
  private readonly grids = new Map<string, Grid>();
  private sharedStrings: string[] | null = null;
  private dateStyleFlags: boolean[] | null = null;
  private dates1904: boolean | null = null;

  constructor(
    private readonly pkg: XlsxPackage,
    readonly workbookPath: string,
    private readonly limits: SheetLimits,
  ) {}

  async workbookXml(): Promise<string> {
    return (await this.pkg.text(this.workbookPath))!;
  }

  /** The worksheets in tab order (chart sheets, which hold no cells, are left out). */
  async sheets(): Promise<Sheet[]> {
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
  forgetSheets(): void {
    this.sheetList = null;
    this.grids.clear();
    this.dateStyleFlags = null;
  }

  /** The grids a check read, once a write no longer needs them: a long roster's grid is tens of megabytes. */
  forgetGrids(): void {
    this.grids.clear();
  }

  /** Excel sheet names are unique regardless of case, so look them up that way too. */
  async findSheet(name: string): Promise<Sheet | undefined> {
    const sheets = await this.sheets();
    return sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** A sheet's grid, kept until the next write. */
  async gridOf(sheet: Sheet): Promise<Grid> {
    const cached = this.grids.get(sheet.path);
    if (cached) return cached;
    const grid = await this.parseGrid(sheet, await this.sheetText(sheet));
    this.grids.set(sheet.path, grid);
    return grid;
  }

  /** The grid gridOf has kept for a sheet, if any. */
  keptGrid(sheet: Sheet): Grid | undefined {
    return this.grids.get(sheet.path);
  }

  /** A sheet's grid from its XML (not kept: see gridOf for one that is). */
  async parseGrid(sheet: Sheet, xml: string): Promise<Grid> {
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
  async earlierBlocks(sheet: Sheet): Promise<{ blocks: OwnedBlock[]; xml: string } | null> {
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
  async sheetText(sheet: Sheet, options: { limitsChecked?: boolean } = {}): Promise<string> {
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
  async sheetPartText(sheet: Sheet): Promise<string | null> {
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
  async usesDate1904(): Promise<boolean> {
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

  async stylesText(): Promise<string | null> {
    const rel = await this.workbookRelationship(RELATIONSHIP_TYPES.styles);
    return rel ? this.pkg.text(rel.path) : null;
  }

  /** The workbook's relationship of a type, in the package or (while writing) as `edit` has it so far. */
  async workbookRelationship(type: string, edit: XlsxPackage | PackageEdit = this.pkg): Promise<Relationship | undefined> {
    return (await edit.relationships(this.workbookPath)).find((r) => !r.external && sameRelationshipType(r.type, type));
  }
}

function missingSheetPart(sheet: Sheet): WorkbookFileError {
  return new WorkbookFileError(`The sheet "${sheet.name}" in this workbook is damaged: open the workbook in Excel and save it again, then try again (missing part: ${sheet.path}).`);
}
