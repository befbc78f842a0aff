/**
 * The workbook part (xl/workbook.xml): its sheets in tab order, the defined names, and the view's
 * active tab. Edits are made on the text, element by element, so everything else in the part
 * (calculation settings, pivot caches, another program's extensions) stays exactly as it was.
 */
import { attribute, mapElements, TagScanner } from "./tag-scanner";
import { decodeEntities, escapeXml } from "./xml";
import { childElements, contentOf, findChild, insertChild, rootElement, WORKBOOK_ORDER } from "./elements";
import { REL_NS } from "./package";

interface SheetEntry {
  name: string;
  sheetId: number;
  relationshipId: string;
  /** "hidden" or "veryHidden" for hidden sheets. */
  state: string | null;
}

const RELATIONSHIPS_NS = [REL_NS, "http://purl.oclc.org/ooxml/officeDocument/relationships"];

/** The prefix bound to the relationships namespace on the root ("r:" almost always). */
function relationshipPrefix(xml: string): string {
  const root = rootElement(xml);
  const scan = new TagScanner(xml, root.startTag.start);
  scan.next();
  for (const [name, value] of scan.attributes()) {
    if (name.startsWith("xmlns:") && RELATIONSHIPS_NS.includes(decodeEntities(value))) return `${name.slice(6)}:`;
  }
  return "r:";
}

function sheetElements(xml: string): { tag: string; start: number; end: number }[] {
  const sheets = findChild(xml, "sheets");
  if (!sheets) return [];
  const inner = contentOf(xml, sheets);
  if (!inner) return [];
  return childElements(xml, inner.start, inner.end)
    .filter((child) => child.name === "sheet")
    .map((child) => ({ tag: xml.slice(child.start, child.end), start: child.start, end: child.end }));
}

export function listSheets(xml: string): SheetEntry[] {
  const prefix = relationshipPrefix(xml);
  return sheetElements(xml).map(({ tag }) => ({
    name: attribute(tag, "name") ?? "",
    sheetId: Number(attribute(tag, "sheetId") ?? 0),
    relationshipId: attribute(tag, `${prefix.slice(0, -1)}:id`) ?? attribute(tag, "r:id") ?? "",
    state: attribute(tag, "state"),
  }));
}

/** Adds a sheet at the end of the tab order. */
export function addSheet(xml: string, name: string, relationshipId: string): string {
  const sheets = listSheets(xml);
  const sheetId = sheets.reduce((max, s) => Math.max(max, s.sheetId), 0) + 1;
  const element = `<${rootElement(xml).prefix}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${relationshipPrefix(xml)}id="${relationshipId}"/>`;
  const span = findChild(xml, "sheets");
  if (!span) return insertChild(xml, `<${rootElement(xml).prefix}sheets>${element}</${rootElement(xml).prefix}sheets>`, "sheets", WORKBOOK_ORDER);
  const inner = contentOf(xml, span);
  if (!inner) {
    const p = rootElement(xml).prefix;
    return `${xml.slice(0, span.start)}<${p}sheets>${element}</${p}sheets>${xml.slice(span.end)}`;
  }
  return xml.slice(0, inner.end) + element + xml.slice(inner.end);
}

/**
 * Removes the sheet at `index` (tab order). Names scoped to a sheet by its position (localSheetId)
 * are renumbered, and those scoped to the removed sheet go with it; the active and first visible
 * tabs keep pointing at the same sheets where they still exist.
 */
