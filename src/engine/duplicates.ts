/**
 * One person cannot be claimed above 1.0 WTE at the same time. People are matched by staff ID where
 * the roster has one, else by name (case and spacing ignored). The check is a warning: it reduces no
 * claim, because two rows may be a genuine change of hours that the dates do not yet show.
 */
import { formatUkDate } from "../common/dates";
import { formatWte } from "../common/money";
import { addDraftFinding, type RowDraft } from "./draft";
import { ENGINE_SOURCE, finding, flat } from "./findings";

function inPostOn(draft: RowDraft, date: string): boolean {
  return draft.row.start! <= date && (draft.row.end === null || date <= draft.row.end);
}

/** People on more than one row: their rows in row order, under their first row. */
type Groups = Map<RowDraft, RowDraft[]>;

/**
 * Notes a row under its person, matched by staff ID, or by name for rows without one: each has a map
 * of its own, where one map keyed "id:…" or "name:…" made and hashed a new string for every row.
 * Most people are on one row, and so need no list of their own. (A function called row by row, which
 * V8 optimises as soon as it is hot; see totals.ts.)
 */
function addPersonRow(byId: Map<string, RowDraft>, byName: Map<string, RowDraft>, groups: Groups, draft: RowDraft): void {
  if (draft.row.start === null || draft.row.wte === null || (draft.row.end !== null && draft.row.end < draft.row.start)) return;
  const id = draft.row.staffId?.trim().toLowerCase();
  if (id) {
    notePerson(byId, id, groups, draft);
    return;
  }
  const name = draft.row.name?.trim().toLowerCase().replace(/\s+/g, " ");
  if (name) notePerson(byName, name, groups, draft);
}

function notePerson(firstRows: Map<string, RowDraft>, key: string, groups: Groups, draft: RowDraft): void {
  const first = firstRows.get(key);
  if (first === undefined) {
    firstRows.set(key, draft);
    return;
  }
  const group = groups.get(first);
  if (group) group.push(draft);
  else groups.set(first, [first, draft]);
}

export function findDuplicatePeople(drafts: RowDraft[]): void {
  const byId = new Map<string, RowDraft>();
  const byName = new Map<string, RowDraft>();
  const groups: Groups = new Map();
  // Indexed, not for…of: see totals.ts.
  for (let i = 0; i < drafts.length; i++) addPersonRow(byId, byName, groups, drafts[i]);
  for (const group of groups.values()) {
    // The most WTE at once is reached on some row's start date.
    for (const date of group.map((d) => d.row.start!)) {
      const together = group.filter((d) => inPostOn(d, date));
      const total = together.reduce((sum, d) => sum + d.row.wte!, 0);
      if (total <= 1 + 1e-9) continue;
      const rows = together.map((d) => d.row.rowNumber);
      for (const draft of together) {
        if (draft.findings.some((f) => f.code === "DUPLICATE_PERSON")) continue;
        addDraftFinding(draft, finding("DUPLICATE_PERSON",
          flat`The same person is on rows ${rows.join(" and ")} at ${formatWte(total)} WTE in total on ${formatUkDate(date)}; no one can be claimed above 1.0 WTE. Correct the WTE or the dates, or remove the duplicate row.`,
          ENGINE_SOURCE.duplicates, { rowNumber: draft.row.rowNumber, details: { rows: rows.join(","), totalWte: total } }));
      }
    }
  }
}
