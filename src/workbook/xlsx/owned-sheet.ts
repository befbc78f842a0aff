/**
 * One of the tool's own sheets (summary, claim lines, settings) as a whole worksheet part. The sheet
 * is the tool's, so it is written from nothing each run; only whether its tab was selected and its
 * zoom, which are the user's, carry over from the part it replaces.
 */
import { columnLetter } from "../../common/grid";
import { rangeAddress } from "../../report/cells";
import { PRINT_FOOTER, printSettingsOf } from "../../report/print";
import type { OwnedSheet } from "../../report/types";
import { STYLE_COLOURS } from "../../report/formats";
import { cellXml } from "./cells-write";
import { columnsXml } from "./columns";
import { MAIN_NS, REL_NS } from "./package";
import type { StyleBook } from "./styles-write";
import { TagScanner } from "./tag-scanner";
import { escapeXml } from "./xml";

/** The user's view settings on the sheet view of the part being replaced, if any. */
export function keptViewAttributes(previousXml: string | null): string {
  if (!previousXml) return "";
  const scan = new TagScanner(previousXml);
  while (scan.next()) {
    if (scan.is("sheetData")) return "";
    if (scan.closing || !scan.is("sheetView")) continue;
    const kept: string[] = [];
    for (const name of ["tabSelected", "zoomScale"]) {
      const value = scan.attribute(name);
      if (value !== null && /^\w+$/.test(value)) kept.push(` ${name}="${value}"`);
    }
    return kept.join("");
  }
  return "";
}

/**
 * The sheet's whole part. `drawingId` is its relationship to the drawing that holds its charts
 * (drawing-part.ts), written as <drawing> after the print settings, where CT_Worksheet puts it.
 */
export function ownedSheetXml(sheet: OwnedSheet, styles: StyleBook, options: { date1904: boolean; keptView: string; activeCell?: string | null; drawingId?: string | null }): string {
  const rows: string[] = [];
  let lastColumn = 1;
  sheet.rows.forEach((cells, i) => {
    const rowNumber = i + 1;
    let body = "";
    cells.forEach((cell, c) => {
      const xml = cellXml(rowNumber, c + 1, cell, styles.cellFormat(cell), options.date1904);
      if (xml) {
        body += xml;
        if (c + 1 > lastColumn) lastColumn = c + 1;
      }
    });
    if (body) rows.push(`<row r="${rowNumber}">${body}</row>`);
  });
  const lastRow = Math.max(1, sheet.rows.length);
  const freeze = sheet.freezeRows ?? 0;
  // The selected cell: the one asked for (a rates sheet's first blank), else the first below the frozen rows.
  const active = options.activeCell && /^[A-Z]{1,3}[1-9]\d{0,6}$/.test(options.activeCell) ? options.activeCell : null;
  const pane = freeze > 0
    ? `<pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" activePane="bottomLeft" state="frozen"/>${selectionXml(active ?? `A${freeze + 1}`, ' pane="bottomLeft"')}`
    : active ? selectionXml(active, "") : "";
  const widths = new Map(sheet.columnWidths.map((width, i) => [i + 1, width] as [number, number]));
  const bars = (sheet.dataBars ?? []).map((bar) => bar.range);
  // Data bars from zero to the largest value.
  const barsXml = bars.map((range, i) => `<conditionalFormatting sqref="${rangeAddress(range)}"><cfRule type="dataBar" priority="${i + 1}">`
    + `<dataBar><cfvo type="num" val="0"/><cfvo type="max"/><color rgb="${STYLE_COLOURS.dataBar}"/></dataBar></cfRule></conditionalFormatting>`).join("");
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`
    // Fit to a page's width (pageSetup's fitToWidth and fitToHeight say how many pages).
    + '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
    + `<dimension ref="A1:${columnLetter(lastColumn)}${lastRow}"/>`
    + `<sheetViews><sheetView workbookViewId="0"${options.keptView}>${pane}</sheetView></sheetViews>`
    + '<sheetFormatPr defaultRowHeight="15"/>'
    + columnsXml(widths)
    + `<sheetData>${rows.join("")}</sheetData>`
    + (sheet.autoFilter ? `<autoFilter ref="${rangeAddress(sheet.autoFilter)}"/>` : "")
    + barsXml
    + printXml(sheet)
    + (options.drawingId ? `<drawing r:id="${escapeXml(options.drawingId)}"/>` : "")
    + "</worksheet>";
}

/**
 * How the sheet prints (ECMA-376 Part 1, 18.3.1): landscape, one page wide and as many down as it
 * takes (fitToHeight 0), narrow margins, and a footer with the sheet's name and "Page 2 of 3". The
 * repeated header rows are the workbook's _xlnm.Print_Titles name for the sheet (workbook-part.ts).
 */
export function printXml(sheet: OwnedSheet): string {
  const print = printSettingsOf(sheet);
  const footer = escapeXml(`&L${PRINT_FOOTER.left}&R${PRINT_FOOTER.right}`);
  return '<printOptions horizontalCentered="1"/>'
    + '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.3" footer="0.3"/>'
    + `<pageSetup paperSize="9" orientation="${print.landscape ? "landscape" : "portrait"}" fitToWidth="${print.fitToWidth}" fitToHeight="0"/>`
    + `<headerFooter><oddFooter>${footer}</oddFooter></headerFooter>`;
}

/** The Print_Titles formula for a sheet's repeated rows ("'ARRS Claim Lines'!$1:$1"), or null for none. */
export function printTitlesFormula(sheet: OwnedSheet, quotedName: string): string | null {
  const rows = printSettingsOf(sheet).repeatRows ?? 0;
  return rows > 0 ? `${quotedName}!$1:$${rows}` : null;
}

function selectionXml(cell: string, pane: string): string {
  return `<selection${pane} activeCell="${cell}" sqref="${cell}"/>`;
}
