import { financialYearInText, isoFromExcelSerial, excelSerialFromIso, parseFinancialYear } from "../../src/common/dates";
import { formatMoney, toPence } from "../../src/common/money";
import { rateSheetFinancialYear } from "../../src/common/owned";

test.each([
  [16375.175, 16375.18], [32750.35 / 2, 16375.18], [0.125, 0.13], [1.005, 1.01], [-2.675, -2.68], [64089, 64089], [0.1 + 0.2, 0.3],
])("toPence(%d) = %d (half a penny up, on the decimal value)", (amount, pence) => expect(toPence(amount)).toBe(pence));

test("money is shown as pounds and pence", () => {
  expect(formatMoney(32750.35 / 2)).toBe("£16,375.18");
  expect(formatMoney(1638658.692)).toBe("£1,638,658.69");
});

test.each([
  ["Roster 2025-26", "2025/26"], ["ARRS staff 23-24", "2023/24"], ["Staff 2024/2025", "2024/25"], ["FY 24_25", "2024/25"],
  ["Sheet1", null], ["Budget 2025", null], ["Rota 12-14", null], ["Roster 2025-27", null],
])("financial year in %s: %s", (text, label) => expect(financialYearInText(text)?.label ?? null).toBe(label));

test.each([
  ["ARRS max reimb 22-23", "2022/23"], ["ARRS max reimb 2025-26", "2025/26"], ["ARRS max reimb 2025", "2025/26"], ["ARRS max reimb", null],
])("rate sheet %s is for %s", (name, label) => expect(rateSheetFinancialYear(name)?.label ?? null).toBe(label));

test.each([["2025/26", "2025-04-01", "2026-03-31"], ["24-25", "2024-04-01", "2025-03-31"], ["2019", "2019-04-01", "2020-03-31"]])(
  "financial year %s runs %s to %s", (text, start, end) => expect(parseFinancialYear(text)).toMatchObject({ start, end }));

test("Excel serial dates, 1900 system", () => {
  expect(isoFromExcelSerial(45748)).toBe("2025-04-01");
  expect(excelSerialFromIso("2026-03-31")).toBe(46112);
  expect(isoFromExcelSerial(61)).toBe("1900-03-01");
});
