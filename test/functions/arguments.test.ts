/**
 * Argument handling for the =ARRS.* functions (src/functions/arguments.ts): broadcasting ranges
 * against single values, and reading roles, dates, years, regions and numbers as Excel passes them.
 */
import { RuleSet } from "../../src/rules/ruleset";
import {
  BLANK, broadcast, dateReader, isCellError, mapCells, numberReader, regionReader, roleReader, yearReader, type Broadcast,
} from "../../src/functions/arguments";

describe("broadcast", () => {
  const shape = (b: ReturnType<typeof broadcast>) => (isCellError(b) ? b : { rows: b.rows, columns: b.columns, matrix: b.matrix });

  test("single values give one cell; a 1×1 range counts as a single value but makes the result a matrix", () => {
    expect(shape(broadcast(["a", 1], ["x", "y"]))).toEqual({ rows: 1, columns: 1, matrix: false });
    expect(shape(broadcast([[["a"]], 1], ["x", "y"]))).toEqual({ rows: 1, columns: 1, matrix: true });
    expect(shape(broadcast([[["a"], ["b"]], [["c"]], undefined], ["x", "y", "z"]))).toEqual({ rows: 2, columns: 1, matrix: true });
  });

  test("ranges of one shape go cell by cell; single values go with every cell", () => {
    const b = broadcast([[["a", "b"], ["c", "d"]], "k", [[1, 2], [3, 4]]], ["x", "y", "z"]) as Broadcast;
    expect([b.value(0, 1, 0), b.value(1, 1, 0), b.value(2, 1, 1)]).toEqual(["c", "k", 4]);
  });

  test("mismatched, ragged and empty ranges are #VALUE!", () => {
    expect(broadcast([[["a"], ["b"]], [["a", "b"]]], ["x", "y"])).toMatchObject({ error: "value", message: expect.stringMatching(/x is 2 rows × 1 column and y is 1 row × 2 columns/) });
    expect(broadcast([[["a", "b"], ["c"]]], ["x"])).toMatchObject({ error: "value", message: "x is not a rectangular range." });
    expect(broadcast([[]], ["x"])).toMatchObject({ error: "value", message: "x is an empty range." });
  });

  test("a flat array (from code) is a column", () => {
    expect(mapCells([["a", "b"]], ["x"], ([v]) => String(v).toUpperCase())).toEqual([["A"], ["B"]]);
  });
});

describe("reading arguments", () => {
  const rules = new RuleSet();

  test("roles: names and aliases; blank is blank; unknown is #VALUE!", () => {
    const read = roleReader(rules);
    expect((read("Clin Pharm") as { id: string }).id).toBe("clinical-pharmacist");
    expect((read(" splw ") as { id: string }).id).toBe("social-prescribing-link-worker");
    expect(read("")).toBe(BLANK);
    expect(read(null)).toBe(BLANK);
    expect(read("Clin Pharmacy")).toEqual({ error: "value", message: "'Clin Pharmacy' is not an ARRS role; see =ARRS.ROLES()" });
    expect(read(true)).toEqual({ error: "value", message: "'TRUE' is not an ARRS role; see =ARRS.ROLES()" });
  });

  test("dates: serial numbers, UK text, blanks as told, open-ended words for end dates", () => {
    const read = dateReader("date", { blank: "2025-06-01" });
    expect(read(45566)).toBe("2024-10-01");
    expect(read("01/10/2024")).toBe("2024-10-01");
    expect(read("1 October 2024")).toBe("2024-10-01");
    expect(read("")).toBe("2025-06-01");
    expect(read(undefined)).toBe("2025-06-01");
    expect(dateReader("end", { blank: null, openEnded: true })("ongoing")).toBeNull();
    expect(read(12)).toMatchObject({ error: "value", message: expect.stringMatching(/^date: "12" is a number, not a date/) });
  });

  test("financial years, regions and numbers", () => {
    const year = yearReader("financialYear", { error: "value", message: "blank" });
    expect((year("2025/26") as { label: string }).label).toBe("2025/26");
    expect((year("25-26") as { label: string }).label).toBe("2025/26");
    expect((year(2024) as { label: string }).label).toBe("2024/25");
    expect(year(45566)).toMatchObject({ error: "value" });
    expect(year("")).toEqual({ error: "value", message: "blank" });

    const region = regionReader();
    expect([region(""), region("Outer London"), region("inner-london"), region("INNER")]).toEqual(["national", "outer-london", "inner-london", "inner-london"]);
    expect(region("Manchester")).toMatchObject({ error: "value" });

    const money = numberReader("annualCost", "money", Number.NaN);
    expect(money("£48,735.26")).toBe(48735.26);
    expect(money(-1)).toMatchObject({ error: "value", message: expect.stringMatching(/negative/) });
    expect(numberReader("wte", "wte", 0)("80%")).toBe(0.8);
    expect(numberReader("listSize", "count", 0)("58,214")).toBe(58214);
    expect(numberReader("listSize", "count", 0)(false)).toMatchObject({ error: "value" });
  });
});
