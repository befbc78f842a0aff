/**
 * The words of one rates row as people write them: a role name, perhaps a band, perhaps the mental
 * health practitioner table, and amounts. Table 2 pasted from the DES PDF often lands as one line in
 * one cell ("Clinical Pharmacist 7-8a £69,383 £76,803 £79,956") or spread over a few cells; these
 * functions take either, once the row's cells are joined with spaces.
 */
import type { MhpTable, RoleId } from "../rules/types";
import type { RuleSet } from "../rules/ruleset";
import { resolveRoleText } from "./role-text";

/**
 * An amount as the DES prints it: "£69,383", "69,383.00", "£ 69383", or a bare number of five or six
 * figures (a typed 69383). Four bare figures are left alone, since "2026" in a title is a year.
 */
const AMOUNT = String.raw`(?:£\s?\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|£\s?\d+(?:\.\d{1,2})?|\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{5,6}(?:\.\d{1,2})?)`;
/** One or more amounts at the very end of the line: a rate line ends with its figures. */
const TRAILING_AMOUNTS = new RegExp(String.raw`(?:^|\s)((?:${AMOUNT}\s*)+)$`);
const ONE_AMOUNT = new RegExp(AMOUNT, "g");

/** A band at the end of the role text: "Band 7", "band 8A", "7-8a", "8a", "7". */
const TRAILING_BAND = /(?:^|\s)(?:afc\s+)?(?:band\s*)?(\d{1,2}[a-d]?(?:\s*(?:-|–|to)\s*\d{1,2}[a-d]?)?)\s*$/i;

export interface RateLine {
  /** The text before the figures: the role, perhaps a band and the table's words. */
  prefix: string;
  amounts: number[];
}

/** Cells of a row as one line of text, in column order. */
export function rowAsLine(cells: readonly unknown[]): string {
  return cells.map((cell) => lineText(cell)).filter((text) => text !== "").join(" ").replace(/\s+/g, " ").trim();
}

function lineText(cell: unknown): string {
  if (typeof cell === "string") return cell.replace(/\u00a0/g, " ").trim();
  if (typeof cell === "number" && Number.isFinite(cell)) return String(cell);
  return "";
}

/**
 * The figures at the end of a line and the text before them, or null when the line does not end with
 * figures (a note such as "the care co-ordinator figure (£36,000) is our own" is not a rate line).
 */
export function parseRateLine(line: string): RateLine | null {
  const text = withoutYears(line);
  const match = TRAILING_AMOUNTS.exec(text);
  if (!match) return null;
  const amounts = (match[1].match(ONE_AMOUNT) ?? []).map((token) => Number(token.replace(/[£,\s]/g, "")));
  return { prefix: text.slice(0, match.index).trim(), amounts };
}

/** "2026/27", "2025-26" and "2026" are years, not amounts or bands. */
function withoutYears(text: string): string {
  return text.replace(/\b20\d{2}\s*[/\-–]\s*(?:20)?\d{2}\b/g, " ").replace(/\b20\d{2}\b(?!,\d{3})/g, " ");
}

/** The band written at the end of the text, and the text without it. Bands are lower case ("8a"). */
export function splitTrailingBand(text: string): { rest: string; band: string | null } {
  const match = TRAILING_BAND.exec(text);
  if (!match) return { rest: text.trim(), band: null };
  return { rest: text.slice(0, match.index).trim(), band: match[1].toLowerCase().replace(/\s+/g, "").replace(/–|to/g, "-") };
}

/**
 * Which mental health practitioner table a row's words name: Table 3a is the first MHP in each band at
 * 50%; Table 3b is further MHPs with a written agreement, up to 100%.
 */
export function mhpTableIn(text: string): MhpTable | null {
  const lower = text.toLowerCase();
  if (/\btable\s*3\s*b\b|\b100\s*%|\bwritten agreement\b|\bwith agreement\b|\bfurther mhps?\b|\bfurther mental health\b/.test(lower)) {
    return "with-agreement";
  }
  if (/\btable\s*3\s*a\b|\b50\s*%|\bfirst mhp\b|\bfirst mental health\b|\bfirst (?:one )?(?:per|in) band\b/.test(lower)) return "first-in-band";
  return null;
}

/**
 * A heading that starts another of the DES's tables: the MHP table it names, "other" for Table 2 or
 * Table 3c (whose rows name their roles), or null when the text names no table.
 */
export function tableHeading(text: string): MhpTable | "other" | null {
  const table = mhpTableIn(text);
  if (table) return table;
  return /\btable\s*(?:2|3\s*c)\b/i.test(text) ? "other" : null;
}

/** The table's own words, so that what is left is the role's name. */
function withoutTableWords(text: string): string {
  return text
    .replace(/\([^)]*(?:table|%|mhp|agreement|band)[^)]*\)/gi, " ")
    .replace(/\btable\s*\d+\s*[a-d]?\b/gi, " ")
    .replace(/\b\d+\s*%/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Separators between a role's name and a description of the row ("MHP: first in band"). */
const DESCRIPTION_AFTER = /\s*(?::|\s[-–—]\s|,|\()/;

/**
 * The scheme role a rates row's text names, and the band it gives: the text as written, then without
 * the table's words and a trailing band, then only up to a colon or dash ("Mental Health Practitioner:
 * first MHP in band").
 */
export function roleAndBandOf(rules: RuleSet, text: string, bandCell: string | null): { role: RoleId | null; band: string | null } {
  const cleaned = withoutTableWords(text);
  const { rest, band: inlineBand } = splitTrailingBand(cleaned);
  const band = bandCell !== null && bandCell.trim() !== "" ? bandCell.trim() : inlineBand;
  const beforeDescription = rest.split(DESCRIPTION_AFTER)[0];
  for (const attempt of [text, cleaned, rest, beforeDescription]) {
    if (!attempt.trim()) continue;
    const role = resolveRoleText(rules, attempt, band);
    if (role) return { role, band };
  }
  return { role: null, band };
}

/**
 * One Agenda for Change band, as the MHP tables key it ("Band 8A" → "8a"), or null when the text is not
 * exactly one band (a range such as "7-8a" is not).
 */
export function singleBand(text: string | null): string | null {
  if (text === null) return null;
  const match = /^\s*(?:afc\s+)?(?:band\s*)?(\d{1,2}[a-d]?)\s*$/i.exec(text);
  return match ? match[1].toLowerCase() : null;
}
