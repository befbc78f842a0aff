import { cellText, parseDate, parseMoney, parseQuantity, parseYesNo, quoteValue } from "../../src/roster/cells";

/** The value of a parse, "blank" for null, or "problem: ..." so a table can say what it expects. */
function outcome<T>(parsed: { ok: true; value: T } | { ok: false; problem: string } | null): T | "blank" | string {
  if (parsed === null) return "blank";
  return parsed.ok ? parsed.value : `problem: ${parsed.problem}`;
}

describe("parseDate", () => {
  const good: [string, unknown, string][] = [
    ["UK slashes", "01/04/2025", "2025-04-01"],
    ["31 March", "31/03/2025", "2025-03-31"],
    ["1 April, short", "1/4/25", "2025-04-01"],
    ["dashes", "01-04-2025", "2025-04-01"],
    ["dots", "01.04.2025", "2025-04-01"],
    ["ISO", "2025-04-01", "2025-04-01"],
    ["ISO with time", "2025-04-01T00:00:00.000Z", "2025-04-01"],
    ["UK with time", "01/04/2025 00:00:00", "2025-04-01"],
    ["long month name", "1 April 2025", "2025-04-01"],
    ["short month name", "1 Apr 2025", "2025-04-01"],
    ["ordinal and Sept", "30th Sept 2025", "2025-09-30"],
    ["Excel d-mmm-yy", "01-Apr-25", "2025-04-01"],
    ["spaces round separators", " 01 / 04 / 2025 ", "2025-04-01"],
    ["leap day in a leap year", "29/02/2024", "2024-02-29"],
    ["serial number", 45748, "2025-04-01"],
    ["serial with a time", 45748.75, "2025-04-01"],
    ["serial as text", "45748", "2025-04-01"],
    ["two-digit year 1990s", "1/4/95", "1995-04-01"],
    ["Date at UTC midnight", new Date(Date.UTC(2025, 3, 1)), "2025-04-01"],
    ["Date at BST midnight (23:00 UTC the day before)", new Date(Date.UTC(2025, 2, 31, 23)), "2025-04-01"],
    ["Date with a daytime time", new Date(Date.UTC(2025, 3, 1, 14, 30)), "2025-04-01"],
  ];
  test.each(good)("%s: %p → %s", (_name, input, expected) => {
    expect(outcome(parseDate(input))).toBe(expected);
  });

  const bad: [string, unknown, RegExp][] = [
    ["31 February", "31/02/2025", /February 2025 has no day 31/],
    ["29 February in a common year", "29/02/2025", /not a leap year/],
    ["month 13 (US order)", "04/13/2025", /no month 13.*month-first/],
    ["month first in words", "April 1 2025", /month first/],
    ["month and year only", "April 2025", /no day/],
    ["not a month", "1 Foo 2025", /"foo" is not a month/],
    ["year only", 2025, /looks like a year/],
    ["small number", 12, /is a number, not a date/],
    ["serial out of range", 99999, /not a date/],
    ["year out of range", "01/01/1900", /not a plausible/],
    ["words", "next week", /is not a date/],
    ["tbc is not a start date", "tbc", /is not a date/],
    ["boolean", true, /"TRUE" is not a date/],
    ["invalid Date", new Date("nonsense"), /invalid date/],
    ["formula-looking text", "=1+1", /"=1\+1" is not a date/],
    ["NaN", Number.NaN, /not a date/],
  ];
  test.each(bad)("%s: %p is a problem", (_name, input, expected) => {
    expect(outcome(parseDate(input))).toMatch(expected);
  });

  test.each([null, undefined, "", "   ", "-", "–"])("blank %p is null", (input) => {
    expect(parseDate(input)).toBeNull();
  });

  test.each(["ongoing", "Permanent", "current", "n/a", "N/A", "-", "TBC", "none", "Still in post"])(
    "end date %p means no end", (input) => {
      expect(parseDate(input, { openEnded: true })).toBeNull();
    });

  test("an end date is still read when it is a date", () => {
    expect(outcome(parseDate("31/03/2026", { openEnded: true }))).toBe("2026-03-31");
  });

  test("huge text is quoted briefly and does not throw", () => {
    const huge = "x".repeat(100000);
    const problem = outcome(parseDate(huge));
    expect(problem).toMatch(/^problem: "x+…" is not a date$/);
    expect(String(problem).length).toBeLessThan(80);
  });

  test("unicode and odd objects do not throw", () => {
    expect(outcome(parseDate("📅 1 Απρ 2025"))).toMatch(/problem/);
    expect(outcome(parseDate({ weird: true }))).toBe("blank");
    expect(outcome(parseDate({ text: "01/04/2025" }))).toBe("2025-04-01");
  });
});

