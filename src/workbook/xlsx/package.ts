/**
 * An .xlsx file as the zip of parts it is (ECMA-376 Part 2, Open Packaging Conventions): parts are
 * read on demand, changed ones replaced, and on saving every part the tool did not change is copied
 * byte for byte, still compressed. So whatever the workbook holds that this tool knows nothing
 * about (charts, pivot tables, macros, slicers, comments, another program's extensions) is kept.
 */
import { MAX_PART_BYTES } from "../file-limits";
import { PackageError } from "./part-error";
import { eachEntryPiece, entryBytes, newEntry, readZip, writeZip, ZipError, type ZipEntry } from "./zip";
import { insertChild, rootElement } from "./elements";
import { attribute, mapElements, TagScanner } from "./tag-scanner";
import { escapeXml } from "./xml";

export { PackageError };

export const RELATIONSHIP_TYPES = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
} as const;

/** Strict Open XML (ISO 29500 Strict) uses other namespaces for the same relationships. */
const STRICT_RELATIONSHIPS = "http://purl.oclc.org/ooxml/officeDocument/relationships/";

export const WORKSHEET_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const STYLES_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/** SpreadsheetML's main namespace, and the one its r:id attributes are in. */
export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface Relationship {
  id: string;
  type: string;
  /** The part it points at, as a zip path ("xl/worksheets/sheet1.xml"); the raw target if external. */
  path: string;
  external: boolean;
}

export class XlsxPackage {
  /** New text of changed parts, in pieces: a large sheet is never joined into one string. */
  private readonly changed = new Map<string, PartText>();
  private readonly removed = new Set<string>();
  /** Entries by lower-cased name: part names are case-insensitive in OPC (Part 2, 9.1.1.1). */
  private readonly byName: Map<string, ZipEntry>;

  private constructor(private entries: ZipEntry[]) {
    this.byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  }

  static async open(bytes: Uint8Array): Promise<XlsxPackage> {
    try {
      return new XlsxPackage(readZip(bytes));
    } catch (error) {
      if (error instanceof ZipError) throw new PackageError(error.message);
      throw error;
    }
  }

  has(path: string): boolean {
    if (this.removed.has(path)) return false;
    return this.changed.has(path) || this.findEntry(path) !== null;
  }

  /** The part's size before compression, as the zip records it (without decompressing it). */
  uncompressedSize(path: string): number | null {
    return this.findEntry(path)?.uncompressedSize ?? null;
  }

  /**
   * A part's bytes, inflated within bounds (see entryBytes): refused with a ZipLimitError, unread,
   * when the zip records it as larger than `limit` or it is compressed as only a bomb is; a part
   * that turns out damaged is a PackageError. Every part the adapter reads comes through here.
   */
  async bytes(path: string, limit = MAX_PART_BYTES): Promise<Uint8Array | null> {
    if (this.removed.has(path)) return null;
    const text = this.changed.get(path);
    if (text !== undefined) return new TextEncoder().encode(joined(text));
    const entry = this.findEntry(path);
    if (!entry) return null;
    try {
      return await entryBytes(entry, limit);
    } catch (error) {
      if (error instanceof ZipError) throw new PackageError(error.message);
      throw error;
    }
  }

  /**
   * A part's bytes handed to `use` piece by piece as they are inflated, never joined, within the
   * same bounds as bytes(); false if there is no such part.
   */
  async eachPiece(path: string, limit: number, use: (piece: Uint8Array) => void): Promise<boolean> {
    if (this.removed.has(path)) return false;
    const text = this.changed.get(path);
    if (text !== undefined) {
      use(new TextEncoder().encode(joined(text)));
      return true;
    }
    const entry = this.findEntry(path);
    if (!entry) return false;
    try {
      await eachEntryPiece(entry, limit, use);
    } catch (error) {
      if (error instanceof ZipError) throw new PackageError(error.message);
      throw error;
    }
    return true;
  }

  async text(path: string, limit = MAX_PART_BYTES): Promise<string | null> {
    if (this.removed.has(path)) return null;
    const text = this.changed.get(path);
    if (text !== undefined) return joined(text);
    const bytes = await this.bytes(path, limit);
    return bytes === null ? null : decodeUtf(bytes);
  }

  set(path: string, text: PartText): void {
    this.removed.delete(path);
    this.changed.set(path, text);
  }

  remove(path: string): void {
    this.changed.delete(path);
    this.removed.add(path);
  }

  /** Paths of every part (changes included), for finding a free name. */
  paths(): string[] {
    const all = new Set([...this.entries.map((e) => e.name), ...this.changed.keys()]);
    return [...all].filter((p) => !this.removed.has(p) && !p.endsWith("/"));
  }

