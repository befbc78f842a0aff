/**
 * The one XML scanner of the xlsx adapter: a forward-only walk over the tags of a part, used by every
 * reader (sheets, shared strings, styles, the workbook part, relationships, content types) and by
 * the editors to find the elements they change. It keeps positions into the part's text rather than
 * making an object or a substring per tag, because a 100,000-row sheet part has millions of tags and
 * is read in one pass.
 *
 * Element names are matched on their local part (after any "x:" prefix): ECMA-376 parts may bind the
 * SpreadsheetML namespace to any prefix, and some writers (the Open XML SDK among them) use "x:".
 *
 * Its limits: a part is never longer than the zip layer let through (file-limits.ts); a document
 * type declaration is refused (a PackageError), since Excel never writes one and its internal
 * subset is how entity expansion ("a billion laughs") and external entities come in; only XML's own
 * five entities and character references are decoded.
 */
import { PackageError } from "./part-error";
import { decodeEntities, decodeOoxmlEscapes } from "./xml";

const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
const QUOTE = 0x22;
const APOS = 0x27;
const BANG = 0x21;
const EQUALS = 0x3d;
const QUESTION = 0x3f;

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

export class TagScanner {
  /** Where the next search for a tag starts. */
  pos: number;
  /** "<" of the current tag. */
  tagStart = -1;
  /** Just after the current tag's ">". */
  tagEnd = -1;
  /** The local name of the current tag: [nameStart, nameEnd). */
  nameStart = -1;
  nameEnd = -1;
  /** "</name>" */
  closing = false;
  /** "<name/>" */
  selfClosing = false;
  /** Whether the current tag ends with its ">" within the range (not cut off at its end). */
  complete = false;
  /** Set by attributeAt: the end of the value it found. */
  valueEnd = -1;
  /**
   * Where the value of the current tag's attribute r, s or t starts and ends; -1 if it has none.
   * Noted while next() looks for the tag's end, so a cell's three attributes cost no second pass.
   */
  r = -1;
  rEnd = -1;
  s = -1;
  sEnd = -1;
  t = -1;
  tEnd = -1;

  constructor(readonly xml: string, from = 0, readonly to = xml.length) {
    this.pos = from;
  }

  /**
   * Moves to the next element tag (start, end or empty-element tag), skipping comments, processing
   * instructions, CDATA sections and declarations; false at the end of the range.
   */
  next(): boolean {
    const xml = this.xml;
    for (;;) {
      const lt = xml.indexOf("<", this.pos);
      if (lt === -1 || lt >= this.to) {
        this.pos = this.to;
        return false;
      }
      const first = xml.charCodeAt(lt + 1);
      if (first === BANG || first === QUESTION) {
        this.pos = skipMarkup(xml, lt);
        continue;
      }
      this.tagStart = lt;
      this.closing = first === SLASH;
      let i = this.closing ? lt + 2 : lt + 1;
      let localStart = i;
      for (let code = xml.charCodeAt(i); i < xml.length && !isSpace(code) && code !== GT && code !== SLASH; code = xml.charCodeAt(++i)) {
        if (code === COLON) localStart = i + 1;
      }
      this.nameStart = localStart;
      this.nameEnd = i;
      // The ">" that ends the tag, stepping over its attributes (XML allows ">" in their values).
      // On the way, note where the values of r, s and t are, the attributes every <row> and <c>
      // has (see noteShortAttribute). Plain loops rather than indexOf: a sheet has millions of tags
      // and their names and values are a few characters long, shorter than indexOf's call costs.
      this.r = this.s = this.t = -1;
      const length = xml.length;
      for (;;) {
        let code = xml.charCodeAt(i);
        while (isSpace(code)) code = xml.charCodeAt(++i);
        if (code === GT || i >= length) break;
        if (code === SLASH) {
          i += 1;
          continue;
        }
        // An attribute: name, "=", quoted value.
        let eq = i;
        while (eq < length && (code = xml.charCodeAt(eq)) !== EQUALS && code !== GT) eq += 1;
        let quoteAt = eq + 1;
        while (isSpace(xml.charCodeAt(quoteAt))) quoteAt += 1;
        const quote = xml.charCodeAt(quoteAt);
        if (code !== EQUALS || (quote !== QUOTE && quote !== APOS)) {
          // Not well-formed; end the tag at the next ">".
          const gt = xml.indexOf(">", i);
          i = gt === -1 ? length : gt;
          break;
        }
        let close = quoteAt + 1;
        while (close < length && xml.charCodeAt(close) !== quote) close += 1;
        if (close >= length) {
          i = length;
          break;
        }
        this.noteShortAttribute(eq, quoteAt, close);
        i = close + 1;
      }
      this.complete = i < length && xml.charCodeAt(i) === GT;
      this.selfClosing = !this.closing && xml.charCodeAt(i - 1) === SLASH;
      this.tagEnd = Math.min(i + 1, xml.length);
      this.pos = this.tagEnd;
      return true;
    }
  }

