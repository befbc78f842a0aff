/**
 * The roll-up's `--json` document: the year, the as-of date, one entry per workbook (its PCN, totals,
 * forecast and counts, or why it could not be checked) and the totals over the PCNs. Each PCN's
 * `totals` and `forecast` are built by the same functions as `arrs check --json`'s, so the two agree exactly.
 */
import { claimHeaderOf } from "../report/claim-header";
import { pcnFigures, totalFigures } from "../report/icb-figures";
import type { CheckedPcn, Rollup } from "../report/icb-types";
import { forecastJson, toJson } from "./json";

function pcnJson(pcn: CheckedPcn) {
  const { result } = pcn;
  const figures = pcnFigures(pcn);
  const header = claimHeaderOf(result.settings);
  const checkJson = toJson(result, { workbook: pcn.file, sheet: "", output: pcn.copy });
  return {
    file: pcn.file,
    copy: pcn.copy,
    pcn: { name: header.pcnName, odsCode: header.odsCode, icb: header.icb, payingPractice: header.payingPractice, ...checkJson.pcn },
    totals: checkJson.totals,
    // The same object as `arrs check --json`'s top-level forecast.
    forecast: pcn.forecast ? forecastJson(pcn.forecast) : null,
    errors: figures.errors,
    warnings: figures.warnings,
    practices: figures.practices,
    staff: figures.staff,
    wte: figures.wte,
    unconfirmed: figures.unconfirmed,
  };
}

export function rollupJson(rollup: Rollup, options: { output: string }) {
  const checked = rollup.pcns.filter((pcn): pcn is CheckedPcn => pcn.kind === "checked");
  return {
    financialYear: rollup.financialYear,
    asOf: rollup.asOf,
    output: options.output,
    pcns: rollup.pcns.map((pcn) => (pcn.kind === "checked" ? pcnJson(pcn) : { file: pcn.file, error: pcn.error })),
    totals: { pcns: checked.length, notChecked: rollup.pcns.length - checked.length, ...totalFigures(checked.map(pcnFigures)) },
  };
}
