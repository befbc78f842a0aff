/**
 * Findings as the pane lists them: identical findings on many rows are one card ("Rows 4, 9, 12 and
 * 15 more"), so that eighteen "no maximum for 2026/27" errors read as one thing to fix. Two findings
 * are the same when they have the same severity, code and rule, and the same message once the parts
 * that belong to the row are taken out (the person's name, figures, dates and quoted cell values).
 * Pure functions over FindingView, with the filters the list offers (severity, code, a name).
 */
import type { Severity } from "../rules/types";
import { sourceLine, sourceWords } from "../pipeline/source-words";
import type { FindingView } from "./views";

export interface FindingRow {
  findingId: string;
  rowNumber: number;
  person: string | null;
  sheetName: string | null;
  /** This row's own message (it may differ from the card's in its figures). */
  message: string;
}

export interface FindingCard {
  id: string;
  severity: Severity;
  code: string;
  /** The first finding's message; `sameMessage` says whether every row's is word for word the same. */
  message: string;
  sameMessage: boolean;
  /** The rule in plain words ("DES 2025/26, Table 2 · figure not yet confirmed"). */
  rule: string;
  /** The full citation and the code, for "Details". */
  citation: string;
  /** The rows it is about, in row order; empty for a finding about the whole PCN. */
  rows: FindingRow[];
}

export interface FindingFilter {
  severity: Severity | null;
  code: string | null;
  /** Part of a person's name (or a row number); blank shows every row. */
  search: string;
}

export const NO_FILTER: FindingFilter = { severity: null, code: null, search: "" };

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The message with the row's own parts taken out: what identical findings share. */
export function messagePattern(message: string, person: string | null): string {
  let text = message;
  if (person && person.trim()) text = text.split(person.trim()).join("\u2026");
  return text
    .replace(/"[^"]*"|“[^”]*”/g, "\u2026")
    .replace(/\b(\d{1,2}\s)?(January|February|March|April|May|June|July|August|September|October|November|December)(\s\d{4})?\b/g, "#")
    .replace(/£?-?\d[\d,]*(\.\d+)?%?/g, "#")
    .replace(/\s+/g, " ")
    .trim();
}

/** Groups the findings into cards: errors first, then warnings, then notes; within each, by first row. */
export function groupFindings(findings: readonly FindingView[]): FindingCard[] {
  const cards = new Map<string, FindingCard>();
  for (const f of findings) {
    const key = [f.severity, f.code, f.source, f.rowNumber === null ? `pcn:${f.id}` : messagePattern(f.message, f.person)].join("\u0000");
    let card = cards.get(key);
    if (!card) {
      const words = sourceWords(f.source);
      card = {
        id: `group-${f.id}`, severity: f.severity, code: f.code, message: f.message, sameMessage: true,
        rule: sourceLine(words), citation: words.citation, rows: [],
      };
      cards.set(key, card);
    }
    if (f.rowNumber !== null) {
      card.rows.push({ findingId: f.id, rowNumber: f.rowNumber, person: f.person, sheetName: f.sheetName, message: f.message });
      if (f.message !== card.message) card.sameMessage = false;
    }
  }
  const list = [...cards.values()];
  for (const card of list) card.rows.sort((a, b) => a.rowNumber - b.rowNumber);
  return list.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
    || (a.rows[0]?.rowNumber ?? 0) - (b.rows[0]?.rowNumber ?? 0));
}

/** "Row 10", "Rows 4 and 9", "Rows 4, 9, 12 and 15 more"; "Whole PCN" for none. */
export function rowsSummary(rows: readonly FindingRow[], shown = 3): string {
  const numbers = rows.map((r) => r.rowNumber);
  if (numbers.length === 0) return "Whole PCN";
  if (numbers.length === 1) return `Row ${numbers[0]}`;
  if (numbers.length <= shown + 1) return `Rows ${numbers.slice(0, -1).join(", ")} and ${numbers[numbers.length - 1]}`;
  return `Rows ${numbers.slice(0, shown).join(", ")} and ${numbers.length - shown} more`;
}

/** The cards the filter keeps; a search keeps only the rows whose person (or row number) matches. */
export function filterCards(cards: readonly FindingCard[], filter: FindingFilter): FindingCard[] {
  const search = filter.search.trim().toLowerCase();
  const out: FindingCard[] = [];
  for (const card of cards) {
    if (filter.severity && card.severity !== filter.severity) continue;
    if (filter.code && card.code !== filter.code) continue;
    if (!search) {
      out.push(card);
      continue;
    }
    const rows = card.rows.filter((r) => (r.person ?? "").toLowerCase().includes(search) || String(r.rowNumber) === search);
    if (rows.length) out.push({ ...card, rows });
  }
  return out;
}

/** The codes present, with how many findings each, for the code filter. */
export function codeCounts(cards: readonly FindingCard[]): { code: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const card of cards) counts.set(card.code, (counts.get(card.code) ?? 0) + Math.max(1, card.rows.length));
  return [...counts.entries()].map(([code, count]) => ({ code, count })).sort((a, b) => a.code.localeCompare(b.code));
}
