/** Days as numbers, and dates as a practice manager writes them. */
import { dayNumber, formatUkDate, fromDayNumber } from "../../src/common/dates";

test.each([
  ["1970-01-01", 0],
  ["2025-04-01", 20179],
  ["2024-02-29", 19782],
  ["2000-03-01", 11017],
  ["1900-03-01", -25508],
])("%s is day %i", (date, day) => {
  expect(dayNumber(date)).toBe(day);
  expect(fromDayNumber(day)).toBe(date);
});

test("a day number and back is the same date, every day from 1900 to 2100", () => {
  for (let day = dayNumber("1900-01-01"); day <= dayNumber("2100-12-31"); day++) {
    expect(dayNumber(fromDayNumber(day))).toBe(day);
  }
});

test("formatUkDate writes DD/MM/YYYY", () => {
  expect(formatUkDate("2025-04-01")).toBe("01/04/2025");
  expect(formatUkDate("2024-02-29")).toBe("29/02/2024");
});
