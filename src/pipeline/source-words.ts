/**
 * A finding's `source` in a practice manager's words: "DES 2025/26, Table 2 · figure not yet
 * confirmed" rather than the full citation. The words come from the rule data itself: every built-in
 * figure's provenance (document title, section, confidence) is indexed by the citation the engine
 * gives its findings (`describeSource`), so the pane never picks a citation apart. A citation that is
 * not a built-in figure's (the roster reader's, the settings', a user's own sheet) is already written
 * in words and is shown as it is.
 */
import { BUILT_IN_RULES, describeSource, type RuleData } from "../rules/ruleset";
import type { Confidence, Provenance } from "../rules/types";

export interface SourceWords {
  /** "DES 2025/26, Table 2" */
  rule: string;
  /** "figure not yet confirmed"; null when the citation says nothing of how sure it is. */
  confidence: string | null;
  /** The full citation, as the engine gave it (shown on demand). */
  citation: string;
}

/** How sure a figure is, said after the rule. */
export const CONFIDENCE_PHRASES: Readonly<Record<Confidence, string>> = {
  published: "published figure",
  inferred: "figure not yet confirmed (worked out from published ones)",
  "third-party": "figure not yet confirmed (from a third party)",
  user: "your own figure",
};

/**
 * A document's short name: the Network Contract DES of a year is "DES 2025/26" (the year as the
 * title gives it); any other document keeps its title.
 */
export function shortTitle(title: string): string {
  const des = /^Network Contract DES\b.*?(\d{4}\/\d{2})/.exec(title);
  return des ? `DES ${des[1]}` : title;
}

function provenances(data: RuleData): Provenance[] {
  return [
    ...data.roles, ...data.maxAmounts, ...data.caps, ...data.entitlement, ...data.onCosts,
    ...data.fundedShares, ...data.eligibility,
  ];
}

const indexes = new WeakMap<RuleData, Map<string, SourceWords>>();

/** Citation → words, for every figure of the rule data. */
export function sourceIndex(data: RuleData = BUILT_IN_RULES): Map<string, SourceWords> {
  let index = indexes.get(data);
  if (!index) {
    index = new Map();
    for (const p of provenances(data)) {
      const citation = describeSource(p);
      if (index.has(citation)) continue;
      const rule = [shortTitle(p.source.title), p.source.section].filter(Boolean).join(", ");
      index.set(citation, { rule, confidence: CONFIDENCE_PHRASES[p.confidence], citation });
    }
    indexes.set(data, index);
  }
  return index;
}

/** The words for a finding's source. */
export function sourceWords(citation: string, data: RuleData = BUILT_IN_RULES): SourceWords {
  return sourceIndex(data).get(citation) ?? { rule: citation, confidence: null, citation };
}

/** "DES 2025/26, Table 2 · figure not yet confirmed" */
export function sourceLine(words: SourceWords): string {
  return words.confidence ? `${words.rule} · ${words.confidence}` : words.rule;
}
