/**
 * Command-line arguments for `arrs`, parsed by hand (a handful of flags needs no library). Every
 * mistake becomes a UsageError with a one-line message; nothing is guessed.
 */
import { parseRegion, checkedFinancialYear } from "../pipeline/settings";
import type { RequestedSettings } from "../pipeline/settings";

export class UsageError extends Error {}

export const HELP = `arrs: check an ARRS staff roster and write the claim summary into a copy of the workbook

Usage:
  arrs check <workbook.xlsx> [options]
  arrs check <roster.csv> [options]   a CSV roster (comma or semicolon, UTF-8 or Excel's own) is read as one sheet
  arrs --help | --version

Options:
  --sheet NAME                  the roster sheet (default: the one stored in the workbook, else the sheet that looks like a roster)
  --year 2025/26                the financial year to check (default: stored in the workbook, else the year the
                                "ARRS max reimb" sheet names, else the current one; the output says which)
  --list-size N                 the PCN's registered list size (decides caps on numbers)
  --weighted-population N       PCN Contractor Weighted Population at 1 January before the year (decides the ARRS sum)
  --region national|outer-london|inner-london
  --out FILE.xlsx               where to write the checked copy (default: beside the input, as NAME.arrs.xlsx)
  --json                        print one JSON document instead of the readable summary
  --claim-lines FILE.csv        also write every claim line (one per person per month) to a CSV file

The input workbook is never modified. Settings are also read from an "ARRS Settings" sheet, which the
tool writes; flags win. Exit codes: 0 when the check ran (whatever it found), 2 when it could not run.`;

export interface CheckArgs {
  command: "check";
  file: string;
  sheet?: string;
  settings: RequestedSettings;
  out?: string;
  json: boolean;
  /** Where to write every claim line as CSV, if asked. */
  claimLines?: string;
}

export type ParsedArgs = CheckArgs | { command: "help" } | { command: "version" };

function positiveNumber(flag: string, text: string | undefined, integer: boolean): number {
  const value = Number((text ?? "").replace(/,/g, ""));
  if (text === undefined || text.trim() === "" || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new UsageError(`${flag} needs a positive ${integer ? "whole " : ""}number, for example ${flag} ${integer ? "58214" : "61532.4"}.`);
  }
  return value;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0 || argv.includes("--help") || argv.includes("-h") || argv[0] === "help") return { command: "help" };
  if (argv.includes("--version") || argv.includes("-v")) return { command: "version" };
  const [command, ...rest] = argv;
  if (command !== "check") throw new UsageError(`Unknown command "${command}". Use: arrs check <workbook.xlsx>`);

  const parsed: CheckArgs = { command: "check", file: "", settings: {}, json: false };
  const takeValue = (flag: string, index: number): string => {
    const value = rest[index + 1];
    if (value === undefined || value.startsWith("--")) throw new UsageError(`${flag} needs a value.`);
    return value;
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const v = takeValue(flag, i);
      i += 1;
      return v;
    };
    switch (flag) {
      case "--sheet": parsed.sheet = value(); break;
      case "--year": {
        const text = value();
        try { parsed.settings.financialYear = checkedFinancialYear(text).label; } catch (error) { throw new UsageError((error as Error).message); }
        break;
      }
      case "--list-size": parsed.settings.listSize = positiveNumber(flag, value(), true); break;
      case "--weighted-population": parsed.settings.weightedPopulation = positiveNumber(flag, value(), false); break;
      case "--region": {
        const text = value();
        const region = parseRegion(text);
        if (!region) throw new UsageError(`--region must be national, outer-london or inner-london (not "${text}").`);
        parsed.settings.region = region;
        break;
      }
      case "--out": parsed.out = value(); break;
      case "--json": parsed.json = true; break;
      case "--claim-lines": {
        const file = value();
        if (!file.toLowerCase().endsWith(".csv")) throw new UsageError(`--claim-lines needs a file name ending .csv, for example --claim-lines claim-lines.csv (not "${file}").`);
        parsed.claimLines = file;
        break;
      }
      default:
        if (arg.startsWith("-")) throw new UsageError(`Unknown option ${flag}. Run arrs --help for the options.`);
        if (parsed.file) throw new UsageError(`One workbook at a time: got "${parsed.file}" and "${arg}".`);
        parsed.file = arg;
    }
  }
  if (!parsed.file) throw new UsageError("Which workbook? Use: arrs check <workbook.xlsx>");
  return parsed;
}
