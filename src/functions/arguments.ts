/**
 * Arguments of the =ARRS.* worksheet functions: what Excel passes in (numbers, text, booleans, blanks,
 * ranges as arrays of rows) turned into what rules/ and engine/ take (role ids, ISO dates, financial
 * years, regions, numbers), and ranges broadcast against single values.
 *
 * Pure: no Office, no globals, no clock (today is passed in). Nothing here throws for bad input: a
 * value that cannot be used becomes a CellError, which functions.ts turns into the Excel error a user
 * expects (#VALUE! for input that is wrong, #N/A for a figure that is not on record), with a message
 * on hover.
 */
import { parseFinancialYear, type FinancialYear, type IsoDate } from "../common/dates";
import { BAND_DEPENDENT_ALIASES } from "../rules/data/roles";
import { normaliseRoleText, type RuleSet } from "../rules/ruleset";
import type { Region, RoleDefinition } from "../rules/types";
import { cellText, parseDate, parseMoney, parseQuantity } from "../roster/cells";
import { resolveRoleText } from "../roster/read-roster";
import { parseRegion } from "../roster/settings-sheet";

import { BLANK, isCellError, valueError, type Blank, type Cell, type CellError, type Result } from "./values";

// Results and today's date are in values.ts, which functions.ts loads with the page; re-exported here.
export { BLANK, isCellError, isoFromLocalDate, naError, valueError, type Blank, type Cell, type CellError, type Result } from "./values";

/** Excel passes an omitted argument as null (or undefined) and an empty cell in a range as "" or null. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  return typeof value === "string" && value.trim() === "";
}

/** What a value looks like in a message: 'Clin Pharmacy', cut if long. */
export function quoted(value: unknown): string {
  let text: string;
  if (typeof value === "string") text = value;
  else if (typeof value === "number" || typeof value === "boolean") text = String(value).toUpperCase();
  else text = cellText(value) ?? String(value);
  text = text.replace(/\s+/g, " ").trim();
  if (text.length > 40) text = `${text.slice(0, 39)}…`;
  return `'${text}'`;
}

// ---------------------------------------------------------------------------------------------------
// Broadcasting
// ---------------------------------------------------------------------------------------------------

export interface Shape {
  rows: number;
  columns: number;
}

/**
 * The arguments of one call, broadcast to one shape: a 1×1 range or a single value is used for every
 * cell; every other range must have the shape of the result. `matrix` is false when no argument was a
 * range (a plain call from code), so the caller can return a single value.
 */
export interface Broadcast extends Shape {
  matrix: boolean;
  /** The value of argument `index` for the result cell at (row, column). */
  value(index: number, row: number, column: number): unknown;
}

type Accessor = (row: number, column: number) => unknown;

function describeShape(shape: Shape): string {
  return `${shape.rows} row${shape.rows === 1 ? "" : "s"} × ${shape.columns} column${shape.columns === 1 ? "" : "s"}`;
}

/**
 * An argument's shape and how to read it: a single value, or a range given as an array of rows. A
 * flat array (from code, never from Excel) is read as a column.
 */
function accessorOf(arg: unknown, name: string): { shape: Shape | null; get: Accessor } | CellError {
  if (!Array.isArray(arg)) return { shape: null, get: () => arg };
  if (arg.length === 0) return valueError(`${name} is an empty range.`);
  if (!Array.isArray(arg[0])) {
    const column = arg as unknown[];
    if (column.length === 1) return { shape: null, get: () => column[0] };
    return { shape: { rows: column.length, columns: 1 }, get: (r) => column[r] };
  }
  const rows = arg as unknown[][];
  const columns = rows[0].length;
  if (columns === 0 || rows.some((row) => !Array.isArray(row) || row.length !== columns)) {
    return valueError(`${name} is not a rectangular range.`);
  }
  if (rows.length === 1 && columns === 1) return { shape: null, get: () => rows[0][0] };
  return { shape: { rows: rows.length, columns }, get: (r, c) => rows[r][c] };
}

/**
 * Broadcasts the arguments of one call. Ranges must all be the same shape; single values (and 1×1
 * ranges) go with every cell. Mismatched ranges are one #VALUE! for the whole call, naming the two.
 */
export function broadcast(args: readonly unknown[], names: readonly string[]): Broadcast | CellError {
  let shape: Shape | null = null;
  let shapeName = "";
  let matrix = false;
  const accessors: Accessor[] = [];
  for (let i = 0; i < args.length; i++) {
    if (Array.isArray(args[i])) matrix = true;
    const accessor = accessorOf(args[i], names[i]);
    if (isCellError(accessor)) return accessor;
    accessors.push(accessor.get);
    if (!accessor.shape) continue;
    if (!shape) {
      shape = accessor.shape;
      shapeName = names[i];
    } else if (shape.rows !== accessor.shape.rows || shape.columns !== accessor.shape.columns) {
      return valueError(`The ranges are different sizes: ${shapeName} is ${describeShape(shape)} and ${names[i]} is `
        + `${describeShape(accessor.shape)}. Give ranges of the same size, or single values.`);
    }
  }
  const result = shape ?? { rows: 1, columns: 1 };
  return { ...result, matrix, value: (index, row, column) => accessors[index](row, column) };
}

/**
 * Applies `cell` to every cell of the broadcast arguments: a matrix when any argument was a range,
 * else a single value. A whole-call problem (mismatched ranges) is returned alone.
 */
export function mapCells<T>(args: readonly unknown[], names: readonly string[], cell: (values: unknown[]) => Cell<T>): Result<T> {
  const shape = broadcast(args, names);
  if (isCellError(shape)) return shape;
  const values = new Array<unknown>(args.length);
  const out: Cell<T>[][] = [];
  for (let r = 0; r < shape.rows; r++) {
    const row: Cell<T>[] = new Array(shape.columns);
    for (let c = 0; c < shape.columns; c++) {
      for (let i = 0; i < args.length; i++) values[i] = shape.value(i, r, c);
      row[c] = cell(values);
    }
    out.push(row);
  }
  return shape.matrix ? out : out[0][0];
}

