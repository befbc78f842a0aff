#!/usr/bin/env node
"use strict";
/**
 * `npm run bench`: the ARRS checker under load. For synthetic rosters of 1,000 to 100,000 rows
 * (bench/generate.js) it measures, each in a fresh process so peak memory is its own:
 *
 *   - the floor: ExcelJS reading and writing the same workbook, with no ARRS work at all;
 *   - the whole `arrs check` (read, check, write the output file), and its ratio to the floor;
 *   - the roster reader and the engine alone (checkRoster on the reader's rows);
 *   - the pipeline's peak memory (max RSS, from process.resourceUsage() in the child);
 *
 * then whether the engine's optimised code survives from one check to the next (V8 --trace-deopt),
 * the Office.js adapter against the fake Excel at 50,000 rows (context.sync() calls, largest
 * request), and the custom functions over 100,000 cells (bench/functions.js).
 * Times are the best of several runs (other work on the machine only ever adds time).
 *
 *   npm run bench                       all of it (a few minutes)
 *   ARRS_BENCH_SIZES=1000,10000 npm run bench
 *   ARRS_BENCH_REPEATS=1 npm run bench  one run of each (quicker, noisier)
 *
 * Prints tables; also writes test-output/bench/results.json and results.md.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { rosterFile } = require("./generate");

const ROOT = path.join(__dirname, "..");
const OUT = path.join(ROOT, "test-output", "bench");
const SIZES = (process.env.ARRS_BENCH_SIZES ?? "1000,10000,50000,100000").split(",").map(Number);
/** Runs per size: more where a run is short, since short runs are the noisiest. */
const REPEATS = (rows) => Number(process.env.ARRS_BENCH_REPEATS ?? (rows <= 50000 ? 5 : 3));

const TARGETS = {
  ratioAt50k: 1.5,
  engineMsAt100k: 500,
  memoryBytesAt100k: 1024 ** 3,
  officeSyncs: 20,
  officeRequestBytes: 4_000_000,
};

const ms = (x) => (x >= 10000 ? `${(x / 1000).toFixed(1)} s` : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`);
const mib = (bytes) => `${Math.round(bytes / 1024 ** 2)} MiB`;
const thousands = (n) => n.toLocaleString("en-GB");
const say = (text) => process.stderr.write(`${text}\n`);

/** One measurement in a child process (bench/child.js); its one line of JSON. */
function child(args) {
  const flags = args[0] === "engine" || args[0] === "reader" ? ["--expose-gc"] : [];
  const run = spawnSync(process.execPath, [...flags, path.join(__dirname, "child.js"), ...args], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`bench/child.js ${args.join(" ")} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").pop());
}

/**
 * Optimised code V8 throws away between checks: the engine run DEOPT_CHECKS times in one process
 * under --trace-deopt, each result let go before the next (bench/child.js deopts). V8 drops a
 * function's optimised code, "reason: weak objects", when an object that code was made for is
 * collected; the next check then starts again in unoptimised code. Counts such functions from the
 * first check on. Run at 100,000 rows: at 20,000 V8 did not collect often enough to show it.
 */
function deoptsBetweenChecks(rows) {
  const run = spawnSync(process.execPath, ["--expose-gc", "--trace-deopt", path.join(__dirname, "child.js"), "deopts", String(rows)], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`bench/child.js deopts ${rows} failed:\n${run.stderr}`);
  const lines = run.stdout.split("\n");
  // The line bench/child.js writes before the first check.
  const first = lines.findIndex((line) => line.startsWith("ARRS-BENCH-CHECK 1"));
  if (first < 0) throw new Error("bench/child.js deopts wrote no line before its first check");
  const afterFirst = lines.slice(first);
  const functions = new Set();
  for (const line of afterFirst) {
    const match = /<SharedFunctionInfo ([^>]*)>\) .*reason: weak objects/.exec(line);
    if (match) functions.add(match[1] || "(anonymous)");
  }
  const { checks } = JSON.parse(lines.filter((line) => line.startsWith("{")).pop());
  return { rows, checks, functions: [...functions].sort() };
}

function table(headers, rows) {
  const lines = [`| ${headers.join(" | ")} |`, `|${headers.map(() => "---").join("|")}|`];
  for (const row of rows) lines.push(`| ${row.join(" | ")} |`);
  return lines.join("\n");
}

