/**
 * Command-line arguments for `arrs`, parsed by hand (a handful of flags needs no library). Every
 * mistake becomes a UsageError with a one-line message; nothing is guessed.
 */
import { parseRegion, checkedFinancialYear } from "../pipeline/settings";
import type { RequestedSettings } from "../pipeline/settings";
import { isIsoDate, isoFromParts, type IsoDate } from "../common/dates";
import { parseClaimMonth } from "./month";

export class UsageError extends Error {}

export const HELP = `arrs: check an ARRS staff roster and write the claim summary into a copy of the workbook

Usage:
  arrs check <workbook.xlsx> [options]
  arrs check <roster.csv> [options]   a CSV roster (comma or semicolon, UTF-8 or Excel's own) is read as one sheet
  arrs rates --year 2026/27 [--out FILE.xlsx] [--force]
                                write a rates sheet to complete from the DES: the figures the tool knows are
                                filled in, the rest are blank and shaded (default file: arrs-rates-2026-27.xlsx)
  arrs rollup <files or folders...> [--year 2025/26] [--rates FILE.xlsx] [--as-of DATE] [--out FILE.xlsx]
              [--json] [--no-copies] [--force]
                                check every PCN workbook (.xlsx, .xlsm, .csv; folders one level down), each with
                                its own stored settings, and write one ICB workbook (default file:
                                arrs-rollup-2025-26.xlsx here) with every PCN's claim, forecast and findings
  arrs --help | --version

Options:
  --sheet NAME                  a roster sheet; give it once per sheet to check several as one PCN (default: those
                                stored in the workbook, else every sheet that looks like a roster)
  --year 2025/26                the financial year to check (default: stored in the workbook, else the year the
                                "ARRS max reimb" sheet names, else the current one; the output says which)
  --list-size N                 the PCN's registered list size (decides caps on numbers)
  --weighted-population N       PCN Contractor Weighted Population at 1 January before the year (decides the ARRS sum)
  --region national|outer-london|inner-london
  --out FILE.xlsx               where to write the checked copy (default: beside the input, as NAME.arrs.xlsx, or
                                NAME.arrs.xlsm for a macro-enabled workbook)
  --force                       replace a file of that name that the tool did not write (without it, such a file
                                is left alone and nothing is written)
  --json                        print one JSON document instead of the readable summary
  --claim-lines FILE.csv        also write every claim line (one per person per month) to a CSV file
  --month 2026-11               also write that month's claim (header and lines) to NAME.claim-2026-11.csv
                                beside the copy, for the monthly submission (or 11/2026, "Nov 2026")
  --pcn-name, --ods-code, --icb, --paying-practice TEXT
                                the claim header (PCN name, PCN ODS code, ICB, lead or paying practice),
                                kept in ARRS Settings once given
  --rates FILE.xlsx             take the maximum amounts from that workbook's "ARRS max reimb" sheet(s): they win
                                over the roster workbook's own rates sheet, which wins over the built-in figures
  --no-rate-floor               claim nothing for a month whose maximum is not on record (by default the claim
                                goes up to the latest earlier maximum, which the new one cannot be below)
  --as-of DATE                  split the year at this date for the forecast: months up to and including its month
                                are claimed to date, later ones forecast (30/11/2026 or 2026-11-30; default: today)
  --unspent-as ROLE             the role whose maximum turns a forecast unspent sum into WTE (default: a band 5
                                role, Pharmacy Technician), kept in ARRS Settings once given

The input workbook is never modified. Settings are also read from an "ARRS Settings" sheet, which the
tool writes; flags win. Exit codes: 0 when the check ran (whatever it found), 2 when it could not run.`;

export interface CheckArgs {
  command: "check";
  file: string;
  /** The roster sheets named with --sheet, in the order given (absent when none was). */
  sheets?: string[];
  settings: RequestedSettings;
  out?: string;
  json: boolean;
  /** Where to write every claim line as CSV, if asked. */
  claimLines?: string;
  /** A workbook of maximum amounts to use before the roster's own. */
  rates?: string;
  /** The month whose claim to write as CSV too (the 1st of it), if asked. */
  month?: IsoDate;
  /** The date the forecast splits the year at (default: today). */
  asOf?: IsoDate;
  /** The role to measure a forecast unspent sum in, as typed (a role's name or id). */
  unspentAs?: string;
  /** --force: replace files of the names given that the tool did not write. */
  force: boolean;
}

