/**
 * Column widths (<cols>, ECMA-376 Part 1, 18.3.1.13). A <col> covers a run of columns (min..max)
 * with one set of attributes; runs may not overlap and must be in order. Setting the width of one
 * column inside a user's run splits the run, so the columns either side keep exactly what they had.
 */
import { eachStartTag } from "./tag-scanner";

interface ColumnRun {
  min: number;
  max: number;
  /** Every attribute but min and max, as written (name → raw value). */
  attributes: [string, string][];
}

/** A <cols> element for a new sheet: width in characters per 1-based column. */
export function columnsXml(widths: Map<number, number>): string {
  const runs: ColumnRun[] = [...widths.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([column, width]) => ({ min: column, max: column, attributes: [["width", String(width)], ["customWidth", "1"]] }));
  return runsXml(runs, "");
}

/**
 * The sheet's <cols> element with each listed column's width set, or with null, taken back to the
 * sheet's default. `colsXml` is the existing element ("" if the sheet has none); `prefix` is the
 * namespace prefix of the sheet's elements. Returns "" when no column is left with anything set.
 */
export function patchColumns(colsXml: string, changes: Map<number, number | null>, prefix: string): string {
  let runs = parseRuns(colsXml);
  for (const [column, width] of [...changes.entries()].sort((a, b) => a[0] - b[0])) {
    const next: ColumnRun[] = [];
    let found = false;
    for (const run of runs) {
      if (column < run.min || column > run.max) {
        next.push(run);
        continue;
      }
      found = true;
      if (run.min < column) next.push({ ...run, max: column - 1 });
      next.push({ min: column, max: column, attributes: withWidth(run.attributes, width) });
      if (column < run.max) next.push({ ...run, min: column + 1 });
    }
    if (!found && width !== null) next.push({ min: column, max: column, attributes: withWidth([], width) });
    runs = next.sort((a, b) => a.min - b.min);
  }
  return runsXml(runs.filter((run) => run.attributes.length > 0), prefix);
}

function withWidth(attributes: [string, string][], width: number | null): [string, string][] {
  const rest = attributes.filter(([name]) => name !== "width" && name !== "customWidth");
  return width === null ? rest : [...rest, ["width", String(width)], ["customWidth", "1"]];
}

function parseRuns(colsXml: string): ColumnRun[] {
  const runs: ColumnRun[] = [];
  eachStartTag(colsXml, "col", (scan) => {
    const min = Number(scan.attribute("min"));
    const max = Number(scan.attribute("max"));
    if (!Number.isInteger(min) || !Number.isInteger(max)) return;
    runs.push({ min, max, attributes: scan.attributes().filter(([name]) => name !== "min" && name !== "max") });
  });
  return runs;
}

function runsXml(runs: ColumnRun[], prefix: string): string {
  if (runs.length === 0) return "";
  const cols = runs.map((run) => `<${prefix}col min="${run.min}" max="${run.max}"${run.attributes.map(([n, v]) => ` ${n}="${v}"`).join("")}/>`);
  return `<${prefix}cols>${cols.join("")}</${prefix}cols>`;
}