async function measureSize(rows) {
  const input = await rosterFile(rows, OUT);
  const output = path.join(OUT, `out-${rows}.xlsx`);
  const repeats = REPEATS(rows);
  const floors = [];
  const pipelines = [];
  // Floor and pipeline alternate, so a busy spell on the machine falls on both alike.
  for (let i = 0; i < repeats; i++) {
    floors.push(child(["floor", input, output]));
    pipelines.push(child(["pipeline", input, output]));
    say(`  ${thousands(rows)} rows, run ${i + 1}/${repeats}: floor ${ms(floors[i].ms)}, arrs check ${ms(pipelines[i].ms)} (${mib(pipelines[i].maxRss)})`);
  }
  const reader = child(["reader", String(rows), String(Math.max(5, repeats))]);
  const engine = child(["engine", String(rows), String(Math.max(5, repeats))]);
  say(`  ${thousands(rows)} rows: reader ${ms(reader.readBestMs)}, engine ${ms(engine.engineBestMs)}`);
  const floor = Math.min(...floors.map((f) => f.ms));
  const pipeline = Math.min(...pipelines.map((p) => p.ms));
  fs.rmSync(output, { force: true });
  return {
    rows,
    inputBytes: fs.statSync(input).size,
    repeats,
    floorMs: floor,
    floorMaxRss: Math.max(...floors.map((f) => f.maxRss)),
    pipelineMs: pipeline,
    ratio: pipeline / floor,
    pipelineMaxRss: Math.max(...pipelines.map((p) => p.maxRss)),
    readerMs: reader.readBestMs,
    engineMs: engine.engineBestMs,
    engineFirstMs: engine.engineFirstMs,
    engineTimesMs: engine.engineTimesMs,
    staff: engine.rosterRows,
    findings: engine.findings,
  };
}

/**
 * Every timed check of the engine at one size, in order, and the median of all but the first: the
 * table gives the best, and on a machine whose speed varies the spread says how far to trust it.
 */
function engineChecksLine(size) {
  const times = size.engineTimesMs;
  const warm = times.slice(1).sort((a, b) => a - b);
  const median = warm.length % 2 ? warm[(warm.length - 1) / 2] : (warm[warm.length / 2 - 1] + warm[warm.length / 2]) / 2;
  return `Engine at ${thousands(size.rows)} rows, each of its ${times.length} checks in order (the first cold): ${times.map((t) => Math.round(t)).join(", ")} ms; best ${ms(Math.min(...times))}, median of the other ${warm.length} ${ms(median)}.`;
}

function officeFigures() {
  const file = path.join(ROOT, "test-output", "office-figures.json");
  fs.rmSync(file, { force: true });
  const jest = path.join(ROOT, "node_modules", ".bin", os.platform() === "win32" ? "jest.cmd" : "jest");
  const run = spawnSync(jest, ["test/bench", "--silent"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ARRS_BENCH: "1" } });
  if (!fs.existsSync(file)) return { error: (run.stderr || run.stdout || "jest did not run").trim().split("\n").slice(-15).join("\n") };
  return { ...JSON.parse(fs.readFileSync(file, "utf8")), passed: run.status === 0 };
}

async function functionFigures() {
  try {
    return await require("./functions").runFunctionBench();
  } catch (error) {
    return { error: String(error && error.message ? error.message : error) };
  }
}

