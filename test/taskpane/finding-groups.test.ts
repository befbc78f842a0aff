/**
 * Grouping findings into cards, the row summary, the filters, and the rule in words: table tests over
 * plain FindingViews, and the sample's real findings (whose citations must all read as words).
 */
import { codeCounts, filterCards, groupFindings, messagePattern, NO_FILTER, rowsSummary, type FindingRow } from "../../src/taskpane/finding-groups";
import { shortTitle, sourceIndex, sourceLine, sourceWords } from "../../src/pipeline/source-words";
import type { FindingView } from "../../src/taskpane/views";
import { TaskpaneController } from "../../src/taskpane/controller";
import { sampleWorkbook, spyPort } from "./port";

const DES_TABLE_2 = "Network Contract DES Contract specification 2025/26 – PCN Requirements and Entitlements, Table 2 (inferred from published figures, not yet confirmed)";

function finding(row: number | null, person: string | null, over: Partial<FindingView> = {}): FindingView {
  return {
    id: `f-${row}-${over.code ?? "RATE_UNCONFIRMED"}-${Math.random()}`, severity: "warning", code: "RATE_UNCONFIRMED",
    message: `The 2025/26 maximum for ${person ?? "this role"} is inferred, not yet confirmed.`,
    source: DES_TABLE_2, rowNumber: row, person, sheetName: row === null ? null : "Roster", ...over,
  };
}

test.each([
  ["the person's name", "Anna Bell's WTE is 1.2", "Anna Bell", "…'s WTE is #"],
  ["money and figures", "Claim cut by £1,234.56 (0.2 WTE) in 3 months", null, "Claim cut by # (# WTE) in # months"],
  ["quoted cells and dates", 'The date "31/02/2025" is not real; 1 April 2025 was used', null, "The date … is not real; # was used"],
])("messagePattern takes out %s", (_, message, person, pattern) => {
  expect(messagePattern(message, person)).toBe(pattern);
});

test("identical findings on many rows are one card, with their rows in order", () => {
  const rows = [15, 4, 9, 12, 30, 31];
  const cards = groupFindings([
    ...rows.map((r) => finding(r, `Person ${r}`)),
    finding(7, "Zed", { severity: "error", code: "NO_RATE", message: "No maximum for 2026/27.", source: "x" }),
    finding(null, null, { severity: "info", code: "SETTING_ASSUMED", message: "Assumed national.", source: "s" }),
  ]);
  expect(cards.map((c) => [c.severity, c.code, c.rows.length])).toEqual([["error", "NO_RATE", 1], ["warning", "RATE_UNCONFIRMED", 6], ["info", "SETTING_ASSUMED", 0]]);
  const warning = cards[1];
  expect(warning.rows.map((r) => r.rowNumber)).toEqual([4, 9, 12, 15, 30, 31]);
  expect(warning.sameMessage).toBe(false);
  expect(rowsSummary(warning.rows)).toBe("Rows 4, 9, 12 and 3 more");
  expect(warning.rule).toBe("DES 2025/26, Table 2 · figure not yet confirmed (worked out from published ones)");
  expect(rowsSummary(cards[2].rows)).toBe("Whole PCN");
});

test.each([
  [[], "Whole PCN"],
  [[10], "Row 10"],
  [[4, 9], "Rows 4 and 9"],
  [[4, 9, 12, 15], "Rows 4, 9, 12 and 15"],
  [[4, 9, 12, 15, 16], "Rows 4, 9, 12 and 2 more"],
])("rowsSummary %j", (numbers, words) => {
  const rows = numbers.map((rowNumber) => ({ rowNumber }) as FindingRow);
  expect(rowsSummary(rows)).toBe(words);
});

test("filters: by severity, by code, and a search by name keeps only the matching rows", () => {
  const cards = groupFindings([
    finding(4, "Anna Bell"), finding(9, "Bo Chen"),
    finding(5, "Anna Bell", { severity: "error", code: "INVALID_DATE", message: "Bad date.", source: "r" }),
  ]);
  expect(filterCards(cards, NO_FILTER)).toHaveLength(2);
  expect(filterCards(cards, { ...NO_FILTER, severity: "error" }).map((c) => c.code)).toEqual(["INVALID_DATE"]);
  expect(filterCards(cards, { ...NO_FILTER, code: "RATE_UNCONFIRMED" }).map((c) => c.code)).toEqual(["RATE_UNCONFIRMED"]);
  const anna = filterCards(cards, { ...NO_FILTER, search: " anna " });
  expect(anna.map((c) => c.rows.map((r) => r.person))).toEqual([["Anna Bell"], ["Anna Bell"]]);
  expect(filterCards(cards, { ...NO_FILTER, search: "9" }).map((c) => c.rows.map((r) => r.rowNumber))).toEqual([[9]]);
  expect(codeCounts(cards)).toEqual([{ code: "INVALID_DATE", count: 1 }, { code: "RATE_UNCONFIRMED", count: 2 }]);
});

test("every built-in figure's citation has words: the DES by its year, with how sure the figure is", () => {
  const index = sourceIndex();
  expect(index.size).toBeGreaterThan(5);
  for (const words of index.values()) {
    expect(words.rule).not.toMatch(/Contract specification|\.md\b/);
    expect(words.confidence).toBeTruthy();
  }
  expect(shortTitle("Network Contract DES Contract specification 2026/27 – PCN Requirements and Entitlements")).toBe("DES 2026/27");
  expect(shortTitle("HMRC: Rates and thresholds for employers")).toBe("HMRC: Rates and thresholds for employers");
  expect(sourceLine(sourceWords(DES_TABLE_2))).toBe("DES 2025/26, Table 2 · figure not yet confirmed (worked out from published ones)");
  // A citation in words already (the roster reader's, a user's sheet) is shown as it is.
  expect(sourceWords("Roster reader: dates are read in UK order (DD/MM/YYYY)")).toEqual({
    rule: "Roster reader: dates are read in UK order (DD/MM/YYYY)", confidence: null, citation: "Roster reader: dates are read in UK order (DD/MM/YYYY)",
  });
});

test("the sample's cards: fewer cards than findings, no file path and no code in any rule line", async () => {
  const view = await new TaskpaneController(spyPort(await sampleWorkbook()), { today: () => "2025-11-21" }).check();
  const findings = view.counts.error + view.counts.warning + view.counts.info;
  expect(view.cards.length).toBeLessThan(findings);
  expect(view.cards.reduce((n, c) => n + Math.max(1, c.rows.length), 0)).toBe(findings);
  for (const card of view.cards) {
    expect(card.rule).not.toMatch(/\b[A-Z]+_[A-Z_]+\b|\.md\b|\w\/[\w-]+\.\w{2,4}\b/);
    expect(card.rule).not.toMatch(/Contract specification/);
  }
});
