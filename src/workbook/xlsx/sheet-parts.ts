/**
 * The workbook's worksheets as the file door reads them: the sheet list in tab order, each sheet's
 * XML (refused before parsing when it is longer than the checker reads) and its grid, kept for the
 * write that follows a check. A part that turns out damaged is named to the user by its sheet.
 */
import type { Grid } from "../../common/grid";
import { WorkbookFileError } from "../file-errors";
import { bombMessage, COUNTABLE_BYTES, MAX_GRID_CELLS, RowCounter, rowLimitMessage, sharedStringsLimitMessage, sizeLimitMessage, type SheetLimits, workbookLimitMessage } from "../file-limits";
import type { OwnedBlock } from "../owned-block";
import { findOwnedBlocksInGrid } from "../owned-grid";
import { CONTENT_TYPES, overriddenContentType, type PackageEdit, PackageError, RELATIONSHIP_TYPES, sameRelationshipType, type XlsxPackage, type Relationship, WORKSHEET_CONTENT_TYPE } from "./package";
import { readSheetXml, workbookDate1904 } from "./read-sheet";
import { parseSharedStrings } from "./shared-strings";
import { dateStyles } from "./styles-read";
import * as workbookPart from "./workbook-part";
import { ZipLimitError } from "./zip";

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
  /** What the kept grids hold together: their sheets' XML (characters) and their cells. */
  private held = { bytes: 0, cells: 0 };

  constructor(
    private readonly pkg: XlsxPackage,
    readonly workbookPath: string,
    private readonly limits: SheetLimits,
  ) {}

  async workbookXml(): Promise<string> {
    return (await this.pkg.text(this.workbookPath))!;
  }

  /**
   * The worksheets in tab order (chart sheets, which hold no cells, are left out). A sheet whose
   * relationship points at a part that is not a worksheet (the shared strings, the styles, the
   * workbook part, another sheet's part) is refused here, before anything can be written into it.
   */
  async sheets(): Promise<Sheet[]> {
    if (this.sheetList) return this.sheetList;
    const rels = await this.pkg.relationships(this.workbookPath);
    const byId = new Map(rels.map((r) => [r.id, r]));
    const sheets = workbookPart.listSheets(await this.workbookXml()).flatMap((entry) => {
      const rel = byId.get(entry.relationshipId);
      if (!rel || rel.external || !sameRelationshipType(rel.type, RELATIONSHIP_TYPES.worksheet)) return [];
      return [{ name: entry.name, path: rel.path, relationshipId: entry.relationshipId }];
    });
    await this.checkSheetParts(sheets, rels);
    this.sheetList = sheets;
    return sheets;
  }

  private async checkSheetParts(sheets: readonly Sheet[], rels: readonly Relationship[]): Promise<void> {
    const others = new Set(rels.filter((r) => !r.external && !sameRelationshipType(r.type, RELATIONSHIP_TYPES.worksheet)).map((r) => r.path.toLowerCase()));
    others.add(this.workbookPath.toLowerCase());
    others.add(CONTENT_TYPES.toLowerCase());
    const contentTypes = await this.pkg.text(CONTENT_TYPES);
    const seen = new Set<string>();
    for (const sheet of sheets) {
      const key = sheet.path.toLowerCase();
      const declared = contentTypes === null ? null : overriddenContentType(contentTypes, sheet.path);
      const notWorksheet = others.has(key) || key.endsWith(".rels") || (declared !== null && declared !== WORKSHEET_TYPE);
      if (notWorksheet || seen.has(key)) {
        throw new PackageError(`its sheet "${sheet.name}" points at a part that is not a worksheet of its own (${sheet.path})`);
      }
      seen.add(key);
    }
  }

  /** After a write: the sheets, their grids and which styles are dates may all have changed. */
  forgetSheets(): void {
    this.sheetList = null;
    this.forgetGrids();
    this.dateStyleFlags = null;
  }

  /** The grids a check read, once a write no longer needs them: a long roster's grid is tens of megabytes. */
  forgetGrids(): void {
    this.grids.clear();
    this.held = { bytes: 0, cells: 0 };
  }

  /** Excel sheet names are unique regardless of case, so look them up that way too. */
  async findSheet(name: string): Promise<Sheet | undefined> {
    const sheets = await this.sheets();
    return sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /**
   * A sheet's grid, kept until the next write. The grids kept at once are bounded as a whole, not
   * only each one: a workbook of many sheets, each within the limits, is refused once together they
   * hold more than twice a sheet's XML or more cells than one grid may.
   */
  async gridOf(sheet: Sheet): Promise<Grid> {
    const cached = this.grids.get(sheet.path);
    if (cached) return cached;
    const xml = await this.sheetText(sheet);
    const grid = await this.parseGrid(sheet, xml);
    const cells = grid.values.length * (grid.values[0]?.length ?? 0);
    const limit = { bytes: 2 * this.limits.bytes, cells: this.limits.cells ?? MAX_GRID_CELLS };
    if (this.held.bytes + xml.length > limit.bytes || this.held.cells + cells > limit.cells) throw new WorkbookFileError(workbookLimitMessage(limit));
    this.held = { bytes: this.held.bytes + xml.length, cells: this.held.cells + cells };
    this.grids.set(sheet.path, grid);
    return grid;
  }

  /** The grid gridOf has kept for a sheet, if any. */
  keptGrid(sheet: Sheet): Grid | undefined {
    return this.grids.get(sheet.path);
  }

  /** A sheet's grid from its XML (not kept: see gridOf for one that is). */
  async parseGrid(sheet: Sheet, xml: string): Promise<Grid> {
    const options = {
      sheetName: sheet.name,
      sharedStrings: await this.strings(),
      dateStyles: await this.dateStyles(),
      date1904: await this.usesDate1904(),
      limits: { rows: this.limits.rows, cells: this.limits.cells ?? MAX_GRID_CELLS },
    };
    return this.whenSheetDamaged(sheet, async () => readSheetXml(xml, options));
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
   * A sheet's XML, refused unread when the zip records it as longer than the checker reads (and
   * inflated no further than that when it lies). Its rows are counted as it is parsed (read-sheet.ts).
   * (limitsChecked: the sheet has been read, and so checked, already.)
   */
  async sheetText(sheet: Sheet, options: { limitsChecked?: boolean } = {}): Promise<string> {
    const size = this.pkg.uncompressedSize(sheet.path) ?? 0;
    if (!options.limitsChecked && size > this.limits.bytes && size <= COUNTABLE_BYTES) await this.refuseLargeSheet(sheet, size);
    const xml = await this.sheetPartText(sheet);
    if (xml === null) throw missingSheetPart(sheet);
    return xml;
  }

  /**
   * Refuses a sheet recorded as larger than the checker reads, with its rows counted if there are
   * more than it reads: looked through piece by piece as it is inflated, never held whole.
   */
  private async refuseLargeSheet(sheet: Sheet, size: number): Promise<never> {
    const counter = new RowCounter();
    await this.whenSheetDamaged(sheet, () => this.pkg.eachPiece(sheet.path, COUNTABLE_BYTES, (piece) => counter.add(piece)));
    const rows = counter.finish();
    throw new WorkbookFileError(rows > this.limits.rows ? rowLimitMessage(sheet.name, rows, this.limits.rows) : sizeLimitMessage(sheet.name, size, this.limits.bytes));
  }

  /** A sheet's XML as it is (null if its part is missing): for the tool's own sheets, and sheets already read. */
  async sheetPartText(sheet: Sheet): Promise<string | null> {
    return this.whenSheetDamaged(sheet, () => this.pkg.text(sheet.path, this.limits.bytes));
  }

  /**
   * A damaged sheet part is named to the user by its sheet's name, as Excel shows it on the tab; so
   * is one larger than the checker reads.
   */
  private async whenSheetDamaged<T>(sheet: Sheet, read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      if (error instanceof ZipLimitError) {
        throw new WorkbookFileError(error.reason === "size" ? sizeLimitMessage(sheet.name, error.size, error.limit) : bombMessage(error.part, error.limit));
      }
      if (!(error instanceof PackageError)) throw error;
      const detail = error.message.startsWith("its part") ? `damaged part: ${sheet.path}` : `${error.message}; part ${sheet.path}`;
      throw new WorkbookFileError(`The sheet "${sheet.name}" in this workbook is damaged: open the workbook in Excel and save it again, then try again (${detail}).`);
    }
  }

  /** Whether the workbook counts dates from 1904; the tool never changes it, so it is read once. */
  async usesDate1904(): Promise<boolean> {
    this.dates1904 ??= workbookDate1904(await this.workbookXml());
    return this.dates1904;
  }

  /** The shared-string table, which holds a sheet's text: read within the same limit as a sheet. */
  private async strings(): Promise<string[]> {
    if (this.sharedStrings) return this.sharedStrings;
    const rel = await this.workbookRelationship(RELATIONSHIP_TYPES.sharedStrings);
    let xml: string | null = null;
    try {
      xml = rel ? await this.pkg.text(rel.path, this.limits.bytes) : null;
    } catch (error) {
      if (!(error instanceof ZipLimitError)) throw error;
      throw new WorkbookFileError(error.reason === "size" ? sharedStringsLimitMessage(error.part, error.size, error.limit) : bombMessage(error.part, error.limit));
    }
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

const WORKSHEET_TYPE = WORKSHEET_CONTENT_TYPE.toLowerCase();

function missingSheetPart(sheet: Sheet): WorkbookFileError {
  return new WorkbookFileError(`The sheet "${sheet.name}" in this workbook is damaged: open the workbook in Excel and save it again, then try again (missing part: ${sheet.path}).`);
}
