import type { Forecast } from "../../src/engine/forecast-types";
import { forecastSentence, longDate, unspentWte } from "../../src/report/forecast-words";

/** A forecast as the sentence reads it: the months and planned posts do not matter here. */
function forecast(overrides: Partial<Forecast> = {}): Forecast {
  return {
    asOf: "2025-12-31", yearEnd: "2026-03-31", monthsToDate: 9, toDate: 900000, restOfYear: 400000, plannedPosts: 124359,
    entitlement: 1638659, unspent: 214300, months: [], planned: [],
    unspentAs: { role: "pharmacy-technician", roleName: "Pharmacy Technician", isDefault: true, maximumForMonthsLeft: 43700, from: "2026-01-01" },
    ...overrides,
  };
}

describe("the forecast's sentence", () => {
  test.each<[string, Partial<Forecast>, string]>([
    ["unspent, with the WTE it would pay for in the months left",
      {}, "At this rate £214,300 of your £1,638,659 ARRS sum will be unspent on 31 March 2026: enough for about 4.9 WTE of a band 5 role from January."],
    ["whole pounds, rounded",
      { unspent: 214299.5, entitlement: 1638658.61 }, "At this rate £214,300 of your £1,638,659 ARRS sum will be unspent on 31 March 2026: enough for about 4.9 WTE of a band 5 role from January."],
    ["in the role the user chose",
      { unspentAs: { role: "clinical-pharmacist", roleName: "Clinical Pharmacist", isDefault: false, maximumForMonthsLeft: 16743, from: "2026-01-01" } },
      "At this rate £214,300 of your £1,638,659 ARRS sum will be unspent on 31 March 2026: enough for about 12.8 WTE of the Clinical Pharmacist role from January."],
    ["a little unspent: less than 0.1 WTE",
      { unspent: 1000 }, "At this rate £1,000 of your £1,638,659 ARRS sum will be unspent on 31 March 2026: enough for less than 0.1 WTE of a band 5 role from January."],
    ["no month left (as of March): no WTE clause",
      { asOf: "2026-03-15", monthsToDate: 12, unspentAs: { role: "pharmacy-technician", roleName: "Pharmacy Technician", isDefault: true, maximumForMonthsLeft: null, from: null } },
      "At this rate £214,300 of your £1,638,659 ARRS sum will be unspent on 31 March 2026."],
    ["the year has ended: past tense",
      { asOf: "2026-05-01", monthsToDate: 12 }, "£214,300 of your £1,638,659 ARRS sum was unspent at 31 March 2026."],
    ["over the ARRS sum",
      { unspent: -12345.4 }, "At this rate claims would be £12,345 over your £1,638,659 ARRS sum by 31 March 2026: the excess will not be paid."],
    ["over, and the year ended",
      { unspent: -12345.4, asOf: "2026-04-01" }, "Claims were £12,345 over your £1,638,659 ARRS sum at 31 March 2026: the excess is not paid."],
    ["no ARRS sum known",
      { entitlement: null, unspent: null }, "Enter the PCN's weighted population to see how much of its ARRS sum would be unspent on 31 March 2026."],
    ["nothing unspent",
      { unspent: 0.2 }, "At this rate all of your £1,638,659 ARRS sum will be claimed by 31 March 2026."],
  ])("%s", (_, overrides, sentence) => {
    expect(forecastSentence(forecast(overrides))).toBe(sentence);
  });

  test("the WTE: unspent / (the role's maximum for 1.0 WTE over the months left)", () => {
    expect(unspentWte(forecast())).toBeCloseTo(214300 / 43700, 9);
    expect(unspentWte(forecast({ unspent: -5 }))).toBeNull();
    expect(longDate("2026-03-31")).toBe("31 March 2026");
  });
});
