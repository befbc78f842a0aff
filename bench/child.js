"use strict";
/**
 * One measurement in a fresh process, so that its peak memory (max RSS) is its own. Prints one line
 * of JSON on stdout. Run by bench/run.js:
 *
 *   node bench/child.js floor IN.xlsx OUT.xlsx        ExcelJS reads and writes the workbook, nothing else
 *   node bench/child.js pipeline IN.xlsx OUT.xlsx     the whole `arrs check` (read, check, write the file)
 *   node bench/child.js reader ROWS [REPEATS]         the roster reader on the roster's grid
 *   node bench/child.js engine ROWS [REPEATS]         checkRoster on the rows of one read
 *   node bench/child.js rollup FOLDER OUT.xlsx        the whole `arrs rollup` of the folder (copies included)
 */
const fs = require("fs");
const path = require("path");
const { performance } = require("perf_hooks");

const ROOT = path.join(__dirname, "..");
const maxRssBytes = () => process.resourceUsage().maxRSS * 1024; // resourceUsage gives kilobytes

async function floor(input, output) {
  const ExcelJS = require("exceljs");
  const t0 = performance.now();
  const bytes = await fs.promises.readFile(input);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const out = await wb.xlsx.writeBuffer();
  await fs.promises.writeFile(output, out);
  return { ms: performance.now() - t0 };
}

async function pipeline(input, output, extra) {
  const { main } = require(path.join(ROOT, "lib/cli/main.js"));
  const { SETTINGS } = require("./generate");
  // The same settings as `arrs check` options.
  const settingsArgs = [
    "--year", SETTINGS.financialYear, "--list-size", String(SETTINGS.listSize),
    "--weighted-population", String(SETTINGS.weightedPopulation), "--region", SETTINGS.region,
  ];
  let stdout = "";
  let stderr = "";
  const io = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, today: () => "2026-11-21" };
  const t0 = performance.now();
  // --force: the output is the benchmark's scratch file, which the ExcelJS floor also writes.
  const code = await main(["check", input, "--out", output, "--force", ...settingsArgs, ...extra], io);
  const ms = performance.now() - t0;
  if (code !== 0) throw new Error(`arrs check exited ${code}: ${stderr.trim()}`);
  return { ms, summaryLines: stdout.split("\n").length };
}

/** `arrs rollup FOLDER --out OUT`, as an ICB analyst runs it: every workbook checked, its copy written, the ICB workbook written. */
async function rollup(folder, output) {
  const { main } = require(path.join(ROOT, "lib/cli/main.js"));
  let stderr = "";
  const io = { stdout: () => {}, stderr: (t) => { stderr += t; }, today: () => "2026-11-21" };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const code = await main(["rollup", folder, "--out", output, "--as-of", "2024-11-30"], io);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (code !== 0) throw new Error(`arrs rollup exited ${code}: ${stderr.trim()}`);
  // CPU time too: on a machine shared with other work, the wall-clock time is mostly waiting for a core.
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, progressLines: stderr.trim().split("\n").length };
}

/** The roster reader on the grid an adapter would give it, `repeats` times. */
async function reader(rows, repeats) {
  const { rosterGrid } = require("./generate");
  const { readRoster } = require(path.join(ROOT, "lib/roster"));
  const { RuleSet } = require(path.join(ROOT, "lib/rules/ruleset"));
  const rules = new RuleSet();
  const grid = rosterGrid(rows);
  const readTimes = [];
  let roster = null;
  for (let i = 0; i < repeats; i++) {
    roster = null;
    collect();
    const t0 = performance.now();
    roster = readRoster(grid, { rules });
    readTimes.push(performance.now() - t0);
  }
  return { rosterRows: roster.rows.length, readBestMs: Math.min(...readTimes) };
}

/**
 * The engine alone, `repeats` times, on the rows of a roster read once (the grid is gone once the rows
 * are read), as `arrs check` has them. In a process of its own, not after the reader's timed runs, so
 * that neither measurement inherits the other's heap.
 */
async function engine(rows, repeats) {
  const { rosterGrid, SETTINGS } = require("./generate");
  const { readRoster } = require(path.join(ROOT, "lib/roster"));
  const { RuleSet } = require(path.join(ROOT, "lib/rules/ruleset"));
  const { checkRoster } = require(path.join(ROOT, "lib/engine"));
  const rules = new RuleSet();
  const roster = readRoster(rosterGrid(rows), { rules });
  const engineTimes = [];
  let result = null;
  for (let i = 0; i < repeats; i++) {
    result = null;
    collect();
    const t0 = performance.now();
    result = checkRoster({ rows: roster.rows, settings: SETTINGS, rules });
    engineTimes.push(performance.now() - t0);
  }
  const findings = result.staff.reduce((n, s) => n + s.findings.length, 0);
  return { rosterRows: roster.rows.length, findings, engineBestMs: Math.min(...engineTimes), engineTimesMs: engineTimes };
}

/** A full collection before each timed run (node --expose-gc), so no run pays for the one before. */
function collect() {
  if (typeof global.gc === "function") global.gc();
}

async function mainChild() {
  const [mode, ...args] = process.argv.slice(2);
  let result;
  if (mode === "floor") result = await floor(args[0], args[1]);
  else if (mode === "pipeline") result = await pipeline(args[0], args[1], args.slice(2));
  else if (mode === "reader") result = await reader(Number(args[0]), Number(args[1] ?? 5));
  else if (mode === "engine") result = await engine(Number(args[0]), Number(args[1] ?? 5));
  else if (mode === "rollup") result = await rollup(args[0], args[1]);
  else throw new Error(`unknown mode ${mode}`);
  process.stdout.write(`${JSON.stringify({ ...result, maxRss: maxRssBytes() })}\n`);
}

mainChild().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
