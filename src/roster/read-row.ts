/**
 * One roster row's cells → a RosterRow. Each field is read from its column (header-row.ts and
 * column-mapping.ts say which); a cell that cannot be used becomes a finding on the row, in the order
 * the fields are read below, and the value reads as blank.
 */
import { cellText, isBlankCell, parseMhpAgreement, parseYesNo, type Parsed } from "./cells";
import type { HeaderField, MonthlyField } from "./columns";
import type { AssignedColumn } from "./header-row";
import type { RoleResolver } from "./role-text";
import { cellFinding, readDate, readMoney, type RowCells } from "./row-cells";
import { ROSTER_SOURCES } from "./sources";
import type { RosterRow } from "./types";
import { readWte } from "./wte";

interface Salary {
  annualSalary: number | null;
  salaryBasis: RosterRow["salaryBasis"];
  fullTimeSalary: number | null;
}

/**
 * A year's amount from an annual column, or else from a monthly one (× 12); an annual column wins
 * (header-row.ts keeps only one of the two).
 */
function readYearly(cells: RowCells, annual: HeaderField, monthly: MonthlyField, options: { salary: boolean }): number | null {
  if (cells.columns.has(annual)) return readMoney(cells, annual, options);
  return readMoney(cells, monthly, { ...options, monthly: true });
}

/**
 * The salary the person is paid (a monthly salary × 12 where that is what the roster gives). An actual salary wins. A full-time salary is what 1.0 WTE would be
 * paid, so the person is paid that times their WTE; it is used only when the actual salary's cell
 * is empty, not when it holds something unreadable (that is reported, not guessed around).
 */
function readSalary(cells: RowCells, wte: number | null): Salary {
  const actual = readYearly(cells, "annualSalary", "monthlySalary", { salary: true });
  const actualColumn = cells.columns.get("annualSalary") ?? cells.columns.get("monthlySalary");
  const actualGiven = actualColumn !== undefined && !isBlankCell(cells.row[actualColumn.index]);
  const fullTime = readMoney(cells, "fullTimeSalary", { salary: true });
  if (actual !== null) return { annualSalary: actual, salaryBasis: "actual", fullTimeSalary: fullTime };
  if (!actualGiven && fullTime !== null) {
    return { annualSalary: wte === null ? null : fullTime * wte, salaryBasis: "full-time", fullTimeSalary: fullTime };
  }
  return { annualSalary: null, salaryBasis: null, fullTimeSalary: fullTime };
}

/**
 * An answer column (yes/no and the like): the parsed answer, or null when the column is absent or the
 * cell blank. An answer it cannot read is reported, with what to write instead, and read as blank.
 */
function readAnswer<T>(cells: RowCells, field: "employedInLast12Months" | "mhpAgreement", options: {
  parse: (value: unknown) => Parsed<T> | null; whatToWrite: string;
}): T | null {
  const column = cells.columns.get(field);
  if (!column) return null;
  const value = cells.row[column.index];
  const parsed = options.parse(value);
  if (parsed?.ok) return parsed.value;
  if (parsed) {
    cellFinding(cells, {
      code: "MISSING_VALUE",
      severity: "warning",
      column,
      message: `${column.header}: ${parsed.problem}, so it was treated as blank. ${options.whatToWrite}`,
      source: ROSTER_SOURCES.answer,
      value,
    });
  }
  return null;
}

/** Whether the person was employed in the PCN in the last 12 months (the 2025/26 nurse and HCSW 12-month rule). */
function readEmployedInLast12Months(cells: RowCells): RosterRow["employedInLast12Months"] {
  return readAnswer(cells, "employedInLast12Months", { parse: parseYesNo, whatToWrite: "Enter yes, no, or promoted (recruited to a more senior role)." });
}

/**
 * A mental health practitioner's funding (from 2025/26): a written agreement with the provider ("yes",
 * "100%", "Table 3b") or not ("no", "50%", "Table 3a").
 */
function readMhpAgreement(cells: RowCells): RosterRow["mhpAgreement"] {
  return readAnswer(cells, "mhpAgreement", {
    parse: parseMhpAgreement, whatToWrite: "Enter Yes (a written agreement with the mental health provider: up to 100%) or No (50%).",
  });
}

export interface RowInput {
  rowNumber: number;
  /** Each field's column. */
  columns: Map<HeaderField, AssignedColumn>;
  roleOf: RoleResolver;
}

/** Reads one row that is a person (skipped-rows.ts has ruled out the rows that are not). */
export function readRow(row: unknown[], { rowNumber, columns, roleOf }: RowInput): RosterRow {
  const cells: RowCells = { row, rowNumber, columns, findings: [] };
  const text = (field: HeaderField): string | null => {
    const column = columns.get(field);
    return column ? cellText(row[column.index]) : null;
  };
  // A name split over two columns is joined; either half alone will do.
  const name = text("name") ?? ([text("firstName"), text("lastName")].filter(Boolean).join(" ") || null);
  const band = text("band");
  const roleText = text("role");
  const { wte, basis } = readWte(cells);
  const start = readDate(cells, "start");
  const end = readDate(cells, "end", { openEnded: true });
  const cctDate = readDate(cells, "cctDate");
  const salary = readSalary(cells, wte);
  const employerNi = readYearly(cells, "employerNi", "monthlyEmployerNi", { salary: false });
  const employerPension = readYearly(cells, "employerPension", "monthlyEmployerPension", { salary: false });
  // Staff engaged through a supplier: the fee a year (a monthly fee × 12), held to a plausible amount as a salary is.
  const supplierFee = readYearly(cells, "supplierFee", "monthlySupplierFee", { salary: true });
  const employedInLast12Months = readEmployedInLast12Months(cells);
  const mhpAgreement = readMhpAgreement(cells);

  return {
    rowNumber,
    // The member practice, where the roster has a column for it (else the pipeline may name the sheet's).
    ...(columns.has("practice") ? { practice: text("practice") } : {}),
    name,
    staffId: text("staffId"),
    roleText,
    role: roleOf(roleText, band),
    band,
    wte,
    wteBasis: basis,
    start,
    end,
    annualSalary: salary.annualSalary,
    salaryBasis: salary.salaryBasis,
    fullTimeSalary: salary.fullTimeSalary,
    employerNi,
    employerPension,
    cctDate,
    employedInLast12Months,
    mhpAgreement,
    ...(supplierFee !== null ? { supplierFee } : {}),
    findings: cells.findings,
  };
}
