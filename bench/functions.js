"use strict";
/**
 * How fast the =ARRS.* functions are over whole columns: one call of ARRS.MAXREIMB and one of
 * ARRS.CLAIM over 100,000 cells each, as Excel would make them for a 100,000-row range (arrays of
 * rows). Runs the compiled pure functions in lib/ (`npm run build:cli` builds them), without Excel,
 * so it measures the functions themselves, not Excel's calculation or the transfer of the values.
 *
 *   npm run build:cli && node bench/functions.js          prints a table
 *   require("./bench/functions").runFunctionBench()      returns its rows (bench/run.js)
 *
 * The columns are deterministic: a mix of role names and aliases, dates as Excel serial numbers and
 * as UK text, a few blank and unknown roles, so the coercion and error paths are in the time too.
 */
const fs = require("fs");
const path = require("path");
const { performance } = require("perf_hooks");

const ROOT = path.join(__dirname, "..");
const LIB = path.join(ROOT, "lib", "functions", "arrs.js");
const CELLS = 100000;
const TODAY = "2025-11-21";

const ROLES = ["Clinical Pharmacist", "Clin Pharm", "SPLW", "Social Prescriber", "FCP Physio", "Care Co-ordinator",
  "Health & Wellbeing Coach", "Pharmacy Technician", "Paramedic", "ANP", "Physician Associate", "HCSW",
  "Salaried GP", "Practice Nurse band 6", "Consultant Nurse", "Dietitian", "Receptionist (ARRS)", ""];
/** Excel's serial number for 1 April 2023; dates run over three years from it. */
const SERIAL_2023_04_01 = 45017;

function ukDate(serial) {
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86400000);
  return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
}

/** A column (n rows × 1) of the i-th value of `make`. */
function column(n, make) {
  const rows = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = [make(i)];
  return rows;
}

function inputs(n) {
  // A small linear congruential generator: the same columns on every run.
  let seed = 20250401;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const roles = column(n, () => ROLES[Math.floor(next() * ROLES.length)]);
  const dates = column(n, (i) => {
    const serial = SERIAL_2023_04_01 + Math.floor(next() * 1095);
    return i % 3 === 0 ? ukDate(serial) : serial;
  });
  const costs = column(n, () => Math.round(25000 + next() * 60000));
  const wte = column(n, () => [1, 0.8, 0.6, 0.5, 0.4][Math.floor(next() * 5)]);
  const ends = column(n, (i) => (i % 4 === 0 ? SERIAL_2023_04_01 + 800 + Math.floor(next() * 600) : ""));
  return { roles, dates, costs, wte, ends };
}

/** Cells of a result that are errors, to show the work was done (and is the same every run). */
function errors(result) {
  let count = 0;
  for (const row of result) for (const cell of row) if (cell && typeof cell === "object" && "error" in cell) count += 1;
  return count;
}

function time(fn) {
  const t0 = performance.now();
  const result = fn();
  return { ms: performance.now() - t0, result };
}

function runFunctionBench(options = {}) {
  const cells = options.cells || CELLS;
  if (!fs.existsSync(LIB)) throw new Error(`${path.relative(ROOT, LIB)} is missing: run npm run build:cli first.`);
  const arrs = require(LIB);
  const context = { today: TODAY };
  const data = inputs(cells);

  // Warm up once on a small range, so the first timed call does not pay for compiling the code.
  const warm = inputs(1000);
  arrs.maxReimb(context, warm.roles, warm.dates, "national");
  arrs.claim(context, warm.roles, warm.costs, warm.wte, warm.dates, warm.ends, "2025/26", "national");

  const rows = [];
  const max = time(() => arrs.maxReimb(context, data.roles, data.dates, "national"));
  rows.push({ function: "ARRS.MAXREIMB(role, date, region)", cells, ms: max.ms, cellsPerSecond: cells / (max.ms / 1000), errors: errors(max.result) });
  const claim = time(() => arrs.claim(context, data.roles, data.costs, data.wte, data.dates, data.ends, "2025/26", "national"));
  rows.push({ function: "ARRS.CLAIM(role, cost, wte, start, end, year, region)", cells, ms: claim.ms, cellsPerSecond: cells / (claim.ms / 1000), errors: errors(claim.result) });
  return rows;
}

function printTable(rows) {
  const lines = [["function", "cells", "ms", "cells/s", "error cells"]];
  for (const r of rows) lines.push([r.function, r.cells.toLocaleString("en-GB"), r.ms.toFixed(0), Math.round(r.cellsPerSecond).toLocaleString("en-GB"), r.errors.toLocaleString("en-GB")]);
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  for (const l of lines) console.log(l.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join("  "));
}

module.exports = { runFunctionBench, printTable };

if (require.main === module) {
  try {
    printTable(runFunctionBench());
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}
