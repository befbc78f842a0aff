/**
 * The pane's words for the year's maximum amounts: the sentence that opens the results when some roles
 * have none on record for the year, with the button that adds the rates sheet; what the money rests on
 * (earlier years' maximums, an unconfirmed ARRS sum, the backdated uplift); and what adding the sheet
 * did. Pure functions over the pipeline's figures, so components hold no ARRS logic.
 */
import { formatMoney } from "../common/money";
import type { CheckResult } from "../engine/types";
import { entitlementUnconfirmed, missingMaximums } from "../pipeline/missing-maximums";

/**
 * One money line of the results: "Claimable for 2026/27", "£84,120.00", a note beside it ("not
 * confirmed"), a sentence saying what the figure means, and whether it is a problem (shown as one).
 */
export interface TotalLine {
  label: string;
  value: string;
  note?: string;
  /** What the figure means, in words ("The ARRS sum less what this roster claims: …"). */
  explain?: string;
  /** A figure that needs acting on (over the ARRS sum). */
  problem?: boolean;
}

export interface MissingRatesView {
  /** "2026/27": the year the sheet is for. */
  financialYear: string;
  roles: number;
  sentence: string;
  /** "Add the 2026/27 rates sheet" */
  button: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function missingRatesView(result: CheckResult): MissingRatesView | null {
  const missing = missingMaximums(result);
  if (!missing) return null;
  const { financialYear: year, roles, onFloor, withNothing } = missing;
  const them = roles.length === 1 ? "it" : "them";
  const their = roles.length === 1 ? "its" : "their";
  let until: string;
  if (withNothing.length === 0) until = `${their} claims rest on earlier years' figures`;
  else if (onFloor.length === 0) until = `nothing is claimed for ${roles.length === 1 ? "it" : "those roles"}`;
  else until = `${their} claims rest on earlier years' figures, or are nothing where there is no earlier figure`;
  return {
    financialYear: year,
    roles: roles.length,
    sentence: `No ${year} maximum amounts are built in for ${plural(roles.length, "role", "roles")} on this roster: until you add ${them}, ${until}.`,
    button: `Add the ${year} rates sheet`,
  };
}

/**
 * The money lines, the claimable amount first (the pane shows it largest): what rests on earlier
 * maximums, the ARRS sum, what is left of it or how far the claims go over it, the cost the PCN funds
 * itself, the backdated uplift. Each says what it means; going over the ARRS sum is marked a problem.
 */
export function totalLines(result: CheckResult): TotalLine[] {
  const t = result.totals;
  const year = result.financialYear.label;
  const claimable: TotalLine = { label: `Claimable for ${year}`, value: formatMoney(t.claimable) };
  if (t.onEarlierMaximums > 0) {
    const all = Math.abs(t.claimable - t.onEarlierMaximums) < 0.005;
    claimable.note = `${all ? "All" : formatMoney(t.onEarlierMaximums)} of this rests on earlier years' maximums`;
  }
  const lines = [claimable];
  const unconfirmed = entitlementUnconfirmed(result) ? "not confirmed" : undefined;
  if (t.entitlement !== null) {
    lines.push({ label: "ARRS sum", value: formatMoney(t.entitlement), note: unconfirmed, explain: "The most the PCN can be reimbursed this year (its entitlement)." });
  } else {
    lines.push({ label: "ARRS sum", value: "Not known", explain: "Enter the PCN's weighted population in the settings to see it, and what is left of it." });
  }
  if (t.headroom !== null && t.headroom >= 0) {
    lines.push({ label: "Left in the ARRS sum", value: formatMoney(t.headroom), note: unconfirmed, explain: "The ARRS sum less what this roster claims: still there to claim this year." });
  } else if (t.headroom !== null) {
    lines.push({
      label: "Over the ARRS sum", value: formatMoney(-t.headroom), note: unconfirmed, problem: true,
      explain: "This roster claims more than the ARRS sum, and no more than the sum is reimbursed: the PCN funds the rest.",
    });
  }
  if (t.overMaxGap > 0) {
    lines.push({ label: "Cost the PCN funds itself", value: formatMoney(t.overMaxGap), explain: "Staff costs above the maximum amounts: ARRS does not reimburse them." });
  }
  if (t.backdatedUplift !== 0) {
    lines.push({ label: "Backdated uplift to claim", value: formatMoney(t.backdatedUplift), note: "your figures over the built-in ones" });
  }
  return lines.map(withoutBlanks);
}

/** The line without its unset fields (so that tests and the pane see only what is said). */
function withoutBlanks(line: TotalLine): TotalLine {
  return Object.fromEntries(Object.entries(line).filter(([, value]) => value !== undefined)) as unknown as TotalLine;
}

/** What adding the rates sheet did, in the words of the door it was done in. */
export function describeRatesSheet(options: {
  sheetName: string;
  financialYear: string;
  /** The sheet was already there: nothing was added. */
  existed: boolean;
  /** Inside Excel (the sheet is selected); false in a browser tab (it goes into the download). */
  inExcel: boolean;
  firstBlank: string | null;
  blanks: number;
}): string {
  const { sheetName, financialYear, existed, inExcel, firstBlank, blanks } = options;
  const fill = `the ${plural(blanks, "shaded cell", "shaded cells")} from the ${financialYear} Network Contract DES`;
  if (existed) {
    return inExcel
      ? `This workbook already has a sheet "${sheetName}", so nothing was added: it is selected now. Fill in its shaded cells, then choose "Check roster".`
      : `This workbook already has a sheet "${sheetName}", so nothing was added. Download the workbook, fill in its shaded cells in Excel, then open it here again and choose "Check roster".`;
  }
  if (!firstBlank) return `Added the sheet "${sheetName}" with every ${financialYear} figure the checker knows. Check them against the DES, then choose "Check roster".`;
  return inExcel
    ? `Added the sheet "${sheetName}" and selected ${firstBlank}, its first blank cell. Fill in ${fill}, then choose "Check roster".`
    : `Added the sheet "${sheetName}" at the end of the workbook. Download the workbook, fill in ${fill} in Excel (the first is ${firstBlank}), then open it here again and choose "Check roster".`;
}
