/**
 * How the tool's charts are named and coloured, the same from both adapters.
 *
 * Names: Excel shows a chart's name in the
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

/** Series colours in turn (RGB hex): NHS blue, light blue, warm yellow, grey, green, purple. */
export const SERIES_COLOURS = ["005EB8", "41B6E6", "FFB81C", "768692", "009639", "330072"];

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length];
}
