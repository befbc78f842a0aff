#!/usr/bin/env node
"use strict";
/**
 * `npm run bench`: the ARRS checker under load, and whether it meets its targets (docs/performance.md).
 *
 * For synthetic rosters of 1,000 to 100,000 rows (bench/generate.js) it measures, each in a fresh
 * process so that peak memory is its own (bench/child.js):
 *
 *   - the floor: ExcelJS reading and writing the same workbook, with no ARRS work at all;
 *   - the whole `arrs check` (read, check, write the output file), and its ratio to the floor;
 *   - the roster reader and the engine alone (checkRoster on the reader's rows);
 *   - the peak memory (max RSS) of the floor and of `arrs check`.
 *
 * Then: the sample end to end (`node bin/arrs.js check examples/sample-pcn-2025-26.xlsx`) against a
 * bare `node -e 0`; the Office.js adapter against the fake Excel at 50,000 rows (context.sync() calls,
 * largest request; test/bench/office-figures.test.ts); and the custom functions over 100,000 cells
 * (bench/functions.js); and `arrs rollup` of 40 PCN workbooks of 60 staff each (bench/rollup.js). Times
 * are the best of several runs: other work on the machine only adds time.
 *
 * And a zip bomb (bench/bomb.js): a 10 MB workbook whose roster inflates to 10 GiB, which `arrs
 * check` must refuse in seconds at bounded memory.
 *
 *   npm run bench                            all of it (several minutes)
 *   ARRS_BENCH_SIZES=1000,10000 npm run bench
 *   ARRS_BENCH_REPEATS=1 npm run bench       one run of each (quicker, noisier)
 *   ARRS_BENCH_CASES=rollup npm run bench    only the cases named: sizes, oneName, sample, office, functions, rollup, bomb
 *
 * Prints the figures and the targets, each met or not met. These are figures, not tests: the exit
 * code is 0 whether or not the targets are met. Also writes test-output/bench/results.md (the form
 * docs/performance.md keeps) and results.json.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { performance } = require("perf_hooks");
const { measureBomb } = require("./bomb");
const { rosterFile } = require("./generate");
const { measureRollup } = require("./rollup");

const ROOT = path.join(__dirname, "..");
const OUT = path.join(ROOT, "test-output", "bench");
const SAMPLE = "examples/sample-pcn-2025-26.xlsx";
const SIZES = (process.env.ARRS_BENCH_SIZES ?? "1000,10000,50000,100000").split(",").map(Number);
/** Runs of the floor and of `arrs check` per size: more where a run is short, since short runs are the noisiest. */
const REPEATS = (rows) => Number(process.env.ARRS_BENCH_REPEATS ?? (rows <= 50000 ? 5 : 3));
/** Runs of the reader and of the engine per size (they run in one process, so runs are cheap). */
const IN_PROCESS_REPEATS = (rows) => Math.max(5, REPEATS(rows));
/** Runs of the sample and of a bare Node start: each takes a fraction of a second. */
const SAMPLE_REPEATS = Math.max(10, REPEATS(0));
/** The cases to run (ARRS_BENCH_CASES, comma-separated); all of them by default. */
const CASES = (process.env.ARRS_BENCH_CASES ?? "sizes,oneName,sample,office,functions,rollup,bomb").split(",").map((c) => c.trim());
const runs = (name) => CASES.includes(name);

const TARGETS = {
  ratioAt50k: 1.0,
  engineMsAt100k: 1500,
  sampleToNodeStart: 4,
  memoryBytesAt100k: 1024 ** 3,
  officeSyncs: 20,
  officeRequestBytes: 4_000_000,
  rollupMs: 10_000,
  bombMs: 5000,
  bombMaxRssBytes: 512 * 1024 ** 2,
};

