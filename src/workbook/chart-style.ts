/**
 * The names the tool gives its charts, shared by both adapters: Excel shows a chart's name in the
 * Selection Pane and Office.js finds charts by it, and the file adapter writes the same name into the
 * drawing (xdr:cNvPr), so a rerun from either door replaces the tool's charts and leaves any chart the
 * user drew beside them, even where the other door wrote the first run.
 */
import type { ChartSpec } from "../report/types";

const PREFIX = "ARRS chart: ";

/** The one chart name written before charts were named from their titles, still recognised as the tool's. */
const EARLIER_NAME = "ARRS claim by month";

export function chartName(spec: ChartSpec): string {
  return `${PREFIX}${spec.title}`;
}

export function isToolChartName(name: string): boolean {
  return name.startsWith(PREFIX) || name === EARLIER_NAME;
}
