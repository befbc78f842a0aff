/**
 * Reading the rule tables safely: each entry of a JSON table read field by field, with every complaint
 * naming the file, the entry and what is wrong, so that a wrong edit to a table is found at load.
 */
import type { IsoDate } from "./types";

export class RuleDataError extends Error {
  override name = "RuleDataError";
}

/** One entry of a table, read field by field; every complaint names the entry. */
export class Entry {
  /** Filled in once the fields that identify the entry are read, for clearer messages. */
  label = "";

  constructor(readonly raw: Record<string, unknown>, readonly where: string) {}

  fail(message: string): never {
    throw new RuleDataError(`Rule data, ${this.where}${this.label ? ` (${this.label})` : ""}: ${message}.`);
  }

  has(key: string): boolean {
    return this.raw[key] !== undefined;
  }

  text(key: string): string {
    const value = this.raw[key];
    if (typeof value !== "string" || value.trim() === "") this.fail(`"${key}" must be a non-empty text`);
    return value;
  }

  optionalText(key: string): string | undefined {
    return this.has(key) ? this.text(key) : undefined;
  }

  date(key: string): IsoDate {
    const value = this.text(key);
    const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
    if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
      this.fail(`"${key}" must be a date written YYYY-MM-DD, not "${value}"`);
    }
    return value;
  }

  dateOrNull(key: string): IsoDate | null {
    return this.raw[key] === null ? null : this.date(key);
  }

  number(key: string): number {
    const value = this.raw[key];
    if (typeof value !== "number" || !Number.isFinite(value)) this.fail(`"${key}" must be a number`);
    return value;
  }

  positive(key: string, atMost = Infinity): number {
    const value = this.number(key);
    if (value <= 0 || value > atMost) this.fail(`"${key}" must be above 0${atMost < Infinity ? ` and at most ${atMost}` : ""}, not ${value}`);
    return value;
  }

  positiveOrNull(key: string): number | null {
    return this.raw[key] === null ? null : this.positive(key);
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T {
    const value = this.text(key);
    if (!(allowed as readonly string[]).includes(value)) this.fail(`"${key}" must be one of ${allowed.join(", ")}, not "${value}"`);
    return value as T;
  }

  texts(key: string): string[] {
    const value = this.raw[key];
    if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== "string" || v.trim() === "")) {
      this.fail(`"${key}" must be a list of texts`);
    }
    return value as string[];
  }

  /** The period, checked to run forwards. */
  period(openEnded: boolean): { from: IsoDate; to: IsoDate | null } {
    const from = this.date("from");
    const to = openEnded ? this.dateOrNull("to") : this.date("to");
    if (to !== null && to < from) this.fail(`the period ends (${to}) before it starts (${from})`);
    return { from, to };
  }
}

/** The entries of `file`'s list `key`, each as an Entry. */
export function entries(table: unknown, file: string, key: string): Entry[] {
  const list = record(table, file)[key];
  if (!Array.isArray(list)) throw new RuleDataError(`Rule data, ${file}: "${key}" must be a list.`);
  return list.map((raw, index) => {
    const where = `${file} ${key}[${index}]`;
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new RuleDataError(`Rule data, ${where}: must be an object.`);
    return new Entry(raw as Record<string, unknown>, where);
  });
}

export function record(table: unknown, file: string): Record<string, unknown> {
  if (!table || typeof table !== "object" || Array.isArray(table)) throw new RuleDataError(`Rule data, ${file}: must be an object.`);
  return table as Record<string, unknown>;
}

/** A whole number kept beside a table (a list size, a number of years). */
export function wholeNumber(table: unknown, file: string, key: string): number {
  const value = record(table, file)[key];
  if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) {
    throw new RuleDataError(`Rule data, ${file}: "${key}" must be a whole number above 0.`);
  }
  return value;
}

interface Dated {
  from: IsoDate;
  to: IsoDate | null;
}

/** Refuses two values of `items` that `clash` says cover the same thing and whose periods overlap. */
export function noOverlaps<T extends Dated>(items: { value: T; entry: Entry }[], clash: (a: T, b: T) => string | null): void {
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const [a, b] = [items[i].value, items[j].value];
      const overlap = a.from <= (b.to ?? "9999-12-31") && b.from <= (a.to ?? "9999-12-31");
      const what = overlap ? clash(a, b) : null;
      if (what) items[j].entry.fail(`its period overlaps ${items[i].entry.where} for ${what}`);
    }
  }
}

/** Band and table clash when equal or when either is unset (an amount for no band serves every band). */
export function sameKeyOrWildcard(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

