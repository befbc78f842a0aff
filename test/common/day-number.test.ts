/**
 * dayNumber counts days by arithmetic on the digits of a `YYYY-MM-DD` date; these tests hold it to
 * what Date.UTC gives, which it used before, for every kind of text it can be given.
 */
import fc from "fast-check";
import { dayNumber } from "../../src/common/dates";

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
