/**
 * The tool's cell styles in the workbook's style part (xl/styles.xml). Each style the output uses
 * (a header, money, a status colour...) becomes a font, fill, border, number format and cell format
 * record appended to the part's lists, or the same record already there is reused, so a second run
 * adds nothing and the user's own records keep their numbers (cells refer to them by position).
 * Records follow ECMA-376 Part 1, 18.8 (Styles).
 */
import type { OutputCell, StatusHighlight } from "../../report/types";
import { BORDER_COLOUR, NUMBER_FORMATS, STYLE_COLOURS, STYLE_LOOKS, type StyleLook } from "../../report/formats";
import { childElements, contentOf, findChild, insertChild, rootElement, STYLESHEET_ORDER, type ElementSpan } from "./elements";
import { attribute, eachStartTag } from "./tag-scanner";
import { escapeXml } from "./xml";

/** A styles part for a workbook that has none (one default font, the two fills Excel requires). */
export const MINIMAL_STYLES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
  + '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
  + '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
  + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
  + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
  + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
  + "</styleSheet>";

/** Built-in number formats (18.8.30) the output's formats may equal, so no custom record is needed. */
const BUILT_IN_FORMATS: Record<string, number> = { "General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };

/** Custom number formats are numbered from 164 (the built-in ones use 0 to 163). */
const FIRST_CUSTOM_FORMAT = 164;

export class StyleBook {
  private xml: string;
  private changed = false;
  private readonly cellFormats = new Map<string, number>();
  private readonly defaultFont: { size: string | null; name: string | null; family: string | null; scheme: string | null };

  constructor(stylesXml: string) {
    this.xml = stylesXml;
    const fonts = this.records("fonts");
    const first = fonts[0] ? this.xml.slice(fonts[0].start, fonts[0].end) : "";
    const val = (element: string) => {
      let value: string | null = null;
      eachStartTag(first, element, (scan) => { value ??= scan.attribute("val"); });
      return value;
    };
    this.defaultFont = { size: val("sz"), name: val("name"), family: val("family"), scheme: val("scheme") };
  }

  /** The part's text if a style was added, else null (the part is left as it was). */
  result(): string | null {
    return this.changed ? this.xml : null;
  }

  /** The cell format index (a cell's s="...") for an output cell; 0 for a plain one. */
  cellFormat(cell: OutputCell): number {
    const key = `${cell.style ?? ""}|${cell.format ?? ""}|${cell.wrap ? "wrap" : ""}`;
    if (key === "||") return 0;
    let index = this.cellFormats.get(key);
    if (index === undefined) {
      index = this.addCellFormat(cell);
      this.cellFormats.set(key, index);
    }
    return index;
  }

  /** A differential format (for conditional formatting): the status colours. */
  statusFormat(highlight: StatusHighlight): number {
    const colours = STYLE_COLOURS[highlight.style];
    // In a differential fill the colour goes in bgColor (18.8.32).
    const dxf = `<dxf><font><color rgb="${colours.font}"/></font><fill><patternFill patternType="solid"><bgColor rgb="${colours.fill}"/></patternFill></fill></dxf>`;
    return this.findOrAppend("dxfs", dxf);
  }

  private addCellFormat(cell: OutputCell): number {
    const look: StyleLook = cell.style ? STYLE_LOOKS[cell.style] : {};
    const hasFont = look.bold || look.italic || look.size !== undefined || look.fontColour !== undefined;
    const fontId = hasFont ? this.findOrAppend("fonts", this.fontXml(look)) : 0;
    const fillId = look.fill ? this.findOrAppend("fills", `<fill><patternFill patternType="solid"><fgColor rgb="${look.fill}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const borderId = look.border ? this.findOrAppend("borders", borderXml(look.border)) : 0;
    const numFmtId = cell.format ? this.numberFormat(NUMBER_FORMATS[cell.format]) : 0;
    const applies = [
      numFmtId ? ' applyNumberFormat="1"' : "",
      fontId ? ' applyFont="1"' : "",
      fillId ? ' applyFill="1"' : "",
      borderId ? ' applyBorder="1"' : "",
      cell.wrap ? ' applyAlignment="1"' : "",
    ].join("");
    const alignment = cell.wrap ? '<alignment vertical="top" wrapText="1"/>' : "";
    const xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}${alignment ? `>${alignment}</xf>` : "/>"}`;
    return this.findOrAppend("cellXfs", xf);
  }

  /** The workbook's own default font with the style's changes, so the tool's cells match the user's. */
  private fontXml(look: StyleLook): string {
    const d = this.defaultFont;
    return `<font>${look.bold ? "<b/>" : ""}${look.italic ? "<i/>" : ""}`
      + `<sz val="${look.size ?? d.size ?? 11}"/>`
      + (look.fontColour ? `<color rgb="${look.fontColour}"/>` : '<color theme="1"/>')
      + `<name val="${escapeXml(d.name ?? "Calibri")}"/>`
      + (d.family ? `<family val="${d.family}"/>` : "")
      + (d.scheme && look.size === undefined ? `<scheme val="${d.scheme}"/>` : "")
      + "</font>";
  }

  private numberFormat(code: string): number {
    if (code in BUILT_IN_FORMATS) return BUILT_IN_FORMATS[code];
    const records = this.records("numFmts");
    let highest = FIRST_CUSTOM_FORMAT - 1;
    for (const record of records) {
      const tag = this.xml.slice(record.start, record.end);
      const id = Number(attribute(tag, "numFmtId"));
      if (attribute(tag, "formatCode") === code) return id;
      if (id > highest) highest = id;
    }
    const id = highest + 1;
    this.append("numFmts", `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  /** The index of a record equal to `record` in the list, appending it if there is none. */
  private findOrAppend(list: string, record: string): number {
    const records = this.records(list);
    const index = records.findIndex((r) => sameRecord(this.xml.slice(r.start, r.end), record));
    if (index !== -1) return index;
    this.append(list, record);
    return records.length;
  }

  private records(list: string): ElementSpan[] {
    const span = findChild(this.xml, list);
    if (!span) return [];
    const inner = contentOf(this.xml, span);
    return inner ? childElements(this.xml, inner.start, inner.end) : [];
  }

  /** Appends a record to a list (creating the list where the schema puts it) and updates its count. */
  private append(list: string, record: string): void {
    this.changed = true;
    const p = rootElement(this.xml).prefix;
    const withPrefix = p ? record.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${p}`) : record;
    const span = findChild(this.xml, list);
    if (!span) {
      this.xml = insertChild(this.xml, `<${p}${list} count="1">${withPrefix}</${p}${list}>`, list, STYLESHEET_ORDER);
      return;
    }
    const count = this.records(list).length + 1;
    const inner = contentOf(this.xml, span);
    const startTag = this.xml.slice(span.start, inner ? inner.start : span.end).replace(/\s*\/?>$/, "");
    const counted = /\scount\s*=/.test(startTag) ? startTag.replace(/(\scount\s*=\s*)["']\d*["']/, `$1"${count}"`) : `${startTag} count="${count}"`;
    const body = inner ? this.xml.slice(inner.start, inner.end) : "";
    this.xml = `${this.xml.slice(0, span.start)}${counted}>${body}${withPrefix}</${p}${list}>${this.xml.slice(span.end)}`;
  }
}

/** Records compare equal ignoring namespace prefixes and whitespace between tags. */
function sameRecord(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/<(\/?)\w+:/g, "<$1").replace(/>\s+</g, "><").trim();
  return norm(a) === norm(b);
}

function borderXml(side: "top" | "bottom"): string {
  const line = `<${side} style="thin"><color rgb="${BORDER_COLOUR}"/></${side}>`;
  return `<border><left/><right/>${side === "top" ? line : "<top/>"}${side === "bottom" ? line : "<bottom/>"}<diagonal/></border>`;
}