const ms = (x) => (x >= 10000 ? `${(x / 1000).toFixed(1)} s` : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`);
const mib = (bytes) => `${Math.round(bytes / 1024 ** 2)} MiB`;
const thousands = (n) => Math.round(n).toLocaleString("en-GB");
const ratio = (x) => `${x.toFixed(2)}×`;
const say = (text) => process.stderr.write(`${text}\n`);
const best = (times) => Math.min(...times);

function table(headers, rows) {
  const lines = [`| ${headers.join(" | ")} |`, `|${headers.map(() => "---").join("|")}|`];
  for (const row of rows) lines.push(`| ${row.join(" | ")} |`);
  return lines.join("\n");
}

/** One measurement in a child process (bench/child.js); its one line of JSON. */
function child(args) {
  const flags = args[0] === "engine" || args[0] === "reader" ? ["--expose-gc"] : [];
  const run = spawnSync(process.execPath, [...flags, path.join(__dirname, "child.js"), ...args], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`bench/child.js ${args.join(" ")} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").pop());
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
  const reader = child(["reader", String(rows), String(IN_PROCESS_REPEATS(rows))]);
  const engine = child(["engine", String(rows), String(IN_PROCESS_REPEATS(rows))]);
  say(`  ${thousands(rows)} rows: reader ${ms(reader.readBestMs)}, engine ${ms(engine.engineBestMs)}`);
  fs.rmSync(output, { force: true });
  const floorMs = best(floors.map((f) => f.ms));
  const pipelineMs = best(pipelines.map((p) => p.ms));
  return {
    rows,
    inputBytes: fs.statSync(input).size,
    repeats,
    floorMs,
    floorMaxRss: Math.max(...floors.map((f) => f.maxRss)),
    pipelineMs,
    ratio: pipelineMs / floorMs,
    pipelineMaxRss: Math.max(...pipelines.map((p) => p.maxRss)),
    readerMs: reader.readBestMs,
    engineMs: engine.engineBestMs,
    engineTimesMs: engine.engineTimesMs,
    staff: engine.rosterRows,
    findings: engine.findings,
  };
}

/** Wall-clock time of `node ARGS` in a fresh process, from the project folder, as a user waits for it. */
function timedNode(args) {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
  const elapsed = performance.now() - t0;
  if (run.status !== 0) throw new Error(`node ${args.join(" ")} exited ${run.status}:\n${run.stderr}`);
  return elapsed;
}

