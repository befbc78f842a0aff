/**
 * The rates template for a year (the sheet a PCN completes once from the DES), for every door: the
 * command line writes it as a new workbook, the task pane inserts it. Also tells whether a rates file
 * already holds figures of the user's own, so that a door never writes over them.
 */
import type { FinancialYear } from "../common/dates";
import { isRateSheetName } from "../common/owned";
import { readRateSheet } from "../roster";
import { buildRatesTemplate, type RatesTemplate } from "../report/rates-template";
import { RuleSet } from "../rules/ruleset";
import type { WorkbookPort } from "../workbook/types";

export { RATES_TEMPLATE_NAME, ratesSheetName } from "../report/rates-template";

/** The template for a year, with the built-in figures filled in. */
export function ratesTemplate(year: FinancialYear): RatesTemplate {
  return buildRatesTemplate(new RuleSet(), year);
}

/**
 * The first figure in the workbook's rate sheets that is the user's own (not the built-in figure the
 * template was filled with), as "row 9 of "ARRS max reimb 26-27"", or a sheet the user added; null
 * when there is neither.
 */
export async function firstOwnFigure(workbook: WorkbookPort, year: FinancialYear): Promise<string | null> {
  const rules = new RuleSet();
  const names = await workbook.sheetNames();
  // A sheet the user added to the file is theirs, whatever it holds.
  const added = names.find((name) => !isRateSheetName(name));
  if (added !== undefined) return `the sheet "${added}"`;
  for (const name of names) {
    const sheet = readRateSheet(await workbook.readSheet(name), { rules, checkedYear: year });
    for (const o of sheet.overrides) {
      const builtIn = rules.builtInAmount(o.role, o.from, o.region, { band: o.band ?? null, mhpTable: o.mhpTable ?? null });
      if (!builtIn || builtIn.amount !== o.amount) return `row ${o.rowNumber} of "${name}"`;
    }
  }
  return null;
}
