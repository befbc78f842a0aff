/**
 * PersonIndex finds a person's first row without making a key string for most rows: it must match
 * people exactly as a Map keyed by personKey would, for every kind of ID and name.
 */
import fc from "fast-check";
import { PersonIndex, personKey } from "../../src/engine/person-index";

/** What PersonIndex must give, row by row: the first row with the same key, or -1. */
function byMap(texts: string[], kind: "id" | "name"): number[] {
  const first = new Map<string, number>();
  return texts.map((text, row) => {
    const key = personKey(text, kind);
    const seen = first.get(key);
    if (seen !== undefined) return seen;
    first.set(key, row);
    return -1;
  });
}

function byIndex(texts: string[], kind: "id" | "name"): number[] {
  const index = new PersonIndex(texts.length, kind);
  return texts.map((text, row) => index.firstRow(index.entryFor(text), row));
}

/** Characters IDs and names are made of, and the ones that trip up matching: case, spaces, accents. */
const CHARACTERS = [..."aAbBzZ019 -'_.\t\u00a0\u00e9\u00c9\u0130\u00df\u3000"];

describe("PersonIndex", () => {
  it("matches staff IDs ignoring case and spaces at the ends", () => {
    const texts = ["PCN000123", "pcn000123", " PCN000123 ", "PCN 000123", "PCN000124", "pcn 000123"];
    expect(byIndex(texts, "id")).toEqual([-1, 0, 0, -1, -1, 3]);
  });

  it("matches names ignoring case and how many spaces are between words", () => {
    const texts = ["Hannah Whitcombe", "HANNAH  WHITCOMBE", "hannah\twhitcombe ", "Hannah Whitcombe-Pryce", "Ní Bhriain", "NÍ BHRIAIN"];
    expect(byIndex(texts, "name")).toEqual([-1, 0, 0, -1, -1, 4]);
  });

  it("gives blank text no entry", () => {
    const index = new PersonIndex(4, "name");
    expect(index.entryFor("")).toBe("");
    expect(index.entryFor(" \t ")).toBe("");
    expect(index.entryFor("A")).toBe("A");
  });

  it("agrees with a Map of personKey on random IDs and names, many of them repeated", () => {
    const text = fc.array(fc.constantFrom(...CHARACTERS), { minLength: 1, maxLength: 8 }).map((chars) => chars.join(""));
    fc.assert(fc.property(fc.array(text, { minLength: 1, maxLength: 40 }), fc.constantFrom("id" as const, "name" as const), (pool, kind) => {
      // Each text used a few times over, in another case now and then, as rosters repeat people.
      const texts = [...pool, ...pool.map((t, i) => (i % 2 ? t.toUpperCase() : t))].filter((t) => personKey(t, kind) !== "");
      expect(byIndex(texts, kind)).toEqual(byMap(texts, kind));
    }), { numRuns: 2000 });
  });

  it("holds 100,000 people, each found again on a second row", () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => `PCN${String(i).padStart(6, "0")}`);
    const texts = [...ids, ...ids.map((id) => id.toLowerCase())];
    const rows = byIndex(texts, "id");
    expect(rows.slice(0, 50_000).every((r) => r === -1)).toBe(true);
    expect(rows.slice(50_000).every((r, i) => r === i)).toBe(true);
  });
});
