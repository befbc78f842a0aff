/**
 * The roll-up of many PCNs' workbooks for an ICB analyst: each workbook checked by the one pipeline
 * (checkWorkbook) with its own stored settings, the year and rates given for the batch applying to
 * all; then the ICB sheets built from the results. One workbook that cannot be opened, read or
 * checked is a row saying why, never the end of the batch. No file I/O here: the door opens each
 * workbook and keeps its checked copy through the functions it passes in.
 */
import type { IsoDate } from "../common/dates";
import type { CheckedPcn, RolledUpPcn, Rollup } from "../report/icb-types";
import { buildIcbSheets } from "../report/icb-workbook";
import type { OwnedSheet } from "../report/types";
import type { WorkbookPort } from "../workbook/types";
import { checkWorkbook, type CheckedWorkbook, type RatesWorkbook } from "./check-workbook";
import type { DoorWords } from "./door-words";

/** One PCN's workbook, as the door found it. */
export interface RollupSource<W extends WorkbookPort = WorkbookPort> {
  file: string;
  /** Opens the workbook; throws what is wrong with the file (the door's describeError words it). */
  open(): Promise<W>;
}

export interface RollupOptions<W extends WorkbookPort = WorkbookPort> {
  /** The financial year for every PCN ("2025/26"); otherwise each workbook's stored year, else the current one. */
  financialYear?: string;
  /** Maximum amounts from another workbook, for every PCN (they win over each workbook's own rate sheets). */
  rates?: RatesWorkbook;
  today: IsoDate;
  /** Where the year splits for the forecast; today when not given. */
  asOf?: IsoDate;
  words: DoorWords;
  /** Called once a PCN is checked, before the next is opened: the door writes its checked copy; returns where, or null. */
  keep?: (source: RollupSource<W>, workbook: W, checked: CheckedWorkbook) => Promise<string | null>;
  /** Called as each workbook is started: "12 of 38". */
  progress?: (done: { index: number; count: number; file: string }) => void;
  /** One line saying what went wrong with a workbook, for an error thrown by opening, checking or keeping it. */
  describeError: (error: unknown, file: string) => string;
}

/** Checks every workbook in turn and gathers the results; never stops on one workbook. */
export async function rollUp<W extends WorkbookPort>(sources: readonly RollupSource<W>[], options: RollupOptions<W>): Promise<Rollup> {
  const asOf = options.asOf ?? options.today;
  const pcns: RolledUpPcn[] = [];
  for (const [index, source] of sources.entries()) {
    options.progress?.({ index: index + 1, count: sources.length, file: source.file });
    pcns.push(await checkOne(source, { ...options, asOf }));
  }
  const financialYear = options.financialYear ?? commonYear(pcns);
  return { financialYear, asOf, generatedOn: options.today, pcns: pcns.map((pcn) => ofTheYear(pcn, financialYear)) };
}

async function checkOne<W extends WorkbookPort>(source: RollupSource<W>, options: RollupOptions<W> & { asOf: IsoDate }): Promise<RolledUpPcn> {
  try {
    const workbook = await source.open();
    const checked = await checkWorkbook(workbook, {
      settings: options.financialYear ? { financialYear: options.financialYear } : {},
      words: options.words,
      today: options.today,
      rates: options.rates,
      asOf: options.asOf,
    });
    if (checked.kind === "problem") return { kind: "failed", file: source.file, error: checked.message };
    const copy = options.keep ? await options.keep(source, workbook, checked) : null;
    // Only the result is kept: the workbook and its output grids go, so forty PCNs take little memory.
    return { kind: "checked", file: source.file, result: checked.result, forecast: checked.forecast, copy };
  } catch (error) {
    return { kind: "failed", file: source.file, error: options.describeError(error, source.file) };
  }
}

/** The year most PCNs were checked for (the latest, on a tie); null when none was checked. */
function commonYear(pcns: readonly RolledUpPcn[]): string | null {
  const counts = new Map<string, number>();
  for (const pcn of pcns) if (pcn.kind === "checked") counts.set(pcn.result.financialYear.label, (counts.get(pcn.result.financialYear.label) ?? 0) + 1);
  const years = [...counts].sort(([a, m], [b, n]) => n - m || b.localeCompare(a));
  return years[0]?.[0] ?? null;
}

/**
 * A PCN checked for another year than the roll-up's cannot be added to it: it becomes a row saying
 * so (its checked copy, for its own year, stays written).
 */
function ofTheYear(pcn: RolledUpPcn, year: string | null): RolledUpPcn {
  if (pcn.kind !== "checked" || year === null || pcn.result.financialYear.label === year) return pcn;
  return {
    kind: "failed",
    file: pcn.file,
    error: `checked for ${pcn.result.financialYear.label} (the year its workbook gives, else the current one), not ${year} as the other PCNs: `
      + `run again with --year ${year} to check every PCN for one year.`,
  };
}

/** The ICB workbook's sheets, in order: ICB Summary, ICB Roles, ICB Claim Lines, ICB Findings. */
export function rollupSheets(rollup: Rollup): OwnedSheet[] {
  return buildIcbSheets(rollup);
}

/** The PCNs that were checked, in order. */
export function checkedPcns(rollup: Rollup): CheckedPcn[] {
  return rollup.pcns.filter((pcn): pcn is CheckedPcn => pcn.kind === "checked");
}