export interface RatesArgs {
  command: "rates";
  /** "2026/27"; absent means the current financial year, which the command then names. */
  year?: string;
  out?: string;
  /** --force: replace a file of that name the tool did not write, or its own template once filled in. */
  force: boolean;
}

export interface RollupArgs {
  command: "rollup";
  /** Files and folders, in the order given. */
  inputs: string[];
  /** "2025/26": every PCN is checked for this year (default: each workbook's stored year, else the current one). */
  year?: string;
  rates?: string;
  /** The date the year splits at, for the forecast (default: today). */
  asOf?: IsoDate;
  out?: string;
  json: boolean;
  /** Write each PCN's checked copy beside its workbook (not with --no-copies). */
  copies: boolean;
  /** Replace an --out file the tool did not write. */
  force: boolean;
}

export type ParsedArgs = CheckArgs | RatesArgs | RollupArgs | { command: "help" } | { command: "version" };

function positiveNumber(flag: string, text: string | undefined, integer: boolean): number {
  const value = Number((text ?? "").replace(/,/g, ""));
  if (text === undefined || text.trim() === "" || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new UsageError(`${flag} needs a positive ${integer ? "whole " : ""}number, for example ${flag} ${integer ? "58214" : "61532.4"}.`);
  }
  return value;
}

/** Each argument as flag and value: "--year=2025/26" and "--year 2025/26" alike. */
class ArgReader {
  private index = -1;
  constructor(private readonly args: readonly string[]) {}

  next(): { arg: string; flag: string; inline?: string } | null {
    this.index += 1;
    const arg = this.args[this.index];
    if (arg === undefined) return null;
    const split = arg.startsWith("--") && arg.includes("=");
    return split ? { arg, flag: arg.slice(0, arg.indexOf("=")), inline: arg.slice(arg.indexOf("=") + 1) } : { arg, flag: arg };
  }

  value(current: { flag: string; inline?: string }): string {
    if (current.inline !== undefined) return current.inline;
    const value = this.args[this.index + 1];
    if (value === undefined || value.startsWith("--")) throw new UsageError(`${current.flag} needs a value.`);
    this.index += 1;
    return value;
  }
}

/** A claim header setting: text, not blank. */
function headerText(flag: string, text: string): string {
  if (text.trim() === "") throw new UsageError(`${flag} needs a value, for example ${flag} "North Town PCN".`);
  return text.trim();
}

function yearLabel(text: string): string {
  try { return checkedFinancialYear(text).label; } catch (error) { throw new UsageError((error as Error).message); }
}

function xlsxName(flag: string, file: string): string {
  if (!file.toLowerCase().endsWith(".xlsx")) throw new UsageError(`${flag} needs a file name ending .xlsx, for example ${flag} rates.xlsx (not "${file}").`);
  return file;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0 || argv.includes("--help") || argv.includes("-h") || argv[0] === "help") return { command: "help" };
  if (argv.includes("--version") || argv.includes("-v")) return { command: "version" };
  const [command, ...rest] = argv;
  if (command === "check") return parseCheck(rest);
  if (command === "rates") return parseRates(rest);
  if (command === "rollup") return parseRollup(rest);
  throw new UsageError(`Unknown command "${command}". Use: arrs check <workbook.xlsx>, arrs rollup <folder>, or arrs rates --year 2026/27`);
}

function parseRates(rest: readonly string[]): RatesArgs {
  const parsed: RatesArgs = { command: "rates", force: false };
  const reader = new ArgReader(rest);
  for (let current = reader.next(); current; current = reader.next()) {
    switch (current.flag) {
      case "--year": parsed.year = yearLabel(reader.value(current)); break;
      case "--out": parsed.out = xlsxName("--out", reader.value(current)); break;
      case "--force": parsed.force = true; break;
      default:
        if (current.arg.startsWith("-")) throw new UsageError(`Unknown option ${current.flag} for arrs rates: it takes --year, --out and --force.`);
        throw new UsageError(`arrs rates takes no file of its own: use --out ${current.arg} to name the file it writes.`);
    }
  }
  return parsed;
}

