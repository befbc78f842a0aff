/**
 * The layout in ../shared/design.md, checked: arrows point one way, and the pure layers import no
 * Office, React, ExcelJS or Node built-ins.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";

const SRC = path.join(__dirname, "..", "..", "src");

/** Which of our folders each folder may import from (besides itself). */
const ALLOWED: Record<string, string[]> = {
  common: [],
  rules: [],
  // The roster reader produces the engine's input type (StaffInput).
  roster: ["common", "rules", "engine/types"],
  engine: ["common", "rules"],
  report: ["common", "rules", "engine", "roster/types"],
  workbook: ["common", "rules", "report/types", "report"],
  pipeline: ["common", "rules", "roster", "engine", "report", "workbook/types"],
  cli: ["common", "pipeline", "workbook", "report", "engine/types", "rules/types"],
  // functions.ts reads the workbook's rate sheet through the Office adapter; the pure modules do not.
  functions: ["common", "rules", "engine", "roster", "workbook/office-workbook", "workbook/types"],
  commands: ["common", "rules", "pipeline", "workbook", "report", "engine/types"],
  // The pane may import everything above it, but not the command line.
  taskpane: ["common", "rules", "roster", "engine", "report", "workbook", "pipeline", "commands"],
};
const PURE = ["common", "rules", "roster", "engine", "report", "pipeline"];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+["']([^"']+)["']/g), ...text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
}

const cases = Object.keys(ALLOWED).flatMap((folder) => {
  const dir = path.join(SRC, folder);
  try { return filesUnder(dir).map((file) => [folder, path.relative(SRC, file)] as const); } catch { return []; }
});

test.each(cases)("%s: %s imports only what the layout allows", (folder, relative) => {
  const file = path.join(SRC, relative);
  for (const spec of importsOf(file)) {
    if (spec.startsWith(".")) {
      const target = path.relative(SRC, path.resolve(path.dirname(file), spec));
      const targetFolder = target.split(path.sep)[0];
      if (targetFolder === folder) continue;
      const allowed = ALLOWED[folder].some((a) => target === a || target.startsWith(`${a}${path.sep}`) || target === `${a}/index` || (a.includes("/") && target === a));
      expect({ file: relative, imports: target, allowed }).toEqual({ file: relative, imports: target, allowed: true });
    } else if (PURE.includes(folder)) {
      expect({ file: relative, imports: spec }).toEqual({ file: relative, imports: expect.not.stringMatching(/^(node:|fs$|path$|exceljs|react|@microsoft|@fluentui|office)/) });
    }
  }
});