  /**
   * If the attribute whose "=" is at `eq` (value quoted from quoteAt to close) is named r, s or t,
   * notes where its value is. The name is the letter before the "=" (spaces allowed between),
   * with a space before it, so "xr:r" or "spans" do not count.
   */
  private noteShortAttribute(eq: number, quoteAt: number, close: number): void {
    const xml = this.xml;
    let i = eq - 1;
    while (isSpace(xml.charCodeAt(i))) i -= 1;
    if (!isSpace(xml.charCodeAt(i - 1))) return;
    const name = xml.charCodeAt(i);
    if (name === 0x72) {
      this.r = quoteAt + 1;
      this.rEnd = close;
    } else if (name === 0x73) {
      this.s = quoteAt + 1;
      this.sEnd = close;
    } else if (name === 0x74) {
      this.t = quoteAt + 1;
      this.tEnd = close;
    }
  }

  /** Whether the current tag's local name is `name`. */
  is(name: string): boolean {
    return this.nameEnd - this.nameStart === name.length && this.xml.startsWith(name, this.nameStart);
  }

  /**
   * Where the value of attribute `name` (unprefixed, exact) starts on the current start tag, with
   * its end in valueEnd; -1 if the tag has no such attribute.
   */
  attributeAt(name: string): number {
    const xml = this.xml;
    const end = this.tagEnd;
    let i = this.nameEnd;
    while (i < end) {
      let code = xml.charCodeAt(i);
      if (isSpace(code)) {
        i += 1;
        continue;
      }
      if (code === GT || code === SLASH) return -1;
      const attrStart = i;
      while (i < end && (code = xml.charCodeAt(i)) !== 0x3d && !isSpace(code) && code !== GT) i += 1;
      const attrEnd = i;
      while (i < end && xml.charCodeAt(i) !== 0x3d) i += 1;
      i += 1;
      while (i < end && isSpace(xml.charCodeAt(i))) i += 1;
      const quote = xml.charCodeAt(i);
      if (quote !== QUOTE && quote !== APOS) return -1;
      const close = xml.indexOf(quote === QUOTE ? '"' : "'", i + 1);
      if (close === -1 || close >= end) return -1;
      if (attrEnd - attrStart === name.length && xml.startsWith(name, attrStart)) {
        this.valueEnd = close;
        return i + 1;
      }
      i = close + 1;
    }
    return -1;
  }

  /** Every attribute of the current start tag, in order: its name as written and its raw (undecoded) value. */
  attributes(): [string, string][] {
    const out: [string, string][] = [];
    const xml = this.xml;
    let i = this.nameEnd;
    for (;;) {
      while (i < this.tagEnd && isSpace(xml.charCodeAt(i))) i += 1;
      const eq = xml.indexOf("=", i);
      if (eq === -1 || eq >= this.tagEnd) return out;
      const name = xml.slice(i, eq).trim();
      const start = this.attributeAt(name);
      if (start === -1) return out;
      out.push([name, xml.slice(start, this.valueEnd)]);
      i = this.valueEnd + 1;
    }
  }

  /** The decoded value of attribute `name` on the current start tag; null if absent. */
  attribute(name: string): string | null {
    const start = this.attributeAt(name);
    return start === -1 ? null : decodeEntities(this.xml.slice(start, this.valueEnd));
  }

  /**
   * The character data right after the current start tag, up to its first child or end tag, as raw
   * XML text (for xmlText to decode): comments and processing instructions left out and CDATA
   * sections escaped, so that text either side of a comment, or in CDATA, is all kept. Empty for an
   * empty-element tag.
   */
  rawText(): string {
    if (this.selfClosing) return "";
    const xml = this.xml;
    let at = this.tagEnd;
    let text = "";
    for (;;) {
      const lt = xml.indexOf("<", at);
      const end = lt === -1 || lt > this.to ? this.to : lt;
      // Nearly always the whole text: one slice, nothing joined.
      if (text === "" && (end === this.to || !isMarkupInText(xml, lt))) return xml.slice(at, end);
      text += xml.slice(at, end);
      if (end === this.to || !isMarkupInText(xml, lt)) return text;
      if (xml.startsWith("<![CDATA[", lt)) {
        const close = xml.indexOf("]]>", lt + 9);
        const stop = close === -1 ? this.to : close;
        text += xml.slice(lt + 9, stop).replace(/&/g, "&amp;").replace(/</g, "&lt;");
        at = close === -1 ? this.to : close + 3;
      } else {
        at = skipMarkup(xml, lt);
      }
    }
  }

