import { unspent } from "../../src/functions/arrs";
import { isCellError } from "../../src/functions/arguments";

const context = { today: "2025-12-15" };
const month = (amounts: (number | string | null)[]) => [amounts];
/** April to December claimed at £40,000, January to March blank. */
const TO_DECEMBER = month([...Array(9).fill(40000), null, null, null]);

describe("=ARRS.UNSPENT(entitlement, claims, [asOf], [financialYear])", () => {
  test.each<[string, unknown, unknown, unknown, number[]]>([
    ["blank months after the as-of month count at the last month's rate", TO_DECEMBER, "31/12/2025", "2025/26", [360000, 120000, 1158658.69]],
    ["months after it given are used as given", month([...Array(9).fill(40000), 10000, 20000, 30000]), "31/12/2025", "2025/26", [360000, 60000, 1218658.69]],
    ["a column works as a row does", TO_DECEMBER[0].map((v) => [v]), "31/12/2025", "2025/26", [360000, 120000, 1158658.69]],
    ["as of a date in December: December is to date", TO_DECEMBER, "15/12/2025", "2025/26", [360000, 120000, 1158658.69]],
    ["no as-of date: today (15/12/2025), and its financial year", TO_DECEMBER, null, null, [360000, 120000, 1158658.69]],
    ["before the year: nothing to date, blanks count as nothing", month(Array(12).fill(null)), "01/03/2025", "2025/26", [0, 0, 1638658.69]],
    ["after the year: all to date", month(Array(12).fill(100000)), "2026-05-01", "2025/26", [1200000, 0, 438658.69]],
    ["over the ARRS sum: negative", month(Array(12).fill(150000)), "31/12/2025", "2025/26", [1350000, 450000, -161341.31]],
    ["money as text", month([...Array(9).fill("£40,000.00"), null, null, null]), "31/12/2025", "2025/26", [360000, 120000, 1158658.69]],
  ])("%s", (_, claims, asOf, year, expected) => {
    const result = unspent(context, [[1638658.69]], claims, asOf, year);
    if (isCellError(result)) throw new Error(result.message);
    expect(result).toHaveLength(1);
    result[0].forEach((value, i) => expect(value).toBeCloseTo(expected[i], 6));
  });

  test.each<[string, unknown, unknown, RegExp]>([
    ["eleven months", [[1]], month(Array(11).fill(1)), /twelve monthly claims/],
    ["a 2 × 6 range", [[1]], [Array(6).fill(1), Array(6).fill(1)], /one row or one column/],
    ["a blank ARRS sum", [[null]], TO_DECEMBER, /entitlement is blank/],
    ["a range for the ARRS sum", [[1, 2]], TO_DECEMBER, /one cell/],
    ["a claim that is not money", [[1]], month([...Array(11).fill(1), "lots"]), /claims/],
  ])("%s is #VALUE! with a message", (_, entitlement, claims, message) => {
    const result = unspent(context, entitlement, claims, "31/12/2025", "2025/26");
    expect(isCellError(result) && result.error).toBe("value");
    expect(isCellError(result) && result.message).toMatch(message);
  });
});
