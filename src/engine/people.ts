/**
 * Step 3 of a check: people on several rows. One person cannot be claimed above 1.0 WTE at the same
 * time (docs/rules.md). A person is the same staff ID where the roster has one, else the
 * same name; case, spaces at either end, and (for names) runs of spaces are ignored. The finding is a
 * warning: it reduces no claim, since two rows may be a genuine change of hours that the dates do not
 * yet show.
 */
import { formatUkDate, type IsoDate } from "../common/dates";
import { formatWte } from "../common/money";
import type { AssessedRow } from "./assess-row";
import { ENGINE_SOURCE, finding } from "./findings";
import type { StaffInput } from "./types";

/** How two IDs or names are matched: case and spaces at the ends ignored, and for names runs of spaces counted as one. */
export function personKey(text: string, kind: "id" | "name"): string {
  const key = text.trim().toLowerCase();
  return kind === "name" ? key.replace(/\s+/g, " ") : key;
}

/** The person a row is about, as a key; null when the row has neither staff ID nor name. */
function personOf(row: StaffInput): string | null {
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

/** Adds DUPLICATE_PERSON to each row of a person in post above 1.0 WTE in total at some time. */
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
    if (group.length > 1) checkPerson(group);
  }
}

/** One person's rows, in row order. The most WTE at once is reached on some row's start date. */
function checkPerson(group: AssessedRow[]): void {
  for (const date of group.map((row) => row.input.start!)) {
    const together = group.filter((row) => inPostOn(row.input, date));
    const total = together.reduce((sum, row) => sum + row.input.wte!, 0);
    if (total <= 1 + 1e-9) continue;
    const rowNumbers = together.map((row) => row.input.rowNumber);
    for (const row of together) {
      if (row.findings.some((f) => f.code === "DUPLICATE_PERSON")) continue;
      row.findings.push(finding({
        code: "DUPLICATE_PERSON",
        message: `The same person is on rows ${rowNumbers.join(" and ")} at ${formatWte(total)} WTE in total on ${formatUkDate(date)}; no one can be claimed above 1.0 WTE. Correct the WTE or the dates, or remove the duplicate row.`,
        source: ENGINE_SOURCE.duplicates, rowNumber: row.input.rowNumber, details: { rows: rowNumbers.join(","), totalWte: total },
      }));
    }
  }
}
