/**
 * dayNumber counts days by arithmetic on the digits of a `YYYY-MM-DD` date, and formatUkDate moves
 * those digits about: these tests hold them to what they gave before (Date.UTC on the parts, and the
 * parts read as numbers and padded), for every kind of text they can be given.
 */
import fc from "fast-check";
import { dayNumber, formatUkDate, fromDayNumber, partsOf } from "../../src/common/dates";

/** The first way dayNumber was written: Date.UTC on the parts. */
function byDateUtc(date: string): number {
  return Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86400000);
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

test.each([
  ["1970-01-01", 0],
  ["2025-04-01", 20179],
  ["2024-02-29", 19782],
  ["2000-03-01", 11017],
  ["1900-03-01", -25508],
])("%s is day %i", (date, day) => {
  expect(dayNumber(date)).toBe(day);
  expect(byDateUtc(date)).toBe(day);
});

test("agrees with Date.UTC on any year, month and day written YYYY-MM-DD, out-of-range months and days included", () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (year, month, day) => {
    const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
    expect(dayNumber(date)).toBe(byDateUtc(date));
  }), { numRuns: 5000 });
});

test("agrees with Date.UTC on text that is not a plain date (NaN for both where it is not a date at all)", () => {
  for (const text of ["0025-01-01", "0099-12-31", "2025-1-01", "2025/01/01", "abcd-01-01", "2025-01-0x", " 2025-01-01", "12025-01-01", "", "2025-13-01", "2025-02-30"]) {
    expect(dayNumber(text)).toEqual(byDateUtc(text));
  }
  fc.assert(fc.property(fc.string({ maxLength: 12 }), (text) => {
    expect(dayNumber(text)).toEqual(byDateUtc(text));
  }), { numRuns: 2000 });
});

describe("formatUkDate", () => {
  /** The way it was always done, part by part: the fast path must give exactly this. */
  const byParts = (date: string) => {
    const { year, month, day } = partsOf(date);
    return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
  };

  it("writes DD/MM/YYYY", () => {
    expect(formatUkDate("2025-04-01")).toBe("01/04/2025");
    expect(formatUkDate("2024-02-29")).toBe("29/02/2024");
  });

  it("gives what reading the parts gives, for every day from 1000 to 2999 and for odd text", () => {
    for (let day = dayNumber("1000-01-01"); day <= dayNumber("2999-12-31"); day += 7) {
      const date = fromDayNumber(day);
      expect(formatUkDate(date)).toBe(byParts(date));
    }
    for (const odd of ["0999-04-01", "0000-01-01", "2025-4-01", "2025-04-1", "2025/04/01", "2025-0a-01", "12345-04-01", "", "abcd-ef-gh", "2025-13-45"]) {
      expect(formatUkDate(odd)).toBe(byParts(odd));
    }
  });

  it("gives what reading the parts gives, for any ten characters with dashes in the date's places", () => {
    const digitOrNot = fc.constantFrom(..."0123456789-/ a9".split(""));
    fc.assert(fc.property(fc.array(digitOrNot, { minLength: 10, maxLength: 10 }), (chars) => {
      chars[4] = "-";
      chars[7] = "-";
      const text = chars.join("");
      expect(formatUkDate(text)).toBe(byParts(text));
    }), { numRuns: 5000 });
  });
});
