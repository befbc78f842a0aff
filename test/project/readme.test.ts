/** Promises that code can check: the finding-code table (docs/findings.md) and the README's quick start. */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { FINDING_CODES } from "../../src/rules/finding-codes";

const README = readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
const FINDINGS_DOC = readFileSync(path.join(__dirname, "..", "..", "docs", "findings.md"), "utf8");

test("docs/findings.md's flag-code table is the code catalogue, row for row", () => {
  const table = FINDINGS_DOC.split("<!-- flag-codes:start -->")[1].split("<!-- flag-codes:end -->")[0].trim();
  const expected = [
    "| code | severity | level | meaning |",
    "|---|---|---|---|",
    ...FINDING_CODES.map((c) => `| \`${c.code}\` | ${c.severity} | ${c.level} | ${c.meaning} |`),
  ].join("\n");
  expect(table).toBe(expected);
});

test("the quick start's first code block holds exactly the two commands", () => {
  const quickStart = README.split(/^## Quick start$/m)[1];
  const block = /```sh\n([\s\S]*?)```/.exec(quickStart)![1].trim().split("\n");
  expect(block).toEqual(["npm ci && npm run demo", "npm test"]);
});