// ---------------------------------------------------------------------------------------------------
// Coercion. Each coercer is made once per call and remembers what it has read, since a column of
// 50,000 roles usually holds a few dozen distinct texts.
// ---------------------------------------------------------------------------------------------------

function memoised<T>(read: (value: unknown) => T): (value: unknown) => T {
  const seen = new Map<unknown, T>();
  return (value) => {
    if (typeof value === "object" && value !== null) return read(value);
    if (seen.has(value)) return seen.get(value) as T;
    const result = read(value);
    seen.set(value, result);
    return result;
  };
}

/** "Practice nurse" names one role at band 5 and another at band 6: say so, rather than "not a role". */
function bandHint(rules: RuleSet, text: string): string | null {
  const entry = BAND_DEPENDENT_ALIASES.find((e) => e.alias === normaliseRoleText(text));
  if (!entry) return null;
  const options = Object.entries(entry.byBand).map(([band, id]) => `'${text.trim()} band ${band}' (${rules.role(id).name})`);
  return `${quoted(text)} names a different ARRS role at each band: write ${options.join(" or ")}.`;
}

/**
 * A role by the scheme's name or an alias, as the roster reader resolves it. A blank gives BLANK; an
 * unknown role #VALUE! pointing at =ARRS.ROLES().
 */
export function roleReader(rules: RuleSet): (value: unknown) => RoleDefinition | Blank | CellError {
  return memoised((value) => {
    if (isBlank(value)) return BLANK;
    const text = typeof value === "string" ? value : cellText(value) ?? "";
    const id = typeof value === "string" ? resolveRoleText(rules, text, null) : null;
    if (id) return rules.role(id);
    return valueError(bandHint(rules, text) ?? `${quoted(value)} is not an ARRS role; see =ARRS.ROLES()`);
  });
}

/** Today as an ISO date, from a JavaScript date in the computer's own time zone. */

/**
 * A date: an Excel date (a serial number), or text in UK order (01/10/2024, 1 Oct 2024, 2024-10-01).
 * Blank means `blank`: today for most functions, "still in post" for an end date, or a #VALUE! for a
 * date that must be given.
 */
export function dateReader(name: string, options: { blank: IsoDate | null | CellError; openEnded?: boolean }): (value: unknown) => IsoDate | null | CellError {
  return memoised((value) => {
    if (isBlank(value)) return options.blank;
    const parsed = parseDate(value, { openEnded: options.openEnded });
    if (parsed === null) return options.blank;
    if (parsed.ok) return parsed.value;
    return valueError(`${name}: ${parsed.problem}. Give an Excel date or a date as DD/MM/YYYY.`);
  });
}

/**
 * A financial year: "2025/26" (also 2025-26, 25/26, 2025/2026), or 2025, the year it starts. Blank means
 * `blank` (the year containing today, or a #VALUE! when the year must be given).
 */
export function yearReader(name: string, blank: FinancialYear | CellError): (value: unknown) => FinancialYear | CellError {
  return memoised((value) => {
    if (isBlank(value)) return blank;
    let year: FinancialYear | null = null;
    if (typeof value === "number") year = Number.isInteger(value) && value >= 1950 && value <= 2100 ? parseFinancialYear(String(value)) : null;
    else if (typeof value === "string") year = parseFinancialYear(value);
    return year ?? valueError(`${name}: ${quoted(value)} is not a financial year; write it as 2025/26.`);
  });
}

/** The regions as a sentence names them (from the rules, re-exported for the functions). */
export { REGION_WORDS } from "../rules/types";

/** national (the default), outer London or inner London; also "outer-london", "Inner London". */
export function regionReader(name = "region"): (value: unknown) => Region | CellError {
  return memoised((value) => {
    if (isBlank(value)) return "national";
    if (typeof value === "string") {
      const region = parseRegion(value) ?? ({ outer: "outer-london", inner: "inner-london" } as Record<string, Region>)[value.trim().toLowerCase()];
      if (region) return region;
    }
    return valueError(`${name}: ${quoted(value)} is not a region; write national, outer London or inner London.`);
  });
}

export type NumberKind = "money" | "wte" | "count";

/**
 * A number: a number cell, or numeric text ("£24,000", "0.8", "80%" for a WTE, "58,214" for a count).
 * Whether its size is sensible is left to the rules (the engine checks WTE and costs).
 */
export function numberReader(name: string, kind: NumberKind, blank: number | CellError): (value: unknown) => number | CellError {
  return memoised((value) => {
    if (isBlank(value)) return blank;
    if (typeof value === "number" && kind !== "money") return Number.isFinite(value) ? value : valueError(`${name}: ${quoted(value)} is not a number.`);
    if (typeof value === "boolean") return valueError(`${name}: ${quoted(value)} is not a number.`);
    const parsed = kind === "money" ? parseMoney(value) : kind === "wte" ? parseQuantity(value, "wte") : parseCount(value);
    if (parsed === null) return blank;
    if (parsed.ok) return parsed.value;
    return valueError(`${name}: ${parsed.problem}.`);
  });
}

function parseCount(value: unknown): { ok: true; value: number } | { ok: false; problem: string } | null {
  const text = cellText(value);
  if (text === null) return null;
  const compact = text.replace(/[\s,]/g, "");
  if (!/^\d+(?:\.\d+)?$/.test(compact)) return { ok: false, problem: `${quoted(value)} is not a number` };
  return { ok: true, value: Number(compact) };
}
