/**
 * The =ARRS.* custom functions (namespace ARRS in manifest.xml). They load in the shared runtime
 * (taskpane.html) beside the task pane and the ribbon commands.
 *
 * custom-functions-metadata-plugin (webpack.config.js) reads the JSDoc and the TypeScript signature of
 * every function below tagged @customfunction and writes dist/functions.json from them (descriptions,
 * parameter help, optional parameters; `unknown[][]` is a range, "matrix" in functions.json), and
 * appends a CustomFunctions.associate(...) call for each to this module when it is bundled.
 *
 * This file is the thin layer Excel sees; the logic is pure, in arrs.ts (lookups.ts and claims.ts).
 * Here: typed errors become CustomFunctions.Error (#VALUE! or #N/A, with the message on hover), today
 * is `new Date()`, and MAXREIMB, CLAIM, MONTHLY and SOURCE get the workbook's own "ARRS max reimb"
 * figures, read through the Office adapter as the task pane reads them, cached, and read again when
 * such a sheet changes (worksheet collection events, ExcelApi 1.9; renames are events from ExcelApi
 * 1.17, and before that are noticed at the sheet's next edit). When the figures do change, the
 * workbook is recalculated, so that cells already showing a result follow them. The functions never
 * write to the workbook.
 *
 * Not compiled by the command-line build (tsconfig.build.json): it needs office.js's globals.
 */
import { isRateSheetName } from "../common/owned";
import { OfficeWorkbook, toUserMessage } from "../workbook/office-workbook";
import { isCellError, isoFromLocalDate, type Cell, type CellError, type Result } from "./values";
// Types only from the rest: the look-ups (lookups.ts, with the rule set and its tables, and the roster
// reader's cell parsing), the workbook's figures (workbook-rates.ts) and the engine (claims.ts) load on
// the first call of a function that needs them, so that they stay out of the JavaScript the task pane
// (whose page this is) needs to open.
import type { FunctionContext } from "./lookups";
import type { RateSheetCache, RateSheetSource } from "./workbook-rates";

type Lookups = typeof import("./lookups");
/** The look-ups, once loaded: from then on CAP, ELIGIBLE, ROLE and ROLES answer at once, as before. */
let lookups: Lookups | undefined;
const loadLookups = async (): Promise<Lookups> => (lookups ??= await import("./lookups"));
const claims = () => import("./claims");
const forecast = () => import("./unspent");

/** The add-in's version; kept in step with package.json by test/build/manifest.test.ts. */
export const ADDIN_VERSION = "0.1.0";

/** The part of the custom functions runtime used here (office.js defines it; @types/office-js does not). */
declare const CustomFunctions: {
  Error: new (code: string, message?: string) => Error;
  ErrorCode: { invalidValue: string; notAvailable: string };
};

function excelError(error: CellError): Error {
  const code = error.error === "value" ? CustomFunctions.ErrorCode.invalidValue : CustomFunctions.ErrorCode.notAvailable;
  return new CustomFunctions.Error(code, error.message);
}

/** A result for Excel: always a matrix (one cell for a single value); errors per cell, or thrown for the call. */
function toExcel<T>(result: Result<T> | Cell<T>[][] | CellError): unknown[][] {
  if (Array.isArray(result)) return result.map((row) => row.map((cell) => (isCellError(cell) ? excelError(cell) : cell)));
  if (isCellError(result)) throw excelError(result);
  return [[result]];
}

function today(): string {
  return isoFromLocalDate(new Date());
}

// ---------------------------------------------------------------------------------------------------
// The workbook's own maximum amounts
// ---------------------------------------------------------------------------------------------------

