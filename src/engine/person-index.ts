/**
 * The first row of each person, by staff ID or by name, for the check for people on several rows
 * (duplicates.ts). Two IDs or two names are the same person when they match ignoring case, spaces at
 * either end, and (names only) how many spaces there are between words: `personKey` says exactly.
 *
 * Why not a Map of those keys: at 100,000 rows, making the lower-cased key of every row, hashing it
 * and finding it in a Map of 100,000 strings was a tenth of the engine's time, most of it waiting on
 * memory. Here a key that is already plain (printable ASCII, single spaces between words, none at the
 * ends: nearly every staff ID and name) is hashed and compared as it stands, ignoring ASCII case, and
 * only the rest are turned into a key string first. The table is one array of row numbers and one of
 * hashes, so most look-ups touch no string at all.
 */

import { keepHiddenClassOf } from "./keep-alive";

/** How two IDs or names are matched: case and spaces at the ends ignored, and for names runs of spaces counted as one. */
export function personKey(text: string, kind: "id" | "name"): string {
  const key = text.trim().toLowerCase();
  return kind === "name" ? key.replace(/\s+/g, " ") : key;
}

/**
 * Text that is its own key but for ASCII case: printable ASCII, no space at either end, no two spaces
 * together. Such text is unchanged by `personKey` except that A–Z become a–z.
 */
function isPlain(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === last || text.charCodeAt(i - 1) === 32) return false;
    } else if (c < 33 || c > 126) return false;
  }
  return true;
}

/** A–Z as a–z; every other character as it is. */
function foldCase(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** FNV-1a over the characters with ASCII case folded: the same for plain text and its key. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ foldCase(text.charCodeAt(i)), 0x01000193);
  return hash | 0;
}

function sameIgnoringAsciiCase(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (foldCase(a.charCodeAt(i)) !== foldCase(b.charCodeAt(i))) return false;
  return true;
}

/**
 * The first of up to `capacity` rows noted under each key: an open-addressing hash table (linear
 * probing, at most half full) of entries, each the text of the first row under its key, plain or
 * already a key (see isPlain), so two entries are the same key exactly when they match ignoring ASCII
 * case.
 */
export class PersonIndex {
  private readonly kind: "id" | "name";
  /**
   * Two numbers per slot, side by side so that a look-up reads one place in memory: the number of
   * the entry there plus one (0: empty), and the hash of its entry, so that a different key is mostly
   * told apart without reading its text.
   */
  private readonly slots: Int32Array;
  /** Per entry: its text, and the row noted under it. */
  private readonly texts: string[] = [];
  private readonly rows: number[] = [];
  private readonly mask: number;

  constructor(capacity: number, kind: "id" | "name") {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.kind = kind;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
  }

  /** An ID or name as the index takes it: itself when plain, else its key; "" when it is blank. */
  entryFor(text: string): string {
    return isPlain(text) ? text : personKey(text, this.kind);
  }

  /**
   * Notes `row` under an entry (entryFor, not blank) unless a row is noted under its key already:
   * returns that first row, or -1 when `row` is the first.
   */
  firstRow(entry: string, row: number): number {
    const hash = hashOf(entry);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const noted = this.slots[2 * slot] - 1;
      if (noted < 0) {
        this.slots[2 * slot] = this.texts.length + 1;
        this.slots[2 * slot + 1] = hash;
        this.texts.push(entry);
        this.rows.push(row);
        return -1;
      }
      if (this.slots[2 * slot + 1] === hash && sameIgnoringAsciiCase(this.texts[noted], entry)) return this.rows[noted];
    }
  }
}

// A live example, so that the hidden class of an index outlives each check (see keep-alive.ts).
keepHiddenClassOf(new PersonIndex(0, "id"));