/** A date as 2026-11-30 or 30/11/2026. */
function dateArg(flag: string, text: string): IsoDate {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  const iso = uk ? isoFromParts(Number(uk[3]), Number(uk[2]), Number(uk[1])) : text.trim();
  if (!isIsoDate(iso)) throw new UsageError(`${flag} needs a date, for example ${flag} 2026-11-30 or ${flag} 30/11/2026 (not "${text}").`);
  return iso;
}

function parseRollup(rest: readonly string[]): RollupArgs {
  const parsed: RollupArgs = { command: "rollup", inputs: [], json: false, copies: true, force: false };
  const reader = new ArgReader(rest);
  for (let current = reader.next(); current; current = reader.next()) {
    switch (current.flag) {
      case "--year": parsed.year = yearLabel(reader.value(current)); break;
      case "--rates": parsed.rates = xlsxName(current.flag, reader.value(current)); break;
      case "--as-of": parsed.asOf = dateArg(current.flag, reader.value(current)); break;
      case "--out": parsed.out = xlsxName(current.flag, reader.value(current)); break;
      case "--json": parsed.json = true; break;
      case "--no-copies": parsed.copies = false; break;
      case "--force": parsed.force = true; break;
      default:
        if (current.arg.startsWith("-")) {
          throw new UsageError(`Unknown option ${current.flag} for arrs rollup: it takes --year, --rates, --as-of, --out, --json, --no-copies and --force (each PCN's own settings are read from its workbook).`);
        }
        parsed.inputs.push(current.arg);
    }
  }
  if (parsed.inputs.length === 0) throw new UsageError("Which workbooks? Use: arrs rollup <folder or files>, for example arrs rollup pcn-rosters/");
  return parsed;
}

function parseCheck(rest: readonly string[]): CheckArgs {
  const parsed: CheckArgs = { command: "check", file: "", settings: {}, json: false, force: false };
  const reader = new ArgReader(rest);
  for (let current = reader.next(); current; current = reader.next()) {
    const { arg, flag } = current;
    const value = () => reader.value(current);
    switch (flag) {
      case "--sheet": parsed.sheets = [...(parsed.sheets ?? []), value()]; break;
      case "--year": parsed.settings.financialYear = yearLabel(value()); break;
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
      case "--force": parsed.force = true; break;
      case "--claim-lines": {
        const file = value();
        if (!file.toLowerCase().endsWith(".csv")) throw new UsageError(`--claim-lines needs a file name ending .csv, for example --claim-lines claim-lines.csv (not "${file}").`);
        parsed.claimLines = file;
        break;
      }
      case "--rates": parsed.rates = xlsxName(flag, value()); break;
      case "--no-rate-floor": parsed.settings.rateFloor = false; break;
      case "--as-of": parsed.asOf = dateArg(flag, value()); break;
      case "--unspent-as": parsed.unspentAs = headerText(flag, value()); break;
      case "--month": {
        const text = value();
        const month = parseClaimMonth(text);
        if (!month) throw new UsageError(`--month needs a month, for example --month 2026-11, 11/2026 or "Nov 2026" (not "${text}").`);
        parsed.month = month;
        break;
      }
      case "--pcn-name": parsed.settings.pcnName = headerText(flag, value()); break;
      case "--ods-code": parsed.settings.odsCode = headerText(flag, value()); break;
      case "--icb": parsed.settings.icb = headerText(flag, value()); break;
      case "--paying-practice": parsed.settings.payingPractice = headerText(flag, value()); break;
      default:
        if (arg.startsWith("-")) throw new UsageError(`Unknown option ${flag}. Run arrs --help for the options.`);
        if (parsed.file) throw new UsageError(`One workbook at a time: got "${parsed.file}" and "${arg}".`);
        parsed.file = arg;
    }
  }
  if (!parsed.file) throw new UsageError("Which workbook? Use: arrs check <workbook.xlsx>");
  return parsed;
}
