/**
 * The workbook's own maximum amounts ("ARRS max reimb" sheets) for the worksheet functions, read the
 * way the pipeline reads them (src/pipeline/check-workbook.ts) so that =ARRS.MAXREIMB, CLAIM, MONTHLY
 * and SOURCE use the figures the task pane uses; and a cache of them that a change to such a sheet
 * refreshes.
 *
 * Pure: the workbook is reached through a small port (functions.ts gives the Office one; tests give a
 * fake), and nothing here touches Office or a clock.
 */
import type { FinancialYear } from "../common/dates";
import type { Grid } from "../common/grid";
import { isRateSheetName } from "../common/owned";
import { RuleSet, type RateOverride } from "../rules/ruleset";
import type { Finding } from "../rules/types";
import { readRateSheet } from "../roster/rate-sheet";

/**
 * The rules with a workbook's rate sheets applied. A sheet that names its year ("ARRS max reimb 25-26")
 * gives figures for that year; one that names none gives figures for the year being checked, which for
 * a function is the year it is asked about (the financial year of its date, or CLAIM's financialYear),
 * just as the task pane applies it to the year it checks.
 */
export class WorkbookRates {
  private readonly byYear = new Map<string, { rules: RuleSet; findings: Finding[] }>();

  constructor(readonly grids: readonly Grid[], private readonly base: RuleSet = new RuleSet()) {}

  get sheetNames(): string[] {
    return this.grids.map((g) => g.sheetName);
  }

  rulesFor(year: FinancialYear): RuleSet {
    return this.read(year).rules;
  }

  /** Rows of the rate sheets that could not be used, as the task pane reports them (RATE_SHEET_PROBLEM). */
  problemsFor(year: FinancialYear): Finding[] {
    return this.read(year).findings;
  }

  private read(year: FinancialYear): { rules: RuleSet; findings: Finding[] } {
    let entry = this.byYear.get(year.label);
    if (!entry) {
      if (this.grids.length === 0) entry = { rules: this.base, findings: [] };
      else {
        // As checkWorkbook: every sheet read against the built-in rules, overrides in sheet order.
        const overrides: RateOverride[] = [];
        const findings: Finding[] = [];
        for (const grid of this.grids) {
          const sheet = readRateSheet(grid, { rules: this.base, checkedYear: year });
          overrides.push(...sheet.overrides);
          findings.push(...sheet.findings);
        }
        entry = { rules: this.base.withRateOverrides(overrides), findings };
      }
      this.byYear.set(year.label, entry);
    }
    return entry;
  }
}

/** A change in the workbook that may concern a rate sheet. */
export type SheetEvent =
  /** `name`: the sheet's name now, where the host gives it (so a rename it cannot report is noticed at the next edit). */
  | { type: "changed"; worksheetId: string; name?: string }
  | { type: "added"; worksheetId: string }
  | { type: "deleted"; worksheetId: string }
  | { type: "renamed"; worksheetId: string; nameBefore: string; nameAfter: string };

/** What the cache needs from a workbook. */
export interface RateSheetSource {
  /** Every sheet's id and name, and the used range of each sheet named like "ARRS max reimb…". */
  read(): Promise<{ sheets: { id: string; name: string }[]; rateGrids: Grid[] }>;
  /**
   * Calls `listener` on every change that may concern a rate sheet, from now on. Rejects when the host
   * cannot report changes; the cache then reads the workbook on every call rather than risk stale figures.
   */
  subscribe(listener: (event: SheetEvent) => void): Promise<void>;
}

interface Snapshot {
  rates: WorkbookRates;
  /** Every sheet's id → name when read, and which ids were rate sheets. */
  sheets: Map<string, string>;
  rateSheetIds: Set<string>;
  /** The rate sheets' names and cells, to tell a change of figures from an edit that changed nothing. */
  signature: string;
}

