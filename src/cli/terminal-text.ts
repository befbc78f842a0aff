/**
 * Text from a roster on its way to a terminal. A cell can hold anything, including the escape
 * character (a workbook writes it as "_x001B_", which the reader decodes): printed raw, it could set
 * the terminal's title, clear the screen or hide text, and a line break inside a role could forge a
 * finding line in the summary. So every control character (C0, DEL, C1) and every Unicode bidi
 * override, isolate or mark (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C, which reorder what
 * is shown) is printed as an
 * escape, and a line break inside a value as "⏎", so that roster text never starts a line of its own.
 * The workbook the tool writes keeps the text as typed: cells are not a terminal.
 */

// eslint-disable-next-line no-control-regex
const LINE_BREAK = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** "\x1b", "\t", "\u202e": how a character that must not reach the terminal raw is shown. */
function escaped(ch: string): string {
  if (ch === "\t") return "\\t";
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** One line's worth of text, safe to print: line breaks as "⏎", other controls and bidi overrides escaped. */
export function forTerminal(text: string): string {
  return text.replace(LINE_BREAK, "⏎").replace(CONTROL, escaped);
}

/**
 * A JSON document, safe to print. JSON.stringify escapes C0 controls and line feeds already, but
 * leaves DEL, the C1 controls, U+2028, U+2029 and the bidi overrides raw; they are written here as
 * \u escapes, which any JSON reader reads back as the same characters (they only occur inside strings).
 */
export function jsonForTerminal(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
