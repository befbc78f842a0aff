/**
 * One roster row through a check: made by check.ts as the row is assessed, given findings by caps.ts
 * and duplicates.ts, finished by check.ts, and then itself the row's StaffResult.
 *
 * Why one object, read through getters, rather than a draft and then a result copied from it: the
 * result repeated eight of the roster row's values and held five figures of its own, and each figure
 * held in an object is a separate box in V8's heap. At 100,000 rows a draft, a result and the boxes
 * were about 300 bytes a row that lived to the end of the check, and copying them from one part of
 * the heap to another as the check went on was the largest part of the garbage collector's work. This
 * object holds references only; the row's values are read from the roster row, and its figures from
 * columns of the check's MonthTable, which the garbage collector never copies.
 */
import type { IsoDate } from "../common/dates";
import type { Finding, RoleDefinition, RoleId } from "../rules/types";
import type { RosterRow } from "../roster/types";
import { keepHiddenClassOf } from "./keep-alive";
import { MonthTable, type StaffMonths } from "./month-table";
import type { MonthClaim, RowStatus, StaffResult } from "./types";

/** The findings of every row that has none yet: one frozen array rather than 100,000 empty ones. */
export const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

export class StaffRow implements StaffResult {
  /** The roster row as read: the result's values (name, WTE, dates, salary and the rest) are its own. */
  readonly row: RosterRow;
  /** The row's role, when the tool knows it (even on a row that cannot be claimed). */
  readonly roleDefinition: RoleDefinition | null;
  /** Valid enough to claim: role known, WTE, start and salary usable, dates in order. */
  readonly usable: boolean;
  /** The check's MonthTable, which holds the row's months and its figures. */
  readonly table: MonthTable;
  /** The row's place in the check's input, and in its MonthTable's per-row columns. */
  readonly index: number;
  /**
   * The row's findings. Until the row is finished, rows with none (most of them) share NO_FINDINGS,
   * which is never changed: add to them with addFinding. A finished row has an array of its own.
   */
  findings: Finding[];
  status: RowStatus;

  constructor(row: RosterRow, roleDefinition: RoleDefinition | null, usable: boolean, table: MonthTable, index: number, findings: Finding[]) {
    this.row = row;
    this.roleDefinition = roleDefinition;
    this.usable = usable;
    this.table = table;
    this.index = index;
    this.findings = findings;
    this.status = "ok";
  }

  /** Adds a finding before the row is finished (caps, duplicates): the first one gives the row an array of its own. */
  addFinding(f: Finding): void {
    if (this.findings === NO_FINDINGS) this.findings = [f];
    else this.findings.push(f);
  }

  /**
   * The row's figures, once check.ts has worked them out: its claim for the year, the cost above the
   * maximum, and, for a row that can be claimed, its on-costs as used (given, or estimated) and its
   * annual cost.
   */
  finish(findings: Finding[], status: RowStatus, claimable: number, overMaxGap: number, employerNi: number, employerPension: number, annualCost: number): void {
    this.findings = findings;
    this.status = status;
    const figures = this.table;
    figures.rowClaimable[this.index] = claimable;
    figures.rowOverMaxGap[this.index] = overMaxGap;
    if (this.usable) {
      figures.rowEmployerNi[this.index] = employerNi;
      figures.rowEmployerPension[this.index] = employerPension;
      figures.rowAnnualCost[this.index] = annualCost;
    }
  }

  /** The row's first slot in the table's month columns (MonthTable.firstSlotOf). */
  get firstSlot(): number {
    return this.table.firstSlotOf(this.index);
  }

  /**
   * The row's twelve months, read from the table through a small view made when asked for. The engine
   * itself reads the table's columns (firstSlot), so a check keeps no view per row: 100,000 of them
   * were 40 bytes a row that lived as long as the result, for the garbage collector to copy.
   */
  get months(): StaffMonths {
    return this.table.row(this.index);
  }

  get rowNumber(): number {
    return this.row.rowNumber;
  }

  get name(): string | null {
    return this.row.name;
  }

  get staffId(): string | null {
    return this.row.staffId;
  }

  get role(): RoleId | null {
    return this.roleDefinition === null ? null : this.roleDefinition.id;
  }

  get roleName(): string | null {
    return this.roleDefinition === null ? null : this.roleDefinition.name;
  }

  get roleText(): string | null {
    return this.row.roleText;
  }

  get wte(): number | null {
    return this.row.wte;
  }

  get start(): IsoDate | null {
    return this.row.start;
  }

  get end(): IsoDate | null {
    return this.row.end;
  }

  get salary(): number | null {
    return this.row.annualSalary;
  }

  /** As used: given, or estimated on a row that can be claimed; as given on one that cannot. */
  get employerNi(): number | null {
    return this.usable ? this.table.rowEmployerNi[this.index] : this.row.employerNi;
  }

  get employerPension(): number | null {
    return this.usable ? this.table.rowEmployerPension[this.index] : this.row.employerPension;
  }

  get onCostsEstimated(): boolean {
    return this.usable && (this.row.employerNi === null || this.row.employerPension === null);
  }

  get annualCost(): number | null {
    return this.usable ? this.table.rowAnnualCost[this.index] : null;
  }

  get claimable(): number {
    return this.table.rowClaimable[this.index];
  }

  get overMaxGap(): number {
    return this.table.rowOverMaxGap[this.index];
  }

  /** In JSON, the result as a plain object: the StaffResult's properties, in its order, not the parts it is read from. */
  toJSON(): Omit<StaffResult, "months"> & { months: MonthClaim[] } {
    return {
      rowNumber: this.rowNumber, name: this.name, staffId: this.staffId, role: this.role, roleName: this.roleName,
      roleText: this.roleText, wte: this.wte, start: this.start, end: this.end, salary: this.salary,
      employerNi: this.employerNi, employerPension: this.employerPension, onCostsEstimated: this.onCostsEstimated,
      annualCost: this.annualCost, months: this.months.toJSON(), claimable: this.claimable, overMaxGap: this.overMaxGap,
      findings: this.findings, status: this.status,
    };
  }
}

// See keep-alive.ts.
keepHiddenClassOf(new StaffRow({} as RosterRow, null, false, new MonthTable(0, []), 0, NO_FINDINGS as Finding[]));
