import { dayNumber, parseFinancialYear } from "../../src/common/dates";
import { daysInPostIn, monthSpans } from "../../src/engine/months";

const spans = monthSpans(parseFinancialYear("2025/26")!);
const april = spans[0];
const june = spans[2];

describe("days in post in a month", () => {
  it("counts the start and end dates both as days in post", () => {
    expect(daysInPostIn(april, dayNumber("2025-04-10"), dayNumber("2025-04-20"))).toBe(11);
    expect(daysInPostIn(april, dayNumber("2025-04-30"), dayNumber("2025-04-30"))).toBe(1);
  });

  it("counts the whole month for a post held across it, or still held", () => {
    expect(daysInPostIn(june, dayNumber("2024-01-01"), dayNumber("2026-01-01"))).toBe(30);
    expect(daysInPostIn(june, dayNumber("2025-06-15"), Number.POSITIVE_INFINITY)).toBe(16);
  });

  it("is 0 for a post that starts after the month or ends before it", () => {
    expect(daysInPostIn(april, dayNumber("2025-05-01"), Number.POSITIVE_INFINITY)).toBe(0);
    expect(daysInPostIn(june, dayNumber("2025-04-01"), dayNumber("2025-05-31"))).toBe(0);
  });
});