export function removeSheet(xml: string, index: number): string {
  const element = sheetElements(xml)[index];
  if (!element) return xml;
  let out = xml.slice(0, element.start) + xml.slice(element.end);
  out = mapDefinedNames(out, (tag, body) => {
    const local = attribute(tag, "localSheetId");
    if (local === null) return tag + body;
    const n = Number(local);
    if (n === index) return null;
    return n > index ? tag.replace(/localSheetId\s*=\s*["']\d+["']/, `localSheetId="${n - 1}"`) + body : tag + body;
  });
  const count = sheetElements(out).length;
  return mapBookViews(out, (view) => {
    let next = view;
    for (const key of ["activeTab", "firstSheet"]) {
      const value = attribute(next, key);
      if (value === null) continue;
      const n = Number(value);
      const moved = n > index ? n - 1 : n;
      next = next.replace(new RegExp(`${key}\\s*=\\s*["']\\d+["']`), `${key}="${Math.max(0, Math.min(moved, count - 1))}"`);
    }
    return next;
  });
}

export function activeTab(xml: string): number {
  let tab = 0;
  mapBookViews(xml, (view) => {
    tab = Number(attribute(view, "activeTab") ?? 0);
    return view;
  });
  return tab;
}

/** Applies `change` to each <workbookView> start tag. */
function mapBookViews(xml: string, change: (viewTag: string) => string): string {
  const views = findChild(xml, "bookViews");
  if (!views) return xml;
  const inner = contentOf(xml, views);
  if (!inner) return xml;
  const section = mapElements(xml.slice(inner.start, inner.end), "workbookView", change);
  return xml.slice(0, inner.start) + section + xml.slice(inner.end);
}

/**
 * Rewrites each <definedName> (its start tag and the rest of the element); returning null drops it.
 * The <definedNames> element goes when no name is left in it.
 */
function mapDefinedNames(xml: string, change: (startTag: string, rest: string) => string | null): string {
  const names = findChild(xml, "definedNames");
  if (!names) return xml;
  const inner = contentOf(xml, names);
  if (!inner) return xml.slice(0, names.start) + xml.slice(names.end);
  const children = childElements(xml, inner.start, inner.end);
  let kept = "";
  let last = inner.start;
  let left = 0;
  for (const child of children) {
    kept += xml.slice(last, child.start);
    last = child.end;
    const element = xml.slice(child.start, child.end);
    const tagEnd = element.indexOf(">") + 1;
    const next = child.name === "definedName" ? change(element.slice(0, tagEnd), element.slice(tagEnd)) : element;
    if (next !== null) {
      kept += next;
      left += 1;
    }
  }
  kept += xml.slice(last, inner.end);
  if (left === 0) return xml.slice(0, names.start) + xml.slice(names.end);
  return xml.slice(0, inner.start) + kept + xml.slice(inner.end);
}

/** The value of the workbook-level name (no localSheetId), or null. */
export function definedName(xml: string, name: string): string | null {
  let found: string | null = null;
  mapDefinedNames(xml, (tag, rest) => {
    if (attribute(tag, "localSheetId") === null && (attribute(tag, "name") ?? "").toLowerCase() === name.toLowerCase()) {
      found = rest.slice(0, rest.lastIndexOf("<"));
    }
    return tag + rest;
  });
  return found;
}

/** The workbook-level names (no localSheetId), as written. */
export function definedNames(xml: string): string[] {
  const names: string[] = [];
  mapDefinedNames(xml, (tag, rest) => {
    if (attribute(tag, "localSheetId") === null) names.push(attribute(tag, "name") ?? "");
    return tag + rest;
  });
  return names;
}

/** Sets (or with null removes) a workbook-level name, leaving every other name as it was. */
export function setDefinedName(xml: string, name: string, formula: string | null): string {
  let out = mapDefinedNames(xml, (tag, rest) => (
    attribute(tag, "localSheetId") === null && (attribute(tag, "name") ?? "").toLowerCase() === name.toLowerCase() ? null : tag + rest
  ));
  if (formula === null) return out;
  const p = rootElement(out).prefix;
  const element = `<${p}definedName name="${escapeXml(name)}">${escapeXml(formula)}</${p}definedName>`;
  const names = findChild(out, "definedNames");
  const inner = names ? contentOf(out, names) : null;
  if (names && inner) return out.slice(0, inner.end) + element + out.slice(inner.end);
  if (names) out = out.slice(0, names.start) + out.slice(names.end);
  return insertChild(out, `<${p}definedNames>${element}</${p}definedNames>`, "definedNames", WORKBOOK_ORDER);
}

/** Excel's name for a sheet's rows repeated at the top of each printed page. */
export const PRINT_TITLES = "_xlnm.Print_Titles";

/**
 * Sets (or with null removes) the Print_Titles name of the sheet called `sheetName` (a name scoped to
 * the sheet by its position, localSheetId), leaving every other name as it was.
 */
export function setPrintTitles(xml: string, sheetName: string, formula: string | null): string {
  const index = listSheets(xml).findIndex((entry) => entry.name.toLowerCase() === sheetName.toLowerCase());
  if (index === -1) return xml;
  let out = mapDefinedNames(xml, (tag, rest) => (
    attribute(tag, "localSheetId") === String(index) && (attribute(tag, "name") ?? "").toLowerCase() === PRINT_TITLES.toLowerCase() ? null : tag + rest
  ));
  if (formula === null) return out;
  const p = rootElement(out).prefix;
  const element = `<${p}definedName name="${PRINT_TITLES}" localSheetId="${index}">${escapeXml(formula)}</${p}definedName>`;
  const names = findChild(out, "definedNames");
  const inner = names ? contentOf(out, names) : null;
  if (names && inner) return out.slice(0, inner.end) + element + out.slice(inner.end);
  if (names) out = out.slice(0, names.start) + out.slice(names.end);
  return insertChild(out, `<${p}definedNames>${element}</${p}definedNames>`, "definedNames", WORKBOOK_ORDER);
}

/** A sheet name as a formula writes it: quoted, with quotes doubled. */
export function quotedSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