/** The sample checked end to end by the command line, against a bare Node start; alternating, best of each. */
function sampleEndToEnd() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arrs-bench-"));
  const output = path.join(dir, "sample.arrs.xlsx");
  const bare = [];
  const sample = [];
  try {
    for (let i = 0; i < SAMPLE_REPEATS; i++) {
      bare.push(timedNode(["-e", "0"]));
      sample.push(timedNode(["bin/arrs.js", "check", SAMPLE, "--out", output]));
      fs.rmSync(output, { force: true });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const result = { repeats: SAMPLE_REPEATS, nodeStartMs: best(bare), sampleMs: best(sample) };
  return { ...result, ratio: result.sampleMs / result.nodeStartMs };
}

/** Rows of one person in the combined roster below: every locum entered as "Locum TBC" (issue 19). */
const ONE_NAME_ROWS = 20000;

/**
 * A CSV roster of 20,000 rows all named "Locum TBC", all in post together, through the whole
 * `arrs check`: the people-on-several-rows check is linear in the rows; best of a few runs, and the
 * peak memory of the largest.
 */
function oneNameFigure() {
  const input = path.join(OUT, "one-name.csv");
  const output = path.join(OUT, "one-name.arrs.xlsx");
  const lines = ["Name,Role,WTE,Start date,Annual salary", ...Array.from({ length: ONE_NAME_ROWS }, () => "Locum TBC,Clinical Pharmacist,0.5,01/04/2025,45000")];
  fs.writeFileSync(input, `${lines.join("\r\n")}\r\n`);
  const runs = [];
  for (let i = 0; i < Math.min(3, REPEATS(ONE_NAME_ROWS)); i++) {
    fs.rmSync(output, { force: true });
    runs.push(child(["pipeline", input, output]));
  }
  fs.rmSync(output, { force: true });
  return { rows: ONE_NAME_ROWS, ms: best(runs.map((r) => r.ms)), maxRss: Math.max(...runs.map((r) => r.maxRss)) };
}

/** test/bench/office-figures.test.ts under jest, which writes its figures to test-output/office-figures.json. */
function officeFigures() {
  const file = path.join(ROOT, "test-output", "office-figures.json");
  fs.rmSync(file, { force: true });
  const jest = path.join(ROOT, "node_modules", ".bin", os.platform() === "win32" ? "jest.cmd" : "jest");
  const run = spawnSync(jest, ["test/bench", "--silent"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ARRS_BENCH: "1" } });
  if (!fs.existsSync(file)) return { error: (run.stderr || run.stdout || "jest did not run").trim().split("\n").slice(-15).join("\n") };
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

function functionFigures() {
  try {
    return require("./functions").runFunctionBench();
  } catch (error) {
    return { error: String(error && error.message ? error.message : error) };
  }
}

function machine() {
  return {
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model.trim() ?? "unknown CPU",
    memoryBytes: os.totalmem(),
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
  };
}

/** How this run was set up, in words, so a table of figures always says what produced it. */
function runSettings(sizes) {
  const repeats = process.env.ARRS_BENCH_REPEATS ? `ARRS_BENCH_REPEATS=${process.env.ARRS_BENCH_REPEATS}` : "ARRS_BENCH_REPEATS unset";
  const cases = process.env.ARRS_BENCH_CASES ? `ARRS_BENCH_CASES=${CASES.join(",")}, ` : "";
  return [
    `${cases}${repeats}, ARRS_BENCH_SIZES=${SIZES.join(",")}.`,
    `Runs per size (${sizes.map((s) => thousands(s.rows)).join("/")} rows), the best kept:`,
    `floor and arrs check ${sizes.map((s) => s.repeats).join("/")}, reader and engine ${sizes.map((s) => IN_PROCESS_REPEATS(s.rows)).join("/")};`,
    `the sample and a bare Node start: ${SAMPLE_REPEATS} each.`,
  ].join(" ");
}

/** A row of the targets table; `met` is null when the figure was not measured in this run. */
function target(what, goal, figure, met) {
  if (met === null) return [what, goal, "–", "not measured"];
  return [what, goal, figure(), met ? "met" : "**not met**"];
}

function targetRows(sizes, sample, office, rollup, bomb) {
  const s50 = sizes.find((s) => s.rows === 50000);
  const s100 = sizes.find((s) => s.rows === 100000);
  const officeRan = office !== null && !office.error;
  const bombRefused = bomb && bomb.code === 2 && bomb.said.split("\n").length === 1;
  return [
    target("arrs check against the ExcelJS floor, 50,000 rows", `at most ${ratio(TARGETS.ratioAt50k)}`,
      () => ratio(s50.ratio), s50 ? s50.ratio <= TARGETS.ratioAt50k : null),
    target("engine alone, 100,000 rows", `at most ${ms(TARGETS.engineMsAt100k)}`,
      () => ms(s100.engineMs), s100 ? s100.engineMs <= TARGETS.engineMsAt100k : null),
    target("the sample end to end against a bare `node -e 0`", `at most ${TARGETS.sampleToNodeStart}×`,
      () => `${ratio(sample.ratio)} (${ms(sample.sampleMs)} against ${ms(sample.nodeStartMs)})`, sample ? sample.ratio <= TARGETS.sampleToNodeStart : null),
    target("peak memory of arrs check, 100,000 rows", "under 1 GiB",
      () => mib(s100.pipelineMaxRss), s100 ? s100.pipelineMaxRss < TARGETS.memoryBytesAt100k : null),
    target(`Office.js: context.sync() calls, ${thousands(officeRan ? office.rows : 50000)} rows`, `at most ${TARGETS.officeSyncs}`,
      () => String(office.syncs), officeRan ? office.syncs <= TARGETS.officeSyncs : null),
    target("Office.js: largest request", "at most 4 MB",
      () => `${(office.largestRequestBytes / 1e6).toFixed(2)} MB`, officeRan ? office.largestRequestBytes <= TARGETS.officeRequestBytes : null),
    target("arrs rollup of 40 PCN workbooks of 60 staff (copies written)", `under ${ms(TARGETS.rollupMs)}`,
      () => `${ms(rollup.ms)} (peak ${mib(rollup.maxRss)})`, rollup ? rollup.ms < TARGETS.rollupMs : null),
    target("a zip bomb (10 MB inflating to 10 GiB) refused with one line, exit code 2", `under ${ms(TARGETS.bombMs)}, peak under ${mib(TARGETS.bombMaxRssBytes)}`,
      () => `${ms(bomb.ms)}, ${mib(bomb.maxRss)}${bombRefused ? "" : ` (exit ${bomb.code}: ${bomb.said.slice(0, 200)})`}`,
      bomb ? bombRefused && bomb.ms < TARGETS.bombMs && bomb.maxRss < TARGETS.bombMaxRssBytes : null),
  ];
}

function sizeTable(sizes) {
  return table(
    ["roster rows", "ExcelJS read + write (floor)", "arrs check (read, check, write)", "ratio to floor", "roster reader", "engine (checkRoster)", "peak memory: floor", "peak memory: arrs check"],
    sizes.map((s) => [thousands(s.rows), ms(s.floorMs), ms(s.pipelineMs), ratio(s.ratio), ms(s.readerMs), ms(s.engineMs), mib(s.floorMaxRss), mib(s.pipelineMaxRss)]),
  );
}

function officeLine(office) {
  if (office === null) return "Office.js adapter: not run (ARRS_BENCH_CASES).";
  if (office.error) return `Office.js adapter: not measured (${office.error})`;
  const claimLines = office.claimLinesSheetRows === 1 ? "its note that there are too many lines to list" : `${thousands(office.claimLinesSheetRows - 1)} lines`;
  return `Office.js adapter, ${thousands(office.rows)} rows against the fake Excel: ${office.syncs} context.sync() calls (${office.readSyncs} to read), `
    + `largest request ${thousands(office.largestRequestBytes)} bytes, largest response ${thousands(office.largestResponseBytes)} bytes, `
    + `${(office.writtenBytes / 1e6).toFixed(1)} MB written; the Claim Lines sheet holds ${claimLines}.`;
}

function functionTable(functions) {
  if (functions === null) return "Custom functions: not run (ARRS_BENCH_CASES).";
  if (functions.error) return `Custom functions: not measured (${functions.error})`;
  return [
    "Custom functions, one call over 100,000 cells, without Excel (no target):",
    "",
    table(["function", "cells", "time", "cells a second", "error cells"],
      functions.map((f) => [f.function, thousands(f.cells), ms(f.ms), thousands(f.cellsPerSecond), thousands(f.errors)])),
  ].join("\n");
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const started = Date.now();
  const host = machine();
  say(`ARRS checker benchmark: Node ${host.node}, ${host.cores} cores, ${host.cpu}, ${Math.round(host.memoryBytes / 1024 ** 3)} GiB`);
  const sizes = [];
  for (const rows of runs("sizes") ? SIZES : []) {
    say(`${thousands(rows)} rows`);
    sizes.push(await measureSize(rows));
  }
  if (runs("oneName")) say(`${thousands(ONE_NAME_ROWS)} rows of one name`);
  const oneName = runs("oneName") ? oneNameFigure() : null;
  if (runs("sample")) say("the sample end to end, and a bare Node start");
  const sample = runs("sample") ? sampleEndToEnd() : null;
  if (runs("office")) say("Office.js adapter against the fake Excel");
  const office = runs("office") ? officeFigures() : null;
  if (runs("functions")) say("custom functions");
  const functions = runs("functions") ? functionFigures() : null;
  if (runs("rollup")) say("arrs rollup of 40 PCN workbooks");
  const rollup = runs("rollup") ? await measureRollup({ dir: OUT, repeats: Math.min(3, REPEATS(0)), child, say }) : null;
  if (runs("bomb")) say("a zip bomb");
  const bomb = runs("bomb") ? measureBomb(OUT) : null;

  const text = [
    `Machine: ${host.cores} cores (nproc), ${host.cpu}, ${Math.round(host.memoryBytes / 1024 ** 3)} GiB memory, Node ${host.node}; run on ${host.date}.`,
    "",
    `Run settings: ${runSettings(sizes)}`,
    "",
    table(["target", "goal", "figure", "met"], targetRows(sizes, sample, office, rollup, bomb)),
    "",
    sizes.length > 0 ? sizeTable(sizes) : "Roster sizes: not run (ARRS_BENCH_CASES).",
    "",
    sample
      ? `The sample end to end: \`node bin/arrs.js check ${SAMPLE} --out <tmp>\` ${ms(sample.sampleMs)}, a bare \`node -e 0\` ${ms(sample.nodeStartMs)} (best of ${sample.repeats} each): ${ratio(sample.ratio)}.`
      : "The sample end to end: not run (ARRS_BENCH_CASES).",
    "",
    oneName
      ? `${thousands(oneName.rows)} rows of one name ("Locum TBC", all in post together), a CSV through the whole \`arrs check\`: ${ms(oneName.ms)}, peak memory ${mib(oneName.maxRss)}.`
      : "Rows of one name: not run (ARRS_BENCH_CASES).",
    "",
    bomb
      ? `A zip bomb: a ${(bomb.fileBytes / 1e6).toFixed(1)} MB workbook whose roster sheet inflates to ${Math.round(bomb.inflatesTo / 1024 ** 3)} GiB while recording 100,000 bytes: \`arrs check\` exit ${bomb.code} in ${ms(bomb.ms)}, peak ${mib(bomb.maxRss)} (a 512 MiB heap), saying: ${bomb.said}`
      : "A zip bomb: not run (ARRS_BENCH_CASES).",
    "",
    officeLine(office),
    "",
    functionTable(functions),
    "",
    rollup
      ? `The roll-up: \`arrs rollup\` of ${rollup.pcns} PCN workbooks of ${rollup.staff} staff each (each with its own stored settings; every checked copy written beside its workbook, and the ICB workbook): ${ms(rollup.ms)}, peak memory ${mib(rollup.maxRss)} (best of ${rollup.repeats}); CPU time ${ms(rollup.cpuMs)}, with the machine's load average at ${rollup.loadAverage.toFixed(1)} on ${os.availableParallelism()} cores.`
      : "The roll-up: not run (ARRS_BENCH_CASES).",
  ].join("\n");
  process.stdout.write(`\n${text}\n`);
  fs.writeFileSync(path.join(OUT, "results.md"), `${text}\n`);
  fs.writeFileSync(path.join(OUT, "results.json"), `${JSON.stringify({ machine: host, sizes, oneName, sample, office, functions, rollup, bomb }, null, 2)}\n`);
  say(`\n(benchmark took ${Math.round((Date.now() - started) / 1000)} s; written to ${path.relative(ROOT, OUT)}/results.md and results.json)`);
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
