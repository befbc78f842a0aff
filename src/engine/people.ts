/**
 * Step 3 of a check: people on several rows. One person cannot be claimed above 1.0 WTE at the same
 * time (docs/rules.md). A person is the same staff ID where the roster has one, else the
 * same name; case, spaces at either end, and (for names) runs of spaces are ignored. Each of their rows
 * is flagged, and the claim is cut to 1.0 WTE on every day, off the row that started latest.
 */
import { dayNumber, formatUkDate, type IsoDate } from "../common/dates";
import { formatMoney, formatWte } from "../common/money";
import type { AssessedRow } from "./assess-row";
import { ENGINE_SOURCE, finding } from "./findings";
import type { StaffInput } from "./types";

/** How two IDs or names are matched: case and spaces at the ends ignored, and for names runs of spaces counted as one. */
export function personKey(text: string, kind: "id" | "name"): string {
  const key = text.trim().toLowerCase();
  return kind === "name" ? key.replace(/\s+/g, " ") : key;
}

/** The person a row is about, as a key; null when the row has neither staff ID nor name. */
export function personOf(row: Pick<StaffInput, "staffId" | "name">): string | null {
  const id = row.staffId ? personKey(row.staffId, "id") : "";
  if (id !== "") return `id:${id}`;
  const name = row.name ? personKey(row.name, "name") : "";
  return name !== "" ? `name:${name}` : null;
}


/** The row's dates can place it in time: a start, a WTE, and no end before the start. */
function datedRow(row: StaffInput): boolean {
  return row.start !== null && row.wte !== null && (row.end === null || row.end >= row.start);
}

function inPostOn(row: StaffInput, date: IsoDate): boolean {
  return row.start! <= date && (row.end === null || date <= row.end);
}

/**
 * Adds DUPLICATE_PERSON to each row of a person in post above 1.0 WTE in total at some time, and cuts
 * their claim to 1.0 WTE on every day: the excess comes off the row that started latest (row order
 * breaks ties), whose finding is an error saying how much was removed.
 */
export function findPeopleOnSeveralRows(rows: AssessedRow[]): void {
  const byPerson = new Map<string, AssessedRow[]>();
  for (const row of rows) {
    const person = datedRow(row.input) ? personOf(row.input) : null;
    if (person === null) continue;
    const personRows = byPerson.get(person);
    if (personRows) personRows.push(row);
    else byPerson.set(person, [row]);
  }
  for (const group of byPerson.values()) {
    if (group.length < 2) continue;
    const removed = limitToOneWte(group);
    flagPerson(group, removed);
  }
}

/**
 * Latest start first; of two that started the same day, the later in row order first (the group is in
 * the rows' order, which runs across sheets where a PCN keeps a roster per practice).
 */
function latestFirst(group: AssessedRow[]): (a: AssessedRow, b: AssessedRow) => number {
  return (a, b) => {
    const [startA, startB] = [a.input.start!, b.input.start!];
    return startA > startB ? -1 : startA < startB ? 1 : group.indexOf(b) - group.indexOf(a);
  };
}

/**
 * Each month, day by day, the WTE claimed for the person above 1.0 comes off the rows that started
 * latest; a row's month claim is cut by the share of its WTE-days removed. Returns the amount removed
 * from each row over the year.
 */
function limitToOneWte(group: AssessedRow[]): Map<AssessedRow, number> {
  const removed = new Map<AssessedRow, number>();
  const ordered = [...group].sort(latestFirst(group));
  // Each row's first and last day as day numbers, worked out once rather than on every day of every month.
  const days = new Map(group.map((row) => [row, {
    from: dayNumber(row.input.start!), to: row.input.end === null ? Number.POSITIVE_INFINITY : dayNumber(row.input.end),
  }]));
  const inPostOnDay = (row: AssessedRow, day: number) => days.get(row)!.from <= day && day <= days.get(row)!.to;
  const months = group[0].months.length;
  for (let i = 0; i < months; i++) {
    const claimed = ordered.filter((row) => row.months[i].claimable > 0);
    if (claimed.length < 2) continue;
    const firstDay = dayNumber(claimed[0].months[i].month);
    const wteDaysRemoved = new Map<AssessedRow, number>();
    for (let day = firstDay; day < firstDay + claimed[0].months[i].daysInMonth; day++) {
      const onDay = claimed.filter((row) => inPostOnDay(row, day));
      let excess = onDay.reduce((sum, row) => sum + row.months[i].wte, 0) - 1;
      for (const row of onDay) {
        if (excess <= 1e-9) break;
        const cut = Math.min(excess, row.months[i].wte);
        wteDaysRemoved.set(row, (wteDaysRemoved.get(row) ?? 0) + cut);
        excess -= cut;
      }
    }
    for (const [row, wteDays] of wteDaysRemoved) {
      const month = row.months[i];
      const kept = 1 - wteDays / (month.wte * month.daysInPost);
      row.months[i] = { ...month, wte: month.wte * kept, claimable: month.claimable * kept, upliftOverBuiltIn: month.upliftOverBuiltIn * kept, limit: "above-one-wte" };
      removed.set(row, (removed.get(row) ?? 0) + month.claimable * (1 - kept));
    }
  }
  return removed;
}

/** One person's rows, in row order. The most WTE at once is reached on some row's start date. */
function flagPerson(group: AssessedRow[], removed: Map<AssessedRow, number>): void {
  for (const date of group.map((row) => row.input.start!)) {
    const together = group.filter((row) => inPostOn(row.input, date));
    const total = together.reduce((sum, row) => sum + row.input.wte!, 0);
    if (total <= 1 + 1e-9) continue;
    const rowNumbers = together.map((row) => row.input.rowNumber);
    // Rows on several sheets (a roster per member practice) are named with their sheet: "row 5 of Oakwood".
    const sheets = new Set(together.map((row) => row.input.sheet ?? ""));
    const rowsText = sheets.size > 1 ? together.map((row) => `row ${row.input.rowNumber} of ${row.input.sheet ?? "the roster"}`).join(" and ") : `rows ${rowNumbers.join(" and ")}`;
    for (const row of together) {
      if (row.findings.some((f) => f.code === "DUPLICATE_PERSON")) continue;
      const cut = removed.get(row) ?? 0;
      const what = `The same person is on ${rowsText} at ${formatWte(total)} WTE in total on ${formatUkDate(date)}; no one can be claimed above 1.0 WTE.`;
      row.findings.push(finding({
        code: "DUPLICATE_PERSON", source: ENGINE_SOURCE.duplicates, rowNumber: row.input.rowNumber,
        severity: cut > 0 ? "error" : "warning",
        details: { rows: rowNumbers.join(","), totalWte: total, removed: cut },
        message: cut > 0
          ? `${what} This row started later, so ${formatMoney(cut)} is removed from its claim to keep the person at 1.0 WTE. Correct the WTE or the dates, or remove the duplicate row.`
          : `${what} Correct the WTE or the dates, or remove the duplicate row.`,
      }));
    }
  }
}