export interface RateCacheOptions {
  base?: RuleSet;
  /**
   * Called when a change to the workbook changed the rate sheets' contents (not on the first read).
   * functions.ts recalculates then, since Excel does not know the functions' results depend on them.
   */
  onRatesChanged?: () => void;
}

/**
 * The workbook's rates, read once and kept until a change to a rate sheet (an edit, a sheet added,
 * deleted or renamed to or from "ARRS max reimb…") makes them stale. Calls made while a read is under
 * way share it; a change during a read makes it read again. After a relevant change, when there is an
 * onRatesChanged listener, the sheets are read again at once and the listener told if their contents
 * changed.
 */
export class RateSheetCache {
  private current: Snapshot | null = null;
  private stale = true;
  private generation = 0;
  private loading: Promise<WorkbookRates> | null = null;
  private watching: "no" | "yes" | "failed" = "no";
  /** How many times the workbook has been read (for tests and diagnostics). */
  reads = 0;
  /** Why the host could not report changes, if it could not. */
  watchProblem: string | null = null;

  constructor(private readonly source: RateSheetSource, private readonly options: RateCacheOptions = {}) {}

  /** The rates as the workbook holds them now: cached, or read if stale. */
  rates(): Promise<WorkbookRates> {
    if (this.current && !this.stale) return Promise.resolve(this.current.rates);
    this.loading ??= this.load().finally(() => { this.loading = null; });
    return this.loading;
  }

  /** A change in the workbook (from the source's subscription). */
  notify(event: SheetEvent): void {
    // Before the first read completes, any change counts: the read under way may predate it.
    if (this.current && !this.concerns(event, this.current)) return;
    this.generation += 1;
    this.stale = true;
    if (this.current && this.options.onRatesChanged) this.rates().catch(() => undefined);
  }

  private concerns(event: SheetEvent, snapshot: Snapshot): boolean {
    switch (event.type) {
      case "changed":
        // A sheet the last read did not see may have been added without an event reaching us; one with a
        // new name may have been renamed to or from "ARRS max reimb…" where Excel cannot report renames.
        return snapshot.rateSheetIds.has(event.worksheetId) || !snapshot.sheets.has(event.worksheetId)
          || (event.name !== undefined && event.name !== snapshot.sheets.get(event.worksheetId) && isRateSheetName(event.name));
      case "added":
        return true;
      case "deleted":
        return snapshot.rateSheetIds.has(event.worksheetId);
      case "renamed":
        return snapshot.rateSheetIds.has(event.worksheetId) || isRateSheetName(event.nameBefore) || isRateSheetName(event.nameAfter);
    }
  }

  private async load(): Promise<WorkbookRates> {
    if (this.watching === "no") {
      this.watching = "yes";
      try {
        await this.source.subscribe((event) => this.notify(event));
      } catch (error) {
        this.watching = "failed";
        this.watchProblem = error instanceof Error ? error.message : String(error);
      }
    }
    const before = this.current?.signature ?? null;
    for (;;) {
      const generation = this.generation;
      const read = await this.source.read();
      this.reads += 1;
      const rateGrids = read.rateGrids.filter((g) => isRateSheetName(g.sheetName));
      const snapshot: Snapshot = {
        rates: new WorkbookRates(rateGrids, this.options.base),
        sheets: new Map(read.sheets.map((s) => [s.id, s.name])),
        rateSheetIds: new Set(read.sheets.filter((s) => isRateSheetName(s.name)).map((s) => s.id)),
        signature: JSON.stringify(rateGrids.map((g) => [g.sheetName, g.firstRow, g.firstColumn, g.values])),
      };
      this.current = snapshot;
      if (this.generation === generation) {
        // Without change events every call reads the workbook again: slower, never stale.
        this.stale = this.watching === "failed";
        if (before !== null && before !== snapshot.signature) this.options.onRatesChanged?.();
        return snapshot.rates;
      }
      // A change arrived while reading: what was read may predate it.
    }
  }
}
