/**
 * People on several rows (people.ts): one person is the same staff ID, or with none the same name,
 * matched ignoring case and spaces at either end (and, for names, how many spaces are between words).
 */
import fc from "fast-check";
import { checkRoster } from "../../src/engine";
import { personKey } from "../../src/engine/people";
import { makeRow } from "../helpers/rows";

const SETTINGS = { financialYear: "2025/26", listSize: 50000, weightedPopulation: 60000, region: "national" } as const;

/** Which rows get DUPLICATE_PERSON, each at 0.6 WTE in post all year (so any two together are above 1.0). */
function flagged(people: { staffId?: string | null; name?: string | null }[]): number[] {
  const rows = people.map((p, i) => makeRow({ rowNumber: i + 2, wte: 0.6, staffId: p.staffId ?? null, name: p.name ?? null }));
  const result = checkRoster({ rows, settings: SETTINGS });
  return result.staff.filter((s) => s.findings.some((f) => f.code === "DUPLICATE_PERSON")).map((s) => s.rowNumber);
}

describe("who is the same person", () => {
  test.each([
    ["staff IDs, ignoring case and spaces at the ends", [{ staffId: "PCN000123" }, { staffId: " pcn000123 " }, { staffId: "PCN 000123" }], [2, 3]],
    ["names, ignoring case and runs of spaces", [{ name: "Hannah Whitcombe" }, { name: "HANNAH  WHITCOMBE" }, { name: "Hannah Whitcombe-Pryce" }], [2, 3]],
    ["names with accents, by their lower case", [{ name: "Ní Bhriain" }, { name: "NÍ BHRIAIN" }], [2, 3]],
    ["an ID wins over a name: same name, different IDs", [{ staffId: "A1", name: "Sam Lee" }, { staffId: "B2", name: "Sam Lee" }], []],
    ["a row with an ID is not matched by name with a row without one", [{ staffId: "A1", name: "Sam Lee" }, { name: "Sam Lee" }], []],
    ["blank IDs and names match nobody", [{ staffId: "  ", name: "" }, { staffId: "", name: " " }], []],
  ])("%s", (_what, people, expected) => {
    expect(flagged(people)).toEqual(expected);
  });

  test("a person's rows are found wherever they are, as a Map of personKey would find them", () => {
    const characters = [..."aAbB01 -'\t\u00a0\u00e9\u00c9"];
    const text = fc.array(fc.constantFrom(...characters), { minLength: 1, maxLength: 6 }).map((chars) => chars.join(""));
    fc.assert(fc.property(fc.array(text, { minLength: 1, maxLength: 12 }), (names) => {
      const count = new Map<string, number>();
      for (const n of names) if (personKey(n, "name") !== "") count.set(personKey(n, "name"), (count.get(personKey(n, "name")) ?? 0) + 1);
      const expected = names.flatMap((n, i) => ((count.get(personKey(n, "name")) ?? 0) > 1 ? [i + 2] : []));
      expect(flagged(names.map((name) => ({ name })))).toEqual(expected);
    }), { numRuns: 300 });
  });
});

describe("above 1.0 WTE at the same time", () => {
  test("two rows that follow one another are not flagged, two that overlap are", () => {
    const rows = [
      makeRow({ rowNumber: 2, staffId: "X", wte: 0.8, start: "2025-04-01", end: "2025-06-30" }),
      makeRow({ rowNumber: 3, staffId: "X", wte: 0.8, start: "2025-07-01" }),
      makeRow({ rowNumber: 4, staffId: "Y", wte: 0.5, start: "2025-04-01" }),
      makeRow({ rowNumber: 5, staffId: "Y", wte: 0.6, start: "2025-09-01" }),
    ];
    const result = checkRoster({ rows, settings: SETTINGS });
    const duplicate = result.staff.map((s) => s.findings.find((f) => f.code === "DUPLICATE_PERSON"));
    expect(duplicate.map(Boolean)).toEqual([false, false, true, true]);
    expect(duplicate[2]!.message).toBe("The same person is on rows 4 and 5 at 1.1 WTE in total on 01/09/2025; no one can be claimed above 1.0 WTE. Correct the WTE or the dates, or remove the duplicate row.");
    expect(duplicate[2]!.details).toEqual({ rows: "4,5", totalWte: 1.1, removed: 0 });
    // Row 5 started later: 0.1 of its 0.6 WTE is cut from September. Its claim is held to
    // 66,972 × 0.6 = £40,183.20 a year: 7 months are £23,440.20, of which a sixth, £3,906.70, is removed.
    expect(duplicate[3]!.severity).toBe("error");
    expect(duplicate[3]!.message).toContain("This row started later, so £3,906.70 is removed from its claim to keep the person at 1.0 WTE.");
    expect(result.staff[3].claimable).toBeCloseTo(19533.5, 2);
    expect(result.staff[3].months[5].wte).toBeCloseTo(0.5, 9);
    expect(result.staff[3].months[5].limit).toBe("above-one-wte");
  });

  test("each row is flagged once, however many dates it is above 1.0 on", () => {
    const rows = [0, 1, 2].map((i) => makeRow({ rowNumber: i + 2, name: "Locum TBC", wte: 0.5, start: `2025-0${4 + i}-01` }));
    const result = checkRoster({ rows, settings: SETTINGS });
    expect(result.staff.map((s) => s.findings.filter((f) => f.code === "DUPLICATE_PERSON").length)).toEqual([1, 1, 1]);
  });
});

