/**
 * docs/rules.md is the rule data as it stands: the page scripts/make-rules-doc.js renders from the
 * tables in src/rules/data/, character for character. After changing them, `npm run docs:rules`
 * rewrites it.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { BAND_DEPENDENT_ALIASES, BUILT_IN_RULES, GP_YEARS_AFTER_CCT, LARGE_PCN_LIST_SIZE, type RuleData } from "../../src/rules";

// The generator is a plain Node script (it runs on the built lib/); its renderer is the one used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { renderRulesDoc } = require("../../scripts/make-rules-doc.js") as {
  renderRulesDoc(input: {
    rules: RuleData;
    bandDependentAliases: typeof BAND_DEPENDENT_ALIASES;
    largePcnListSize: number;
    gpYearsAfterCct: number;
  }): string;
};

const DOC = path.join(__dirname, "..", "..", "docs", "rules.md");

const rendered = () => renderRulesDoc({
  rules: BUILT_IN_RULES,
  bandDependentAliases: BAND_DEPENDENT_ALIASES,
  largePcnListSize: LARGE_PCN_LIST_SIZE,
  gpYearsAfterCct: GP_YEARS_AFTER_CCT,
});

test("docs/rules.md is what the rule data gives (if not, run npm run docs:rules)", () => {
  const lines = readFileSync(DOC, "utf8").split("\n");
  expect(lines).toEqual(rendered().split("\n"));
});

test("every maximum amount, cap and ARRS sum rate in the data is on the page", () => {
  const page = rendered();
  const pounds = (n: number) => `£${n.toLocaleString("en-GB", { maximumFractionDigits: 3 })}`;
  for (const amount of BUILT_IN_RULES.maxAmounts) expect(page).toContain(pounds(amount.amount));
  for (const rate of BUILT_IN_RULES.entitlement) {
    if (rate.perWeightedPatient !== null) expect(page).toContain(pounds(rate.perWeightedPatient));
  }
  const date = "\\d{1,2} [A-Z][a-z]{2} \\d{4}";
  // A row per amount: from, to, region, (band and table for mental health practitioners,) amount.
  const amountRow = new RegExp(`^\\| ${date} \\| ${date} \\| (?:national|outer London|inner London) \\| (?:[^|]+ \\| [^|]+ \\| )?£`);
  expect(page.split("\n").filter((line) => amountRow.test(line))).toHaveLength(BUILT_IN_RULES.maxAmounts.length);
  expect(page.split("\n").filter((line) => / WTE \| .* WTE \| /.test(line))).toHaveLength(BUILT_IN_RULES.caps.length);
});

test("sources name documents a reader can find, never the project's own files", () => {
  const page = rendered();
  expect(page).not.toMatch(/ARRS reference|arrs-reference|shared\/|\.\.\//);
  // The one mention of a file is the generator's comment for whoever edits the data.
  expect(page.split("\n").filter((line) => /src\//.test(line))).toHaveLength(1);
});
