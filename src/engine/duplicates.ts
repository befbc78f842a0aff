/**
 * One person cannot be claimed above 1.0 WTE at the same time. People are matched by staff ID where
 * the roster has one, else by name (case and spacing ignored). The check is a warning: it reduces no
 * claim, because two rows may be a genuine change of hours that the dates do not yet show.
 */
import { formatUkDate } from "../common/dates";
import { formatWte } from "../common/money";
import type { StaffRow } from "./staff-row";
import { ENGINE_SOURCE, flat, rowFinding } from "./findings";
import { PersonIndex } from "./person-index";

function inPostOn(draft: StaffRow, date: string): boolean {
  return draft.row.start! <= date && (draft.row.end === null || date <= draft.row.end);
}

/** People on more than one row: their rows in row order, under their first row. */
type Groups = Map<StaffRow, StaffRow[]>;

/**
 * Notes a row under its person, matched by staff ID, or by name for rows without one: each has an
 * index of its own (person-index.ts). Most people are on one row, and so need no list of their own.
 * (A function called row by row, which V8 optimises as soon as it is hot; see totals.ts.)
 */
function addPersonRow(byId: PersonIndex, byName: PersonIndex, groups: Groups, drafts: StaffRow[], index: number): void {
  const { row } = drafts[index];
  if (row.start === null || row.wte === null || (row.end !== null && row.end < row.start)) return;
  const id = row.staffId ? byId.entryFor(row.staffId) : "";
  if (id !== "") {
    notePerson(groups, drafts, byId.firstRow(id, index), index);
    return;
  }
  const name = row.name ? byName.entryFor(row.name) : "";
  if (name !== "") notePerson(groups, drafts, byName.firstRow(name, index), index);
}

/** Adds a row to its person's group, when it is not their first row (`first` is -1 then). */
function notePerson(groups: Groups, drafts: StaffRow[], first: number, index: number): void {
  if (first < 0) return;
  const group = groups.get(drafts[first]);
  if (group) group.push(drafts[index]);
  else groups.set(drafts[first], [drafts[first], drafts[index]]);
}

export function findDuplicatePeople(drafts: StaffRow[]): void {
  const byId = new PersonIndex(drafts.length, "id");
  const byName = new PersonIndex(drafts.length, "name");
  const groups: Groups = new Map();
  // Indexed, not for…of: see totals.ts.
  for (let i = 0; i < drafts.length; i++) addPersonRow(byId, byName, groups, drafts, i);
  for (const group of groups.values()) {
    // The most WTE at once is reached on some row's start date.
    for (const date of group.map((d) => d.row.start!)) {
      const together = group.filter((d) => inPostOn(d, date));
      const total = together.reduce((sum, d) => sum + d.row.wte!, 0);
      if (total <= 1 + 1e-9) continue;
      const rows = together.map((d) => d.row.rowNumber);
      for (const draft of together) {
        if (draft.findings.some((f) => f.code === "DUPLICATE_PERSON")) continue;
        draft.addFinding(rowFinding("DUPLICATE_PERSON",
          flat`The same person is on rows ${rows.join(" and ")} at ${formatWte(total)} WTE in total on ${formatUkDate(date)}; no one can be claimed above 1.0 WTE. Correct the WTE or the dates, or remove the duplicate row.`,
          ENGINE_SOURCE.duplicates, draft.row.rowNumber, undefined, undefined, { rows: rows.join(","), totalWte: total }));
      }
    }
  }
}