/** The open workbook, through Excel.run and the Office adapter. */
function officeRateSheets(): RateSheetSource {
  const workbook = new OfficeWorkbook();
  return {
    async read() {
      const sheets = await Excel.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/id,items/name");
        await context.sync();
        return worksheets.items.map((ws) => ({ id: ws.id, name: ws.name }));
      });
      const rateGrids = await Promise.all(sheets.filter((s) => isRateSheetName(s.name)).map((s) => workbook.readSheet(s.name)));
      return { sheets, rateGrids };
    },
    async subscribe(listener) {
      const supports = (version: string) => Office.context.requirements.isSetSupported("ExcelApi", version);
      if (!supports("1.9")) throw new Error("This version of Excel cannot report changes to sheets (ExcelApi 1.9).");
      await Excel.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        const renames = supports("1.17");
        worksheets.onChanged.add(async (event) => {
          // Without rename events, the sheet's name now, so that a rename is noticed at its next edit.
          const name = renames ? undefined : await sheetName(event.worksheetId);
          listener({ type: "changed", worksheetId: event.worksheetId, name });
        });
        worksheets.onAdded.add(async (event) => listener({ type: "added", worksheetId: event.worksheetId }));
        worksheets.onDeleted.add(async (event) => listener({ type: "deleted", worksheetId: event.worksheetId }));
        if (renames) {
          worksheets.onNameChanged.add(async (event) => listener({ type: "renamed", worksheetId: event.worksheetId, nameBefore: event.nameBefore, nameAfter: event.nameAfter }));
        }
        await context.sync();
      });
    },
  };
}

/** A sheet's name from its id, or undefined if it cannot be read (deleted meanwhile). */
async function sheetName(worksheetId: string): Promise<string | undefined> {
  try {
    return await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(worksheetId);
      ws.load("name");
      await context.sync();
      return ws.name;
    });
  } catch {
    return undefined;
  }
}

const RECALCULATE_AFTER_MS = 500;
let recalculation: ReturnType<typeof setTimeout> | undefined;

/** Excel does not know that results depend on the rate sheets, so after they change: recalculate, once. */
function recalculateSoon(): void {
  clearTimeout(recalculation);
  recalculation = setTimeout(() => {
    Excel.run(async (context) => {
      context.workbook.application.calculate(Excel.CalculationType.full);
      await context.sync();
    }).catch((error) => console.warn("ARRS checker: could not recalculate after the rate sheet changed", error));
  }, RECALCULATE_AFTER_MS);
}

let rateCache: RateSheetCache | null = null;

/** Today, and the rules with the workbook's own figures for the year asked about. */
async function workbookContext(): Promise<FunctionContext> {
  if (!rateCache) {
    const { RateSheetCache } = await import("./workbook-rates");
    // ??= again: calls made while it loaded share the first cache (one read, one set of event handlers).
    rateCache ??= new RateSheetCache(officeRateSheets(), { onRatesChanged: recalculateSoon });
  }
  try {
    const rates = await rateCache.rates();
    return { today: today(), rules: (year) => rates.rulesFor(year) };
  } catch (error) {
    throw excelError({
      error: "na",
      message: `The workbook's "ARRS max reimb" sheet could not be read (${toUserMessage(error)}); recalculate to try again.`,
    });
  }
}

function plainContext(): FunctionContext {
  return { today: today() };
}

/** A look-up's result for Excel, once the look-ups (the rule tables) are loaded: on first use, not with the pane. */
async function lookUp<T>(answer: (functions: Lookups) => Result<T> | Cell<T>[][]): Promise<unknown[][]> {
  return toExcel(answer(await loadLookups()));
}

// ---------------------------------------------------------------------------------------------------
// The functions. Names and descriptions below are what Excel shows.
// ---------------------------------------------------------------------------------------------------

/**
 * The most WTE of an ARRS role a PCN of this list size may claim for on a date, or "no cap". A missing date means today.
 * @customfunction CAP
 * @param role Role, by the scheme's name or an alias ("Clin Pharm", "ANP"); or a range of them.
 * @param listSize The PCN's registered list size (99,999 or fewer, or 100,000 or more, decide the cap); or a range.
 * @param [date] The date: an Excel date or DD/MM/YYYY text; or a range. Missing means today.
 * @returns The cap in WTE, or "no cap"; one per cell of the ranges given.
 */
