/**
 * Parts of an .xlsx file that ExcelJS does not carry over when it saves a workbook (charts, pivot
 * tables, slicers, macros). The command line never modifies its input, but its output copy would lack
 * them, so it says so instead of dropping them silently. Found by the file's part names, without
 * parsing them.
 */
import JSZip from "jszip";

const LOST_PARTS: { pattern: RegExp; one: string; many: string }[] = [
  { pattern: /^xl\/charts\/chart\d+\.xml$/i, one: "chart", many: "charts" },
  { pattern: /^xl\/pivotTables\/pivotTable\d+\.xml$/i, one: "pivot table", many: "pivot tables" },
  { pattern: /^xl\/slicers\/slicer\d+\.xml$/i, one: "slicer", many: "slicers" },
  { pattern: /^xl\/vbaProject\.bin$/i, one: "macro project", many: "macro projects" },
];

/** E.g. ["2 charts", "1 pivot table"]; empty when the copy keeps everything we know of. */
export async function featuresTheCopyLoses(file: Uint8Array): Promise<string[]> {
  let names: string[];
  try {
    names = Object.keys((await JSZip.loadAsync(file)).files);
  } catch {
    return [];
  }
  return LOST_PARTS.flatMap(({ pattern, one, many }) => {
    const count = names.filter((name) => pattern.test(name)).length;
    return count === 0 ? [] : [`${count} ${count === 1 ? one : many}`];
  });
}
