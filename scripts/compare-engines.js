#!/usr/bin/env node
"use strict";
/**
 * Compares two builds of the engine on the same 144 rosters and settings: 8 financial years
 * (2019/20 to 2026/27) × 2 regions × 3 list sizes (none, small, large), on generated rosters of 500,
 * 5,000 and 20,000 rows (bench/generate.js). Each roster is read once, by the first build's reader,
 * so only the engines differ. Prints each difference found, and a count.
 *
 *   npm run build:cli && cp -r lib /tmp/lib-before     (the engine before a change)
 *   ... change the engine ...
 *   npm run build:cli && node scripts/compare-engines.js /tmp/lib-before lib
 *
 * Results are compared as JSON, exactly; with --pennies, money and WTE are compared to 1e-6, so a
 * change in the order of a sum is not reported.
 */
const path = require("path");
const { rosterGrid } = require("../bench/generate");

const [before, after] = process.argv.slice(2, 4).map((dir) => dir && path.resolve(dir));
if (!before || !after) {
  console.error("usage: node scripts/compare-engines.js BEFORE_LIB AFTER_LIB [--pennies]");
  process.exit(2);
}
const pennies = process.argv.includes("--pennies");

const YEARS = ["2019/20", "2020/21", "2021/22", "2022/23", "2023/24", "2024/25", "2025/26", "2026/27"];
const REGIONS = ["national", "inner-london"];
const LIST_SIZES = [null, 58214, 120000];
const ROWS = (process.env.ARRS_COMPARE_ROWS ?? "500,5000,20000").split(",").map(Number);

function load(lib) {
  return {
    readRoster: require(path.join(lib, "roster")).readRoster,
    RuleSet: require(path.join(lib, "rules/ruleset")).RuleSet,
    checkRoster: require(path.join(lib, "engine")).checkRoster,
  };
}

function tidy(value) {
  if (typeof value === "number" && !Number.isInteger(value)) return Math.round(value * 1e6) / 1e6;
  if (Array.isArray(value)) return value.map(tidy);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tidy(v)]));
  return value;
}

function asJson(result) {
  const plain = JSON.parse(JSON.stringify(result));
  return JSON.stringify(pennies ? tidy(plain) : plain);
}

/** The first place two JSON texts differ, with some context. */
function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `…${a.slice(Math.max(0, i - 120), i + 80)}…\n   vs …${b.slice(Math.max(0, i - 120), i + 80)}…`;
}

const old = load(before);
const now = load(after);
let compared = 0;
let differing = 0;
for (const rows of ROWS) {
  const roster = old.readRoster(rosterGrid(rows, 2025 + rows), { rules: new old.RuleSet() });
  for (const financialYear of YEARS) {
    for (const region of REGIONS) {
      for (const listSize of LIST_SIZES) {
        const settings = { financialYear, listSize, weightedPopulation: listSize === null ? null : listSize * 1.05, region };
        const a = asJson(old.checkRoster({ rows: roster.rows, settings, rules: new old.RuleSet() }));
        const b = asJson(now.checkRoster({ rows: roster.rows, settings, rules: new now.RuleSet() }));
        compared += 1;
        if (a !== b) {
          differing += 1;
          console.log(`${rows} rows, ${financialYear}, ${region}, list size ${listSize}: differs\n   ${firstDifference(a, b)}`);
        }
      }
    }
  }
}
console.log(`${compared - differing} of ${compared} the same${pennies ? " (money to 1e-6)" : ""}`);
process.exit(differing === 0 ? 0 : 1);