export async function cap(role: unknown[][], listSize: unknown[][], date?: unknown[][]): Promise<unknown[][]> {
  const context = plainContext();
  return lookUp((l) => l.cap(context, role, listSize, date));
}

/**
 * The maximum reimbursable amount per 1.0 WTE a year for an ARRS role on a date (including employer NI and pension), from the workbook's "ARRS max reimb" sheet where it gives one. A missing date means today.
 * @customfunction MAXREIMB
 * @param role Role, by the scheme's name or an alias ("Clin Pharm", "FCP physio"); or a range of them.
 * @param [date] The date: an Excel date or DD/MM/YYYY text; or a range. Missing means today.
 * @param [region] national (the default), outer London or inner London; or a range.
 * @returns The annual maximum in pounds; #N/A when none is on record for that date.
 */
export async function maxReimb(role: unknown[][], date?: unknown[][], region?: unknown[][]): Promise<unknown[][]> {
  const [context, l] = await Promise.all([workbookContext(), loadLookups()]);
  return toExcel(l.maxReimb(context, role, date, region));
}

/**
 * The amount claimable for a person for a financial year, as the ARRS checker works it out: month by month, pro rata for days in post, up to the maximum in force on the 1st of each month. A missing financial year means the current one.
 * @customfunction CLAIM
 * @param role Role, by the scheme's name or an alias; or a range of them (one person per row).
 * @param annualCost The person's annual cost at their WTE: salary + employer NI + employer pension; or a range.
 * @param wte Whole-time equivalent, 0 to 1.0 (37.5 hours a week = 1.0); or a range.
 * @param start Start date in post: an Excel date or DD/MM/YYYY text; or a range.
 * @param [end] End date; missing or blank means still in post; or a range.
 * @param [financialYear] The financial year, such as "2025/26"; missing means the current one (the year containing today); or a range.
 * @param [region] national (the default), outer London or inner London; or a range.
 * @returns The claimable amount for the year, in pounds, unrounded.
 */
export async function claim(
  role: unknown[][], annualCost: unknown[][], wte: unknown[][], start: unknown[][],
  end?: unknown[][], financialYear?: unknown[][], region?: unknown[][],
): Promise<unknown[][]> {
  const [context, { claim }] = await Promise.all([workbookContext(), claims()]);
  return toExcel(claim(context, role, annualCost, wte, start, end, financialYear, region));
}

/**
 * The twelve monthly claims for a person, April first, spilled across twelve columns (one row per person). Same arguments as ARRS.CLAIM. A missing financial year means the current one.
 * @customfunction MONTHLY
 * @param role Role, by the scheme's name or an alias; or a column of them (one person per row).
 * @param annualCost The person's annual cost at their WTE: salary + employer NI + employer pension; or a column.
 * @param wte Whole-time equivalent, 0 to 1.0 (37.5 hours a week = 1.0); or a column.
 * @param start Start date in post: an Excel date or DD/MM/YYYY text; or a column.
 * @param [end] End date; missing or blank means still in post; or a column.
 * @param [financialYear] The financial year, such as "2025/26"; missing means the current one (the year containing today); or a column.
 * @param [region] national (the default), outer London or inner London; or a column.
 * @returns Twelve amounts per person, April to March.
 */
export async function monthly(
  role: unknown[][], annualCost: unknown[][], wte: unknown[][], start: unknown[][],
  end?: unknown[][], financialYear?: unknown[][], region?: unknown[][],
): Promise<unknown[][]> {
  const [context, { monthly }] = await Promise.all([workbookContext(), claims()]);
  return toExcel(monthly(context, role, annualCost, wte, start, end, financialYear, region));
}

/**
 * TRUE when an ARRS role was claimable on a date, FALSE when it was not yet. A missing date means today.
 * @customfunction ELIGIBLE
 * @param role Role, by the scheme's name or an alias; or a range of them.
 * @param [date] The date: an Excel date or DD/MM/YYYY text; or a range. Missing means today.
 * @returns TRUE or FALSE.
 */