  /**
   * The package as a zip. Unchanged parts keep their compressed bytes; changed and new ones are
   * deflated. Parts keep their order, new ones go at the end.
   */
  async toBytes(): Promise<Uint8Array> {
    const out: ZipEntry[] = [];
    const written = new Set<string>();
    for (const entry of this.entries) {
      const key = entry.name.toLowerCase();
      const path = [...this.changed.keys()].find((p) => p.toLowerCase() === key);
      const removed = [...this.removed].some((p) => p.toLowerCase() === key);
      if (removed && path === undefined) continue;
      out.push(path === undefined ? entry : await newEntry(entry.name, pieces(this.changed.get(path)!)));
      if (path !== undefined) written.add(path);
    }
    for (const [path, text] of this.changed) {
      if (!written.has(path)) out.push(await newEntry(path, pieces(text)));
    }
    // The saved package becomes the one this object reads from.
    this.entries = out;
    this.byName.clear();
    for (const e of out) this.byName.set(e.name.toLowerCase(), e);
    this.changed.clear();
    this.removed.clear();
    try {
      return writeZip(out);
    } catch (error) {
      if (error instanceof ZipError) throw new PackageError(error.message);
      throw error;
    }
  }

  private findEntry(path: string): ZipEntry | null {
    return this.byName.get(path.toLowerCase()) ?? null;
  }

  // ---- relationships and content types -------------------------------------------------------

  /** The relationships of a part (from its _rels/NAME.rels), in file order; empty if it has none. */
  async relationships(source: string): Promise<Relationship[]> {
    const xml = await this.text(relsPathOf(source));
    if (xml === null) return [];
    return parseRelationships(xml, source);
  }

  /** The workbook part, from the package's own relationships (it may not exist: check with has). */
  async workbookPath(): Promise<string> {
    const rels = await this.relationships("");
    const main = rels.find((r) => sameRelationshipType(r.type, RELATIONSHIP_TYPES.officeDocument));
    return main ? main.path : "xl/workbook.xml";
  }

  /** A part path that does not exist yet: "xl/worksheets/sheet" + n + ".xml". */
  freePath(prefix: string, suffix: string, alsoTaken: readonly string[] = []): string {
    const taken = new Set([...this.paths(), ...alsoTaken].map((p) => p.toLowerCase()));
    let n = 1;
    while (taken.has(`${prefix}${n}${suffix}`.toLowerCase())) n += 1;
    return `${prefix}${n}${suffix}`;
  }
}

/**
 * Changes to a package, all worked out before any is made: each one reads the parts as the changes
 * before it left them, and the package itself changes only in apply(), which cannot fail. So a step
 * that fails part way (a damaged part, a refused write) leaves the package exactly as it was, even
 * where the package stays open afterwards (the browser tab) and is written again or saved.
 */
export class PackageEdit {
  /** New text of each part changed, or null for a part removed; applied in this order. */
  private readonly parts = new Map<string, PartText | null>();

  constructor(private readonly pkg: XlsxPackage) {}

  async text(path: string): Promise<string | null> {
    if (!this.parts.has(path)) return this.pkg.text(path);
    const text = this.parts.get(path)!;
    return text === null ? null : joined(text);
  }

  set(path: string, text: PartText): void {
    this.parts.set(path, text);
  }

  remove(path: string): void {
    this.parts.set(path, null);
  }

  async relationships(source: string): Promise<Relationship[]> {
    const xml = await this.text(relsPathOf(source));
    return xml === null ? [] : parseRelationships(xml, source);
  }

  /**
   * A part path free in the package as this edit leaves it: `prefix` + n + `suffix`, lowest n first.
   * A part removed in this edit is free again, so a rerun that replaces its own parts reuses their names.
   */
  freePath(prefix: string, suffix: string): string {
    const taken = new Set(this.pkg.paths().map((p) => p.toLowerCase()));
    for (const [path, text] of this.parts) {
      if (text === null) taken.delete(path.toLowerCase());
      else taken.add(path.toLowerCase());
    }
    let n = 1;
    while (taken.has(`${prefix}${n}${suffix}`.toLowerCase())) n += 1;
    return `${prefix}${n}${suffix}`;
  }

  /** Adds a relationship from `source` to `target` (a zip path); returns its new id. */
  async addRelationship(source: string, type: string, target: string): Promise<string> {
    const relsPath = relsPathOf(source);
    const added = withRelationship(await this.text(relsPath), source, type, target);
    this.set(relsPath, added.xml);
    return added.id;
  }

  async removeRelationship(source: string, id: string): Promise<void> {
    const relsPath = relsPathOf(source);
    const xml = await this.text(relsPath);
    if (xml !== null) this.set(relsPath, withoutRelationship(xml, id));
  }

  /** Declares a part's content type by an Override, replacing any it had. */
  async setContentType(path: string, contentType: string): Promise<void> {
    await this.removeContentType(path);
    const xml = (await this.text(CONTENT_TYPES))!;
    this.set(CONTENT_TYPES, insertBeforeClose(xml, "Types", `<Override PartName="/${escapeXml(path)}" ContentType="${contentType}"/>`));
  }