describe("parseMoney", () => {
  const good: [string, unknown, number][] = [
    ["number", 24000, 24000],
    ["pounds and pence", "£24,000.00", 24000],
    ["commas", "24,000", 24000],
    ["plain text", "24000", 24000],
    ["spaces round the pound sign", " £ 24,000 ", 24000],
    ["k for thousands", "24k", 24000],
    ["decimal k", "£24.5k", 24500],
    ["per annum", "£24,000 p.a.", 24000],
    ["pence only", "0.50", 0.5],
    ["zero", 0, 0],
    ["non-breaking space", "£\u00a024,000", 24000],
  ];
  test.each(good)("%s: %p → %d", (_name, input, expected) => {
    expect(outcome(parseMoney(input))).toBe(expected);
  });

  const bad: [string, unknown, RegExp][] = [
    ["accounting brackets", "(1,000)", /"\(1,000\)" is negative/],
    ["negative number", -5, /negative/],
    ["minus sign in text", "-£500", /negative/],
    ["tbc", "tbc", /"tbc" is not an amount/],
    ["misplaced comma", "24,00", /not an amount/],
    ["two points", "24.000.00", /not an amount/],
    ["date", new Date(Date.UTC(2025, 3, 1)), /is a date/],
    ["boolean", false, /not an amount/],
    ["infinity", Number.POSITIVE_INFINITY, /not an amount/],
    ["formula-looking text", "@SUM(A1:A3)", /not an amount/],
  ];
  test.each(bad)("%s: %p is a problem", (_name, input, expected) => {
    expect(outcome(parseMoney(input))).toMatch(expected);
  });

  test.each([null, "", " ", "-"])("blank %p is null", (input) => {
    expect(parseMoney(input)).toBeNull();
  });
});

describe("parseQuantity", () => {
  const good: [string, unknown, "wte" | "hours" | "sessions", number][] = [
    ["WTE number", 0.8, "wte", 0.8],
    ["WTE text", "0.8", "wte", 0.8],
    ["WTE percentage", "80%", "wte", 0.8],
    ["WTE with unit", "1.0 WTE", "wte", 1],
    ["leading point", ".5", "wte", 0.5],
    ["hours with unit", "30 hrs", "hours", 30],
    ["hours per week", "37.5 hours per week", "hours", 37.5],
    ["hours h/wk", "22.5h/wk", "hours", 22.5],
    ["hours as h:mm", "37:30", "hours", 37.5],
    ["sessions", "6 sessions", "sessions", 6],
    ["sessions number", 9, "sessions", 9],
  ];
  test.each(good)("%s: %p as %s → %d", (_name, input, unit, expected) => {
    expect(outcome(parseQuantity(input, unit))).toBe(expected);
  });

  const bad: [string, unknown, "wte" | "hours" | "sessions", RegExp][] = [
    ["hours in a WTE cell", "30 hrs", "wte", /looks like hours per week/],
    ["decimal comma", "0,8", "wte", /decimal point/],
    ["words", "full time", "wte", /not a number/],
    ["percentage of hours", "80%", "hours", /percentage/],
    ["date", new Date(Date.UTC(2025, 3, 1)), "wte", /is a date/],
    ["boolean", true, "wte", /not a number/],
  ];
  test.each(bad)("%s: %p as %s is a problem", (_name, input, unit, expected) => {
    expect(outcome(parseQuantity(input, unit))).toMatch(expected);
  });

  test("blank is null", () => {
    expect(parseQuantity("  ", "hours")).toBeNull();
  });
});

describe("parseYesNo", () => {
  const cases: [unknown, string][] = [
    ["Yes", "yes"], ["y", "yes"], ["TRUE", "yes"], [1, "yes"], [true, "yes"],
    ["No", "no"], ["n", "no"], ["false", "no"], [0, "no"], [false, "no"], ["Not promoted", "no"],
    ["Promoted", "promoted"], ["more senior role", "promoted"], ["Senior role", "promoted"],
    ["Yes - promoted to a more senior role", "promoted"],
  ];
  test.each(cases)("%p → %s", (input, expected) => {
    expect(outcome(parseYesNo(input))).toBe(expected);
  });
  test.each([["maybe"], [2], [new Date(Date.UTC(2025, 0, 1))]])("%p is a problem", (input) => {
    expect(outcome(parseYesNo(input))).toMatch(/^problem:/);
  });
  test("blank is null", () => {
    expect(parseYesNo("")).toBeNull();
  });
});

describe("cellText and quoteValue", () => {
  test.each([
    ["text is trimmed", "  Jo  ", "Jo"],
    ["numbers keep their digits", 12345, "12345"],
    ["dates are ISO", new Date(Date.UTC(2025, 3, 1)), "2025-04-01"],
    ["rich text", { richText: [{ text: "Jo " }, { text: "Bloggs" }] }, "Jo Bloggs"],
    ["blank", "   ", null],
  ])("%s", (_name, input, expected) => {
    expect(cellText(input)).toBe(expected);
  });
  test("long and multi-line values are folded and cut to 40 characters", () => {
    const quoted = quoteValue(`line one\nline two ${"y".repeat(60)}`);
    expect(quoted.length).toBe(42);
    expect(quoted).toMatch(/^"line one line two y+…"$/);
  });
});
