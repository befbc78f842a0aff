/**
 * The little XML this adapter writes and decodes: escaping text and attributes, and decoding entities
 * and OOXML's own escapes. Reading is tag-scanner.ts's: workbook parts are machine-written XML
 * (ECMA-376), so a full parser is not needed to find elements, and every editor here keeps the text
 * it does not understand as it was.
 */

/**
 * Characters XML 1.0 cannot hold at all (most C0 controls). OOXML writes them as "_xHHHH_" in
 * strings (ECMA-376 Part 1, 22.9.2.19 ST_Xstring); a literal "_x" + 4 hex digits + "_" is itself
 * escaped as "_x005F_" + the rest, so it reads back unchanged.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LOOKS_ESCAPED = /_(x[0-9A-Fa-f]{4}_)/g;

/** Text for an element's content or an attribute value, escaped for XML and for OOXML's _xHHHH_. */
export function escapeXml(text: string): string {
  return text
    .replace(LOOKS_ESCAPED, "_x005F_$1")
    .replace(NOT_XML, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML entities (named, decimal, hex) back to text. Leaves OOXML's _xHHHH_ escapes alone. */
export function decodeEntities(text: string): string {
  if (text.indexOf("&") === -1) return text;
  return text.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (whole, body: string) => {
    if (body[0] !== "#") return NAMED[body];
    const code = body[1] === "x" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** OOXML's _xHHHH_ escapes in a string's text back to their characters (after decodeEntities). */
export function decodeOoxmlEscapes(text: string): string {
  if (text.indexOf("_x") === -1) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