  async removeContentType(path: string): Promise<void> {
    const xml = await this.text(CONTENT_TYPES);
    if (xml === null) throw new PackageError("a part every workbook has is missing ([Content_Types].xml)");
    const kept = withoutContentType(xml, path);
    if (kept !== xml) this.set(CONTENT_TYPES, kept);
  }

  /** Makes every change in the package, in the order they were made here. */
  apply(): void {
    for (const [path, text] of this.parts) {
      if (text === null) this.pkg.remove(path);
      else this.pkg.set(path, text);
    }
    this.parts.clear();
  }
}

export const CONTENT_TYPES = "[Content_Types].xml";

const EMPTY_RELATIONSHIPS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/**
 * A relationships part (null: there is none yet) with a relationship from `source` to `target` (a
 * zip path) added: its new text and the new relationship's id. Changes nothing.
 */
export function withRelationship(xml: string | null, source: string, type: string, target: string): { xml: string; id: string } {
  const text = xml ?? EMPTY_RELATIONSHIPS;
  const used = new Set(parseRelationships(text, source).map((r) => r.id));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n += 1;
  const id = `rId${n}`;
  const element = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(relativeTarget(source, target))}"/>`;
  return { xml: insertBeforeClose(text, "Relationships", element), id };
}

/** A relationships part without the relationship `id`. */
function withoutRelationship(xml: string, id: string): string {
  return mapElements(xml, "Relationship", (tag) => (attribute(tag, "Id") === id ? null : tag));
}

/** The content types part without an Override for the part at `path`. */
function withoutContentType(xml: string, path: string): string {
  const partName = `/${path}`.toLowerCase();
  return mapElements(xml, "Override", (tag) => ((attribute(tag, "PartName") ?? "").toLowerCase() === partName ? null : tag));
}

/** A part's text: one string, or pieces to be written one after another. */
export type PartText = string | readonly string[];

const joined = (text: PartText): string => (typeof text === "string" ? text : text.join(""));
const pieces = (text: PartText): readonly string[] => (typeof text === "string" ? [text] : text);

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPathOf(source: string): string {
  const slash = source.lastIndexOf("/");
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

function parseRelationships(xml: string, source: string): Relationship[] {
  const out: Relationship[] = [];
  const scan = new TagScanner(xml);
  while (scan.next()) {
    if (scan.closing || !scan.is("Relationship")) continue;
    const id = scan.attribute("Id");
    const type = scan.attribute("Type");
    const target = scan.attribute("Target");
    if (id === null || type === null || target === null) continue;
    const external = scan.attribute("TargetMode") === "External";
    out.push({ id, type, path: external ? target : resolveTarget(source, target), external });
  }
  return out;
}

/** The content type the package's [Content_Types].xml gives a part by an Override (lower case), or null. */
export function overriddenContentType(contentTypesXml: string, path: string): string | null {
  const partName = `/${path}`.toLowerCase();
  const scan = new TagScanner(contentTypesXml);
  while (scan.next()) {
    if (!scan.closing && scan.is("Override") && (scan.attribute("PartName") ?? "").toLowerCase() === partName) return (scan.attribute("ContentType") ?? "").toLowerCase();
  }
  return null;
}

export function sameRelationshipType(type: string, wanted: string): boolean {
  if (type === wanted) return true;
  const name = wanted.slice(wanted.lastIndexOf("/") + 1);
  return type.startsWith(STRICT_RELATIONSHIPS) && type.slice(type.lastIndexOf("/") + 1) === name;
}

/** A relationship target, relative to its source part's folder or absolute ("/xl/..."), as a zip path. */
function resolveTarget(source: string, target: string): string {
  const clean = decodeURIComponentSafe(target.split("#")[0]);
  const base = clean.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const piece of clean.split("/")) {
    if (piece === "" || piece === ".") continue;
    if (piece === "..") base.pop();
    else base.push(piece);
  }
  return base.join("/");
}

/** The target to write in `source`'s relationships for the part at `path`. */
function relativeTarget(source: string, path: string): string {
  const from = source.split("/").slice(0, -1);
  const to = path.split("/");
  let same = 0;
  while (same < from.length && same < to.length - 1 && from[same] === to[same]) same += 1;
  return [...from.slice(same).map(() => ".."), ...to.slice(same)].join("/");
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Inserts `element` just before the closing tag of the root element `name` (any prefix); handles "<Name/>". */
function insertBeforeClose(xml: string, name: string, element: string): string {
  const root = rootElement(xml);
  const closed = root.contentEnd >= root.contentStart && xml.startsWith(`</${root.prefix}${root.name}`, root.contentEnd);
  if (root.name !== name || (!closed && xml.charCodeAt(root.startTag.end - 2) !== 0x2f)) {
    throw new PackageError(`part of it is not laid out as Excel saves it (its ${name} part)`);
  }
  return insertChild(xml, element, name, []);
}

/** Parts are UTF-8 (or UTF-16 with a byte-order mark, which OPC also allows). */
export function decodeUtf(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes);
}