function functionTable(result) {
  if (!Array.isArray(result)) return `not available (${result.error ?? JSON.stringify(result)})`;
  if (result.length === 0) return "no rows";
  if (Array.isArray(result[0])) return table(result[0].map(String), result.slice(1).map((r) => r.map(String)));
  const headers = [...new Set(result.flatMap((r) => Object.keys(r)))];
  const cell = (h, v) => (typeof v !== "number" ? String(v ?? "") : /ms$/i.test(h) ? ms(v) : thousands(Math.round(v)));
  return table(headers, result.map((r) => headers.map((h) => cell(h, r[h]))));
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const started = Date.now();
  say(`ARRS checker benchmark: node ${process.version}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 1024 ** 3)} GiB`);
  const sizes = [];
  for (const rows of SIZES) {
    say(`${thousands(rows)} rows`);
    sizes.push(await measureSize(rows));
  }
  say("engine code kept optimised between checks");
  const deopts = deoptsBetweenChecks(100000);
  say("Office.js adapter against the fake Excel");
  const office = officeFigures();
  say("custom functions");
  const functions = await functionFigures();

  const sizeTable = table(
    ["roster rows", "ExcelJS read + write (floor)", "arrs check (read, check, write)", "ratio to floor", "roster reader", "engine (checkRoster)", "peak memory: floor", "peak memory: arrs check"],
    sizes.map((s) => [thousands(s.rows), ms(s.floorMs), ms(s.pipelineMs), `${s.ratio.toFixed(2)}×`, ms(s.readerMs), ms(s.engineMs), mib(s.floorMaxRss), mib(s.pipelineMaxRss)]),
  );
  const at = (rows) => sizes.find((s) => s.rows === rows);
  const targets = [];
  const target = (what, goal, figure, met) => targets.push([what, goal, figure, met === null ? "not measured" : met ? "yes" : "**no**"]);
  const s50 = at(50000);
  const s100 = at(100000);
  target("arrs check vs the ExcelJS floor, 50,000 rows", `≤ ${TARGETS.ratioAt50k}×`, s50 ? `${s50.ratio.toFixed(2)}×` : "–", s50 ? s50.ratio <= TARGETS.ratioAt50k : null);
  target("engine alone, 100,000 rows", `< ${ms(TARGETS.engineMsAt100k)}`, s100 ? ms(s100.engineMs) : "–", s100 ? s100.engineMs < TARGETS.engineMsAt100k : null);
  target("peak memory of arrs check, 100,000 rows", "< 1 GiB", s100 ? mib(s100.pipelineMaxRss) : "–", s100 ? s100.pipelineMaxRss < TARGETS.memoryBytesAt100k : null);
  const officeOk = office && !office.error;
  target(`Office.js: context.sync() calls, ${officeOk ? thousands(office.rows) : "50,000"} rows`, `≤ ${TARGETS.officeSyncs}`, officeOk ? String(office.syncs) : "–", officeOk ? office.syncs <= TARGETS.officeSyncs : null);
  target("Office.js: largest request", "≤ 4 MB", officeOk ? `${(office.largestRequestBytes / 1e6).toFixed(2)} MB` : "–", officeOk ? office.largestRequestBytes <= TARGETS.officeRequestBytes : null);

  const text = [
    `Node ${process.version}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 1024 ** 3)} GiB; best of ${sizes.map((s) => s.repeats).join("/")} runs; ${new Date().toISOString().slice(0, 10)}`,
    "",
    sizeTable,
    "",
    table(["target", "goal", "figure", "met"], targets),
    "",
    ...(s100 ? [`${engineChecksLine(s100)}`, ""] : []),
    officeOk
      ? `Office.js adapter, ${thousands(office.rows)} rows against the fake Excel: ${office.syncs} context.sync() calls (${office.readSyncs} to read), largest request ${thousands(office.largestRequestBytes)} bytes, largest response ${thousands(office.largestResponseBytes)} bytes, ${(office.writtenBytes / 1e6).toFixed(1)} MB written; claim lines sheet: ${office.claimLinesSheetRows === 1 ? "the note" : `${thousands(office.claimLinesSheetRows - 1)} lines`}.`
      : `Office.js adapter: not measured (${office.error})`,
    "",
    `Optimised engine code V8 threw away after the first check (${thousands(deopts.rows)} rows, ${deopts.checks} checks in one process, each result let go before the next; --trace-deopt, "weak objects"): ${deopts.functions.length} functions${deopts.functions.length ? ` (${deopts.functions.join(", ")})` : ""}.`,
    "",
    "Custom functions, one call over 100,000 cells:",
    "",
    functionTable(functions),
    "",
    `(benchmark took ${Math.round((Date.now() - started) / 1000)} s)`,
  ].join("\n");
  process.stdout.write(`\n${text}\n`);
  fs.writeFileSync(path.join(OUT, "results.md"), `${text}\n`);
  fs.writeFileSync(path.join(OUT, "results.json"), `${JSON.stringify({ node: process.version, cores: os.cpus().length, memory: os.totalmem(), sizes, deopts, office, functions }, null, 2)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
