/**
 * Where a check's maximum amounts come from, in order: a separate rates workbook (`arrs check --rates`;
 * an ICB can send one completed file to all its PCNs), then the roster workbook's own "ARRS max reimb"
 * sheets, then the built-in figures. The rule set finds a user's figure in the order the figures were
 * added, so the rates file's are added first. A figure that two of them give differently is reported
 * once for the PCN, saying which was used.
 */
import { financialYearOf, type FinancialYear, type IsoDate } from "../common/dates";
import type { Grid } from "../common/grid";
import { formatWholePounds } from "../common/money";
import { finding } from "../engine/findings";
import { readRateSheet } from "../roster";
import type { RateOverride, RuleSet } from "../rules/ruleset";
import { REGION_WORDS, type Finding } from "../rules/types";

/** The rate sheets of one workbook; `workbook` is the file's name when it is not the roster's own. */
export interface RateSheetSource {
  grids: Grid[];
  workbook?: string;
}

const SOURCE = "ARRS checker: a --rates file first, then this workbook's \"ARRS max reimb\" sheets, then the built-in figures";

/** The rule set with every source's figures, the rates file's first, and what was found reading them. */
export function rulesWithRateSheets(rules: RuleSet, options: { sources: RateSheetSource[]; checkedYear: FinancialYear }): { rules: RuleSet; findings: Finding[] } {
  const overrides: RateOverride[] = [];
  const findings: Finding[] = [];
  for (const source of options.sources) {
    for (const grid of source.grids) {
      const sheet = readRateSheet(grid, { rules, checkedYear: options.checkedYear });
      overrides.push(...sheet.overrides.map((o) => (source.workbook ? { ...o, workbook: source.workbook } : o)));
      // A problem on a sheet of the rates file says which file, since the roster may have a sheet of the same name.
      findings.push(...sheet.findings.map((f) => (source.workbook ? { ...f, message: `${source.workbook}: ${f.message}` } : f)));
    }
  }
  // A figure that only restates the built-in one for its whole period is left out, so that the result
  // keeps the built-in figure's source and confidence (a completed rates template repeats them all).
  const own = overrides.filter((o) => !restatesBuiltIn(rules, o));
  return { rules: rules.withRateOverrides(own), findings: [...findings, ...differences(rules, own)] };
}

function restatesBuiltIn(rules: RuleSet, o: RateOverride): boolean {
  return monthStarts(o.from, o.to).every((month) => rules.builtInAmount(o.role, month, o.region, { band: o.band ?? null, mhpTable: o.mhpTable ?? null })?.amount === o.amount);
}

function keyOf(o: RateOverride): string {
  return [o.role, o.region, o.band ?? "", o.mhpTable ?? "", o.from, o.to].join("|");
}

function where(o: RateOverride): string {
  const sheet = o.workbook ? `the "${o.sheetName}" sheet of ${o.workbook}` : `the "${o.sheetName}" sheet in this workbook`;
  return `${sheet} (row ${o.rowNumber})`;
}

/**
 * One finding per figure given differently: the first override for a role, region, band, table and
 * period is the one used; any later one that differs, and any built-in figure that differs, is named.
 * Two of the user's own sheets disagreeing is a warning (one of them is wrong); a user's figure that
 * differs from a built-in one is a note (a newer figure, such as an uplift, is the usual reason).
 */
function differences(rules: RuleSet, overrides: readonly RateOverride[]): Finding[] {
  const groups = new Map<string, RateOverride[]>();
  for (const o of overrides) groups.set(keyOf(o), [...(groups.get(keyOf(o)) ?? []), o]);
  const findings: Finding[] = [];
  for (const [used, ...others] of groups.values()) {
    const otherSheets = others.filter((o) => o.amount !== used.amount);
    const builtIn = builtInFigures(rules, used).filter((amount) => amount !== used.amount);
    if (otherSheets.length === 0 && builtIn.length === 0) continue;
    const key = used.mhpTable ? `, band ${used.band}, ${used.mhpTable === "first-in-band" ? "Table 3a" : "Table 3b"}` : "";
    const named = [
      ...otherSheets.map((o) => `${where(o)} gives ${formatWholePounds(o.amount)}`),
      ...(builtIn.length ? [`the built-in figure is ${builtIn.map(formatWholePounds).join(" then ")}`] : []),
    ];
    findings.push(finding({
      code: "RATE_SOURCES_DIFFER",
      severity: otherSheets.length ? "warning" : "info",
      source: SOURCE,
      message: `The ${REGION_WORDS[used.region]} maximum for ${rules.role(used.role).name}${key} for ${financialYearOf(used.from).label} is given `
        + `differently: ${formatWholePounds(used.amount)} from ${where(used)} was used; ${named.join("; ")}.`
        + (otherSheets.length ? " Correct the one that is wrong, or remove it." : ""),
      details: { role: used.role, region: used.region, used: used.amount },
    }));
  }
  return findings;
}

/** The distinct built-in amounts in force at the start of each month of the override's period. */
function builtInFigures(rules: RuleSet, o: RateOverride): number[] {
  const figures: number[] = [];
  for (const month of monthStarts(o.from, o.to)) {
    const amount = rules.builtInAmount(o.role, month, o.region, { band: o.band ?? null, mhpTable: o.mhpTable ?? null });
    if (amount && !figures.includes(amount.amount)) figures.push(amount.amount);
  }
  return figures;
}

function monthStarts(from: IsoDate, to: IsoDate): IsoDate[] {
  const months: IsoDate[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  for (let date = from; date <= to; date = `${year}-${String(month).padStart(2, "0")}-01`) {
    months.push(date);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}