export async function eligible(role: unknown[][], date?: unknown[][]): Promise<unknown[][]> {
  const context = plainContext();
  return lookUp((l) => l.eligible(context, role, date));
}

/**
 * The PCN's ARRS sum (entitlement) for a financial year: pounds per weighted patient times the PCN Contractor Weighted Population at 1 January before the year.
 * @customfunction ENTITLEMENT
 * @param weightedPopulation PCN Contractor Weighted Population at 1 January before the year; or a range.
 * @param financialYear The financial year, such as "2025/26"; or a range.
 * @returns The ARRS sum in pounds.
 */
export async function entitlement(weightedPopulation: unknown[][], financialYear: unknown[][]): Promise<unknown[][]> {
  const { entitlement } = await claims();
  return toExcel(entitlement(plainContext(), weightedPopulation, financialYear));
}

/**
 * A PCN's year at an as-of date: claimed to date, the rest of the year at this rate, and the ARRS sum left unspent. A missing as-of date means today; a missing financial year means the current one (the year containing the as-of date).
 * @customfunction UNSPENT
 * @param entitlement The PCN's ARRS sum for the year (=ARRS.ENTITLEMENT gives it): one cell.
 * @param claims The year's twelve monthly claims, April first, in one row or column. A month after the as-of month left blank counts at the rate of the last month to date.
 * @param [asOf] The as-of date: an Excel date or DD/MM/YYYY text. Months up to and including its month are to date. Missing means today.
 * @param [financialYear] The financial year, such as "2025/26"; missing means the year containing the as-of date.
 * @returns One row: claimed to date, the rest of the year, and unspent (negative: over the ARRS sum), in pounds.
 */
export async function unspent(entitlement: unknown[][], claims: unknown[][], asOf?: unknown[][], financialYear?: unknown[][]): Promise<unknown[][]> {
  const { unspent } = await forecast();
  return toExcel(unspent(plainContext(), entitlement, claims, asOf, financialYear));
}

/**
 * The ARRS roles claimable on a date, one per row, in the order the scheme added them. A missing date means today.
 * @customfunction ROLES
 * @param [date] The date: an Excel date or DD/MM/YYYY text. Missing means today.
 * @returns A column of role names.
 */
export async function roles(date?: unknown): Promise<unknown[][]> {
  const context = plainContext();
  return lookUp((l) => l.roles(context, date));
}

/**
 * The scheme's name for the ARRS role that free text names, such as "Clin Pharm", "FCP physio" or "SPLW".
 * @customfunction ROLE
 * @param text A role as a roster writes it; or a range of them.
 * @returns The role's name in the scheme; #VALUE! when the text names no ARRS role.
 */
export async function role(text: unknown[][]): Promise<unknown[][]> {
  const context = plainContext();
  return lookUp((l) => l.role(context, text));
}

/**
 * Where the maximum amount for an ARRS role on a date comes from (document and table, or the workbook's own sheet), and how sure it is: published, inferred, third-party or your own figure. A missing date means today.
 * @customfunction SOURCE
 * @param role Role, by the scheme's name or an alias; or a range of them.
 * @param [date] The date: an Excel date or DD/MM/YYYY text; or a range. Missing means today.
 * @param [region] national (the default), outer London or inner London; or a range.
 * @returns The source and its confidence.
 */
export async function source(role: unknown[][], date?: unknown[][], region?: unknown[][]): Promise<unknown[][]> {
  const [context, l] = await Promise.all([workbookContext(), loadLookups()]);
  return toExcel(l.source(context, role, date, region));
}

/**
 * The version of the ARRS checker add-in that is loaded.
 * @customfunction VERSION
 * @returns The version number, for example "0.1.0".
 */
export function version(): string {
  return ADDIN_VERSION;
}