  /** Moves past the end of the current element, whatever it holds. */
  skipElement(): void {
    if (this.selfClosing || this.closing) return;
    let depth = 1;
    while (depth > 0 && this.next()) {
      if (this.closing) depth -= 1;
      else if (!this.selfClosing) depth += 1;
    }
  }
}

/** Calls `use` on each start or empty-element tag whose local name is `name`, in order. */
export function eachStartTag(xml: string, name: string, use: (scan: TagScanner) => void): void {
  const scan = new TagScanner(xml);
  while (scan.next()) if (!scan.closing && scan.is(name)) use(scan);
}

/**
 * `xml` with each element whose local name is `name` changed: `change` gets its start tag and gives
 * a new one, or null to remove the whole element. Everything else is kept as it was.
 */
export function mapElements(xml: string, name: string, change: (startTag: string) => string | null): string {
  const scan = new TagScanner(xml);
  const out: string[] = [];
  let last = 0;
  while (scan.next()) {
    if (scan.closing || !scan.is(name)) continue;
    const start = scan.tagStart;
    const startEnd = scan.tagEnd;
    const next = change(xml.slice(start, startEnd));
    out.push(xml.slice(last, start));
    if (next === null) {
      scan.skipElement();
      last = scan.tagEnd;
    } else {
      out.push(next);
      last = startEnd;
    }
  }
  out.push(xml.slice(last));
  return out.join("");
}

/** The value of attribute `name` (exact, prefix included) on a start tag's text ("<c r=\"A1\" t=\"s\">"), decoded; null if absent. */
export function attribute(tag: string, name: string): string | null {
  const scan = new TagScanner(tag);
  return scan.next() && !scan.closing ? scan.attribute(name) : null;
}

/** A comment, processing instruction or CDATA section: markup that may sit inside an element's text. */
function isMarkupInText(xml: string, lt: number): boolean {
  return xml.startsWith("<!--", lt) || xml.startsWith("<![CDATA[", lt) || xml.charCodeAt(lt + 1) === QUESTION;
}

/**
 * Just past a comment, processing instruction or CDATA section starting at `lt`. Any other
 * declaration is a document type declaration (or not XML), which is refused.
 */
function skipMarkup(xml: string, lt: number): number {
  // The text may end part way into "<!--" or "<![CDATA[" (a piece of a part read in pieces).
  const head = xml.slice(lt, lt + 9);
  if (head.length < 9 && ("<!--".startsWith(head) || "<![CDATA[".startsWith(head))) return xml.length;
  if (xml.charCodeAt(lt + 1) === BANG && !xml.startsWith("<!--", lt) && !xml.startsWith("<![CDATA[", lt)) {
    throw new PackageError(xml.startsWith("<!DOCTYPE", lt)
      ? "one of its parts has a document type declaration (DOCTYPE), which Excel never writes"
      : "one of its parts is not XML");
  }
  const close = xml.startsWith("<!--", lt) ? "-->" : xml.startsWith("<![CDATA[", lt) ? "]]>" : xml.charCodeAt(lt + 1) === QUESTION ? "?>" : ">";
  const end = xml.indexOf(close, lt + 2);
  return end === -1 ? xml.length : end + close.length;
}

/**
 * A text node's characters: line ends normalised first (XML 1.0 §2.11 turns a literal CR LF or CR
 * into LF, while "&#13;" stays a CR), then entities, then OOXML's _xHHHH_ escapes (ECMA-376 Part 1,
 * 22.9.2.19).
 */
export function xmlText(raw: string): string {
  const text = raw.indexOf("\r") === -1 ? raw : raw.replace(/\r\n?/g, "\n");
  return decodeOoxmlEscapes(decodeEntities(text));
}

/** The same for a value where OOXML escapes do not apply (numbers, error codes, formats). */
export function xmlPlainText(raw: string): string {
  return decodeEntities(raw.indexOf("\r") === -1 ? raw : raw.replace(/\r\n?/g, "\n"));
}
