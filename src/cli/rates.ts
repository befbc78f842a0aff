/**
 * `arrs rates`: writes the rates template for a year as a new workbook, to complete from the DES and
 * pass to `arrs check --rates`. It writes over a file only when that file is one it wrote and holds
 * no figure of the user's own, or with --force; anything else is refused in one line, exit code 2.
 */
import { financialYearOf, parseFinancialYear, type FinancialYear } from "../common/dates";
import { firstOwnFigure, RATES_TEMPLATE_NAME, ratesTemplate } from "../pipeline/rates-template";
import { WorkbookFileError } from "../workbook/file-errors";
import { newOwnedSheetWorkbookBytes, workbookHasMark } from "../workbook/xlsx/new-workbook";
import { XlsxWorkbook } from "../workbook/xlsx/xlsx-workbook";
import type { RatesArgs } from "./args";
import { CliProblem, readIfExists, writeOutputFile } from "./files";
import { forTerminal } from "./terminal-text";

export interface RatesIo {
  stdout: (text: string) => void;
  today: () => string;
}

/** "arrs-rates-2026-27.xlsx", in the current folder. */
export function defaultRatesPath(year: FinancialYear): string {
  return `arrs-rates-${year.label.replace("/", "-")}.xlsx`;
}

export async function runRates(args: RatesArgs, io: RatesIo): Promise<number> {
  const year = (args.year ? parseFinancialYear(args.year) : null) ?? financialYearOf(io.today());
  const target = args.out ?? defaultRatesPath(year);
  const existing = args.force ? null : await readIfExists(target);
  if (existing) await assertNoOwnFigures(existing, { target, year });

  const template = ratesTemplate(year);
  const owns = (bytes: Uint8Array) => workbookHasMark(bytes, RATES_TEMPLATE_NAME);
  await writeOutputFile(target, await newOwnedSheetWorkbookBytes(template.sheet, { markName: RATES_TEMPLATE_NAME }), { flag: "--out", what: "a rates file", force: args.force, owns });
  const which = args.year ? year.label : `${year.label} (the current financial year; use --year for another)`;
  io.stdout([
    `Wrote ${target}: the sheet "${template.sheet.name}" for ${which}, ${template.lines} rows.`,
    template.blanks > 0
      ? `${template.blanks} amounts are blank and shaded: copy them from the Network Contract DES ${year.label} (the title says which tables), starting at ${template.firstBlank}.`
      : "Every amount is filled in from the tool's own figures; check them against the DES.",
    `Then check a roster with: arrs check roster.xlsx --rates ${target}`,
    "",
  ].map(forTerminal).join("\n"));
  return 0;
}

/**
 * The tool's own rates file once filled in holds the user's work: without --force it is not written
 * over (a file the tool did not write at all is refused by writeOutputFile).
 */
async function assertNoOwnFigures(bytes: Buffer, options: { target: string; year: FinancialYear }): Promise<void> {
  const { target, year } = options;
  if (!(await workbookHasMark(bytes, RATES_TEMPLATE_NAME))) return;
  let own: string | null;
  try {
    own = await firstOwnFigure(await XlsxWorkbook.fromBuffer(bytes), year);
  } catch (error) {
    if (error instanceof WorkbookFileError) throw new CliProblem(`"${target}" already exists and cannot be read (${error.message}), so it was left alone. Choose another name with --out.`);
    throw error;
  }
  if (own) {
    throw new CliProblem(`"${target}" already holds figures you entered (${own}), so it was left alone. Use it with arrs check --rates, choose another name with --out, or add --force to replace it.`);
  }
}
