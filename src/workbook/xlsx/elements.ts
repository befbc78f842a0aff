/**
 * Finding a part's top-level elements by name, and putting a new one where the schema's sequence
 * says it goes. SpreadsheetML parts are sequences with a fixed order (ECMA-376 Part 1, A.2: the
 * CT_Worksheet and CT_Workbook sequences); Excel refuses ("repairs") a part whose children are out of
 * order, so an element is inserted before the first existing sibling that must follow it.
 */
import { PackageError } from "./part-error";
import { TagScanner } from "./tag-scanner";

export interface ElementSpan {
  /** Local name, without a namespace prefix. */
  name: string;
  start: number;
  /** Index just past the element's end. */
  end: number;
}

/** CT_Worksheet's children, in schema order. */
export const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
  "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
  "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
  "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
  "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts",
  "extLst",
];

/** CT_Workbook's children, in schema order. */
export const WORKBOOK_ORDER = [
  "fileVersion", "fileSharing", "workbookPr", "revisionPtr", "absPath", "workbookProtection", "bookViews", "sheets",
  "functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches",
  "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst",
];

/** CT_Stylesheet's children, in schema order. */
export const STYLESHEET_ORDER = [
  "numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst",
];

/**
 * The children of the element whose content runs from `from` to `to` in `xml`: each child's name and
 * extent. Comments, processing instructions and CDATA are passed over; text between children is not
 * an element. Depth is counted, so an <extLst> inside a <cfRule> is not taken for the sheet's.
 */
export function childElements(xml: string, from: number, to: number): ElementSpan[] {
  const out: ElementSpan[] = [];
  let depth = 0;
  let current: { name: string; start: number } | null = null;
  const scan = new TagScanner(xml, from, to);
  while (scan.next()) {
    if (scan.closing) {
      depth -= 1;
      if (depth === 0 && current) {
        out.push({ ...current, end: scan.tagEnd });
        current = null;
      }
      continue;
    }
    if (depth === 0) {
      const name = xml.slice(scan.nameStart, scan.nameEnd);
      if (scan.selfClosing) out.push({ name, start: scan.tagStart, end: scan.tagEnd });
      else current = { name, start: scan.tagStart };
    }
    if (!scan.selfClosing) depth += 1;
  }
  return out;
}

/** Index of the ">" that ends the tag starting at `start` (">" inside quoted attribute values skipped); -1 if it has none. */
export function tagEnd(xml: string, start: number): number {
  const scan = new TagScanner(xml, start);
  if (!scan.next() || scan.tagStart !== start || xml.charCodeAt(scan.tagEnd - 1) !== 0x3e) return -1;
  return scan.tagEnd - 1;
}

/** The root element: its start tag's extent, content range, and namespace prefix ("" or "x:"). */
export function rootElement(xml: string): { name: string; prefix: string; startTag: { start: number; end: number }; contentStart: number; contentEnd: number } {
  // A part that is empty, or not XML, is a damaged file, not the tool's bug.
  const notXml = () => new PackageError("one of its parts is empty or is not XML");
  const scan = new TagScanner(xml);
  if (!scan.next() || scan.closing || scan.nameEnd === scan.nameStart || xml.charCodeAt(scan.tagEnd - 1) !== 0x3e) throw notXml();
  const name = xml.slice(scan.nameStart, scan.nameEnd);
  const prefix = xml.slice(scan.tagStart + 1, scan.nameStart);
  const end = scan.tagEnd - 1;
  const startTag = { start: scan.tagStart, end: scan.tagEnd };
  if (scan.selfClosing) return { name, prefix, startTag, contentStart: end, contentEnd: end };
  const closeAt = xml.lastIndexOf(`</${prefix}${name}`);
  return { name, prefix, startTag, contentStart: scan.tagEnd, contentEnd: closeAt };
}

/**
 * Puts `element` among the root's children where `order` says it goes: before the first existing
 * child that comes later in the order, else at the end. A root written as "<x/>" is opened first.
 */
export function insertChild(xml: string, element: string, name: string, order: readonly string[]): string {
  const root = rootElement(xml);
  if (root.contentStart === root.contentEnd && xml[root.startTag.end - 2] === "/") {
    const open = xml.slice(root.startTag.start, root.startTag.end - 2).replace(/\s*$/, "");
    const qualified = `${root.prefix}${root.name}`;
    return `${xml.slice(0, root.startTag.start)}${open}>${element}</${qualified}>${xml.slice(root.startTag.end)}`;
  }
  const rank = order.indexOf(name);
  const children = childElements(xml, root.contentStart, root.contentEnd);
  const before = children.find((child) => order.indexOf(child.name) > rank);
  const at = before ? before.start : root.contentEnd;
  return xml.slice(0, at) + element + xml.slice(at);
}

/** The first root child named `name`, or null. */
export function findChild(xml: string, name: string): ElementSpan | null {
  const root = rootElement(xml);
  return childElements(xml, root.contentStart, root.contentEnd).find((child) => child.name === name) ?? null;
}

/** The content range of an element span that is not self-closing; null for "<x/>". */
export function contentOf(xml: string, span: ElementSpan): { start: number; end: number } | null {
  const startTagEnd = tagEnd(xml, span.start);
  if (xml[startTagEnd - 1] === "/") return null;
  return { start: startTagEnd + 1, end: xml.lastIndexOf("<", span.end - 1) };
}
