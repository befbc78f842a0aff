"use strict";
/**
 * The roll-up case of `npm run bench`: an ICB's batch, 40 PCN workbooks of 60 staff each (bench/
 * generate.js, each its own roster and its own stored settings: PCN name, ODS code, list size,
 * weighted population), rolled up by `arrs rollup FOLDER` in a fresh process (bench/child.js), with
 * each PCN's checked copy written beside it as by default. Time and peak memory; target under 10 s.
 *
 *   ARRS_BENCH_CASES=rollup npm run bench     this case alone
 */
const fs = require("fs");
const path = require("path");
const { writeRosterFile, YEAR } = require("./generate");

const PCNS = 40;
const STAFF = 60;
const TARGET_MS = 10_000;

/** The folder of PCN workbooks, made once per generator version (the checked copies are removed before each run). */
async function pcnFolder(dir) {
  const folder = path.join(dir, `rollup-${PCNS}x${STAFF}`);
  const done = path.join(folder, ".complete");
  if (!fs.existsSync(done)) {
    fs.rmSync(folder, { recursive: true, force: true });
    fs.mkdirSync(folder, { recursive: true });
    for (let i = 1; i <= PCNS; i++) {
      const name = `PCN ${String(i).padStart(2, "0")}`;
      await writeRosterFile(STAFF, path.join(folder, `${name}.xlsx`), {
        seed: 1000 + i,
        settings: {
          "Financial year": YEAR, "List size": 30000 + i * 1500, "Weighted population": 32000 + i * 1700, Region: "National",
          "PCN name": `${name} Primary Care Network`, "PCN ODS code": `U${String(10000 + i)}`,
        },
      });
    }
    fs.writeFileSync(done, "");
  }
  for (const name of fs.readdirSync(folder)) if (name.endsWith(".arrs.xlsx")) fs.rmSync(path.join(folder, name));
  return folder;
}

/** Best of `repeats` runs of the roll-up, each in a fresh process (`child` is run.js's), and the largest peak memory. */
async function measureRollup({ dir, repeats, child, say }) {
  const folder = await pcnFolder(dir);
  const output = path.join(dir, "rollup-icb.xlsx");
  const runs = [];
  for (let i = 0; i < repeats; i++) {
    runs.push(child(["rollup", folder, output]));
    say(`  ${PCNS} PCNs of ${STAFF} staff, run ${i + 1}/${repeats}: ${(runs[i].ms / 1000).toFixed(2)} s, CPU ${(runs[i].cpuMs / 1000).toFixed(2)} s (${Math.round(runs[i].maxRss / 1024 ** 2)} MiB)`);
    for (const name of fs.readdirSync(folder)) if (name.endsWith(".arrs.xlsx")) fs.rmSync(path.join(folder, name));
  }
  fs.rmSync(output, { force: true });
  const ms = Math.min(...runs.map((r) => r.ms));
  return { pcns: PCNS, staff: STAFF, repeats, ms, cpuMs: Math.min(...runs.map((r) => r.cpuMs)), loadAverage: require("os").loadavg()[0], maxRss: Math.max(...runs.map((r) => r.maxRss)), targetMs: TARGET_MS, met: ms < TARGET_MS };
}

module.exports = { measureRollup, PCNS, STAFF, TARGET_MS };