test("a role's headcount counts people, not rows: one person on two rows is one", () => {
  // A change of hours on 1 October: the same staff ID on two rows that follow one another, and one other.
  const rows = [
    makeRow({ rowNumber: 2, staffId: "X", wte: 0.6, end: "2025-09-30" }),
    makeRow({ rowNumber: 3, staffId: "X", wte: 0.8, start: "2025-10-01" }),
    makeRow({ rowNumber: 4, staffId: "Y", wte: 1 }),
  ];
  const result = checkRoster({ rows, settings: SETTINGS });
  expect(result.byRole[0]).toMatchObject({ role: "clinical-pharmacist", headcount: 2 });
});

describe("many rows of one person", () => {
  // npm run bench times 20,000 such rows through arrs check (docs/performance.md); 5,000 keep this test quick.
  test("5,000 rows of one name are checked in seconds; each message names three rows and counts the rest", () => {
    // A combined roster where every locum is entered as "Locum TBC": one person, as far as the roster shows.
    const rows = Array.from({ length: 5000 }, (_, i) => makeRow({ rowNumber: i + 2, name: "Locum TBC", wte: 0.5 }));
    const started = Date.now();
    const result = checkRoster({ rows, settings: SETTINGS });
    expect(Date.now() - started).toBeLessThan(5000);
    const duplicate = result.staff.map((s) => s.findings.find((f) => f.code === "DUPLICATE_PERSON")!);
    expect(duplicate.every(Boolean)).toBe(true);
    const what = "The same person is on rows 2, 3, 4 and 4,997 more at 2500 WTE in total on 01/04/2025; no one can be claimed above 1.0 WTE.";
    expect(duplicate[0].message).toBe(`${what} Correct the WTE or the dates, or remove the duplicate row.`);
    expect(duplicate[4999].message.startsWith(`${what} This row started later, so `)).toBe(true);
    expect(duplicate[0].details).toEqual({ rows: "2,3,4", moreRows: 4997, totalWte: 2500, removed: 0 });
    // Two rows keep the person at 1.0 WTE: the first two in row order, which started no later than the rest.
    expect(result.staff.filter((s) => s.claimable > 0).map((s) => s.rowNumber)).toEqual([2, 3]);
  });

  test("four rows together are all named; rows named in a list", () => {
    const rows = [0, 1, 2, 3].map((i) => makeRow({ rowNumber: i + 2, staffId: "L1", wte: 0.3 }));
    const result = checkRoster({ rows, settings: SETTINGS });
    expect(result.staff[0].findings.find((f) => f.code === "DUPLICATE_PERSON")!.message)
      .toMatch(/^The same person is on rows 2, 3, 4 and 5 at 1\.2 WTE in total on 01\/04\/2025;/);
  });

  /**
   * The rule as it reads, looked at the slow way: going through the rows in order, on each row's start
   * date add up the WTE of the person's rows in post; above 1.0, each of those rows not yet flagged is
   * flagged with that date and those rows.
   */
  function slowFlags(people: { start: string; end: string | null; wte: number }[]): ({ date: string; rows: number[] } | null)[] {
    const flags: ({ date: string; rows: number[] } | null)[] = people.map(() => null);
    for (const { start: date } of people) {
      const together = people.flatMap((p, i) => (p.start <= date && (p.end === null || date <= p.end) ? [i] : []));
      const total = together.reduce((sum, i) => sum + people[i].wte, 0);
      if (total <= 1 + 1e-9) continue;
      for (const i of together) flags[i] ??= { date, rows: together.map((k) => k + 2) };
    }
    return flags;
  }

  test("each row is flagged on the same date, with the same rows, as the rule looked at the slow way", () => {
    const day = fc.integer({ min: 0, max: 500 }).map((n) => new Date(Date.UTC(2025, 2, 1) + n * 86400000).toISOString().slice(0, 10));
    const person = fc.record({ start: day, length: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }), wte: fc.constantFrom(0.1, 0.2, 0.3, 0.4, 0.6, 0.8, 1) })
      .map(({ start, length, wte }) => ({ start, wte, end: length === null ? null : new Date(Date.parse(start) + length * 86400000).toISOString().slice(0, 10) }));
    fc.assert(fc.property(fc.array(person, { minLength: 1, maxLength: 7 }), (people) => {
      const rows = people.map((p, i) => makeRow({ rowNumber: i + 2, staffId: "P1", ...p }));
      const result = checkRoster({ rows, settings: SETTINGS });
      const seen = result.staff.map((s) => {
        const flag = s.findings.find((f) => f.code === "DUPLICATE_PERSON");
        if (!flag) return null;
        const date = /on (\d\d)\/(\d\d)\/(\d{4});/.exec(flag.message)!;
        return { date: `${date[3]}-${date[2]}-${date[1]}`, rows: String(flag.details!.rows).split(",").map(Number), more: flag.details!.moreRows ?? 0 };
      });
      const expected = slowFlags(people).map((flag) => flag && (flag.rows.length <= 4
        ? { date: flag.date, rows: flag.rows, more: 0 }
        : { date: flag.date, rows: flag.rows.slice(0, 3), more: flag.rows.length - 3 }));
      expect(seen).toEqual(expected);
    }), { numRuns: 500 });
  });
});
