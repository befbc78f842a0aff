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
import { firstDateAbove, togetherOnStartDates, type Together } from "./people-overlap";
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
  const place = new Map(group.map((row, i) => [row, i]));
  return (a, b) => {
    const [startA, startB] = [a.input.start!, b.input.start!];
    return startA > startB ? -1 : startA < startB ? 1 : place.get(b)! - place.get(a)!;
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
  const from = ordered.map((row) => dayNumber(row.input.start!));
  const to = ordered.map((row) => (row.input.end === null ? Number.POSITIVE_INFINITY : dayNumber(row.input.end)));
  const months = group[0].months.length;
  for (let i = 0; i < months; i++) {
    const claimed = ordered.flatMap((row, k) => (row.months[i].claimable > 0 ? [k] : []));
    if (claimed.length < 2) continue;
    const month = ordered[claimed[0]].months[i];
    const firstDay = dayNumber(month.month);
    const lastDay = firstDay + month.daysInMonth - 1;
    const wte = ordered.map((row) => row.months[i].wte);
    const wteDaysRemoved = new Array<number>(ordered.length).fill(0);
    // Between the days a row comes into post or leaves it, the same rows are in post, so the same WTE
    // comes off each of them every day: worked out once for each such run of days.
    const changes = new Set([firstDay]);
    for (const k of claimed) {
      if (from[k] > firstDay && from[k] <= lastDay) changes.add(from[k]);
      if (to[k] + 1 > firstDay && to[k] + 1 <= lastDay) changes.add(to[k] + 1);
    }
    const runStarts = [...changes].sort((a, b) => a - b);
    runStarts.forEach((day, run) => {
      const days = (runStarts[run + 1] ?? lastDay + 1) - day;
      const onDay = claimed.filter((k) => from[k] <= day && day <= to[k]);
      let excess = onDay.reduce((sum, k) => sum + wte[k], 0) - 1;
      for (const k of onDay) {
        if (excess <= 1e-9) break;
        const cut = Math.min(excess, wte[k]);
        // Added day by day, as a day-by-day count would add it, to the last bit.
        for (let d = 0; d < days; d++) wteDaysRemoved[k] += cut;
        excess -= cut;
      }
    });
    for (const k of claimed) {
      if (wteDaysRemoved[k] === 0) continue;
      const row = ordered[k];
      const before = row.months[i];
      const kept = 1 - wteDaysRemoved[k] / (before.wte * before.daysInPost);
      row.months[i] = { ...before, wte: before.wte * kept, claimable: before.claimable * kept, upliftOverBuiltIn: before.upliftOverBuiltIn * kept, limit: "above-one-wte" };
      removed.set(row, (removed.get(row) ?? 0) + before.claimable * (1 - kept));
    }
  }
  return removed;
}

/** Rows a message names; the rest are counted ("rows 12, 14, 19 and 1,997 more"). */
const NAMED_ROWS = 3;

/**
 * One person's rows, in row order. The most WTE at once is reached on some row's start date; each row
 * is flagged once, naming the rows in post with it on the first such date (in row order) above 1.0.
 */
function flagPerson(group: AssessedRow[], removed: Map<AssessedRow, number>): void {
  const dated = group.map((row) => ({ start: row.input.start!, end: row.input.end, wte: row.input.wte!, sheet: row.input.sheet ?? "" }));
  // One more than are named, so that "and 1 more" is never written: four rows are all named.
  const together = togetherOnStartDates(dated, NAMED_ROWS + 1);
  const onDate = new Map(together.map((t) => [t.date, t]));
  const firstAbove = firstDateAbove(dated, together, 1 + 1e-9);
  const described = new Map<IsoDate, { what: string; rows: string; more: number }>();
  group.forEach((row, i) => {
    if (firstAbove[i] < 0) return;
    const date = group[firstAbove[i]].input.start!;
    let about = described.get(date);
    if (!about) {
      about = describeTogether(group, onDate.get(date)!);
      described.set(date, about);
    }
    const cut = removed.get(row) ?? 0;
    row.findings.push(finding({
      code: "DUPLICATE_PERSON", source: ENGINE_SOURCE.duplicates, rowNumber: row.input.rowNumber,
      severity: cut > 0 ? "error" : "warning",
      details: { rows: about.rows, totalWte: onDate.get(date)!.total, removed: cut, ...(about.more > 0 ? { moreRows: about.more } : {}) },
      message: cut > 0
        ? `${about.what} This row started later, so ${formatMoney(cut)} is removed from its claim to keep the person at 1.0 WTE. Correct the WTE or the dates, or remove the duplicate row.`
        : `${about.what} Correct the WTE or the dates, or remove the duplicate row.`,
    }));
  });
}

/**
 * "The same person is on rows 4 and 5 at 1.1 WTE in total on 01/09/2025; …", naming at most four rows
 * and counting the rest. Rows on several sheets (a roster per member practice) are named with their
 * sheet: "row 5 of Oakwood".
 */
function describeTogether(group: AssessedRow[], together: Together): { what: string; rows: string; more: number } {
  const shown = together.count <= NAMED_ROWS + 1 ? together.first : together.first.slice(0, NAMED_ROWS);
  const more = together.count - shown.length;
  const inputs = shown.map((i) => group[i].input);
  const names = together.sheets > 1 ? inputs.map((row) => `row ${row.rowNumber} of ${row.sheet ?? "the roster"}`) : inputs.map((row) => String(row.rowNumber));
  const listed = more > 0 ? [...names, `${more.toLocaleString("en-GB")} more`] : names;
  const list = listed.length > 1 ? `${listed.slice(0, -1).join(", ")} and ${listed[listed.length - 1]}` : listed[0];
  return {
    what: `The same person is on ${together.sheets > 1 ? "" : "rows "}${list} at ${formatWte(together.total)} WTE in total on ${formatUkDate(together.date)}; no one can be claimed above 1.0 WTE.`,
    rows: inputs.map((row) => row.rowNumber).join(","),
    more,
  };
}
