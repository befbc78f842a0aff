"use strict";
/**
 * Synthetic ARRS rosters for the benchmarks, as a grid (what an adapter reads) and as an .xlsx file.
 *
 * Deterministic (a seeded generator, fixed dates), so every run and every machine checks the same
 * roster. Each looks like a PCN's own sheet, only far longer: title rows above the header, mixed
 * roles written as rosters write them ("Clin Pharm", "SPLW", "ANP", "Practice Nurse" + band…), WTE
 * for some rows and hours for others, date cells, UK text dates and Excel serials, money as numbers
 * and as "£31,049.00" text, blank on-costs (estimated), people on two rows, blank rows, and a share
 * of bad cells (impossible dates, "tbc" salaries, 45 "WTE", unknown roles, formula-looking text).
 *
 *   node bench/generate.js 10000 roster.xlsx     writes one file
 */
const fs = require("fs");
const path = require("path");

/** The year the benchmark checks: a year with caps (enhanced practice nurses, digital leads), so they run too. */
const YEAR = "2024/25";
const SHEET = "Roster 2024-25";
/** The settings every benchmark checks with, all of them given, so nothing is assumed. */
const SETTINGS = { financialYear: YEAR, listSize: 58214, weightedPopulation: 61532.4, region: "national" };
/** Bump when the rosters change, so cached files are made again. */
const GENERATOR_VERSION = 3;

const HEADERS = ["Staff ID", "Name", "Practice", "Job title", "Band", "WTE", "Hours per week", "Start date", "End date",
  "Annual salary", "Employer NI", "Employer pension", "Date of CCT", "Employed in PCN in last 12 months", "Comments"];
const HEADER_ROW = 4;

/** Role as written, band, full-time salary, relative frequency. */
const ROLES = [
  ["Clinical Pharmacist", "7", 47810, 14], ["Clin Pharm", "7", 47810, 4], ["Pharmacist (ARRS)", "7-8a", 50952, 2],
  ["Social Prescribing Link Worker", "5", 31049, 8], ["SPLW", "5", 31049, 4], ["Social Prescriber", "4", 27485, 2],
  ["First Contact Physiotherapist", "7", 47810, 5], ["FCP Physio", "7", 47810, 3],
  ["Care Co-ordinator", "4", 27485, 8], ["Care Coordinator", "4", 27485, 3],
  ["Health & Wellbeing Coach", "4", 27485, 5], ["HWBC", "5", 31049, 1],
  ["Pharmacy Technician", "5", 31049, 5], ["Pharm Tech", "5", 31049, 1],
  ["Paramedic", "7", 47810, 3], ["ANP", "8a", 55690, 3], ["Advanced Practitioner", "8a", 55690, 2],
  ["Physician Associate", "7", 47810, 3], ["Mental Health Practitioner", "6", 38682, 3],
  ["Nursing Associate", "4", 27485, 2], ["Trainee Nursing Associate", "3", 24625, 1],
  ["Dietitian", "7", 47810, 1], ["Podiatrist", "7", 47810, 1], ["Occupational Therapist", "7", 47810, 1],
  ["Digital Transformation Lead", "8a", 55690, 1], ["Enhanced Practice Nurse", "7", 47810, 1],
  ["Practice Nurse", "6", 38682, 2], ["Practice Nurse", "5", 31049, 1], ["HCSW", "3", 24625, 2],
  ["Salaried GP", "GP", 82000, 2], ["General Practice Assistant", "3", 24625, 1],
  ["Receptionist (ARRS)", "3", 24625, 1], ["Practice Manager", "8b", 62215, 1],
];
const ROLE_WEIGHT = ROLES.reduce((t, r) => t + r[3], 0);

const FIRST_NAMES = ["Hannah", "Marcus", "Sunita", "Gareth", "Chloe", "Tomasz", "Bethany", "Imran", "Laura", "Daniel",
  "Rhiannon", "Oliver", "Aisha", "Fiona", "Kieran", "Priya", "Samuel", "Eleanor", "Joseph", "Megan", "Siobhan", "Dafydd",
  "Zainab", "Callum", "Niamh", "Rory", "Amara", "Eilidh", "Bogdan", "Chidi"];
const SURNAMES = ["Whitcombe", "Delaney", "Verma", "Pryce", "Ashworth", "Nowicki", "Rowlands", "Siddiqui", "Fenwick",
  "Okoro", "Hughes", "Brandt", "Karim", "MacLeod", "Doyle", "Chauhan", "Adeyemi", "Marsh", "Kaur-Bennett", "Tallis",
  "O'Neill", "Llewellyn", "Begum", "Fraser", "Ní Bhriain", "McAllister", "Osei", "Campbell", "Kowalski", "Eze"];
const PRACTICES = ["Oakwood Surgery", "Vale Medical Centre", "Brookside Practice", "Millfield Health Centre",
  "Riverside Group Practice", "St Anne's Surgery"];
const COMMENTS = ["Fixed-term contract: check the end date with HR", "Shared with Vale MC", "Maternity cover",
  "=SUM(J5:J9)", "@HR please confirm hours", "+44 drama number 01632 960123", "-- see email 3 March --",
  "Started on a bank contract, substantive from June", "Band 7 from 1 October"];

/** mulberry32: a small seeded generator, so every run makes the same roster. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const utc = (y, m, d) => new Date(Date.UTC(y, m - 1, d));
const pad = (n) => String(n).padStart(2, "0");
const pennies = (n) => Math.round(n * 100) / 100;
const MONTH_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A date as a roster might hold it: mostly date cells, some UK text, a few serials and "1 Apr 2024". */
function dateCell(rand, date) {
  const y = date.getUTCFullYear(), m = date.getUTCMonth() + 1, d = date.getUTCDate();
  const p = rand();
  if (p < 0.7) return date;
  if (p < 0.93) return `${pad(d)}/${pad(m)}/${y}`;
  if (p < 0.97) return Math.round(date.getTime() / 86400000) + 25569;
  return `${d} ${MONTH_SHORT[m - 1]} ${y}`;
}

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

function pickRole(rand) {
  let x = rand() * ROLE_WEIGHT;
  for (const role of ROLES) {
    x -= role[3];
    if (x < 0) return role;
  }
  return ROLES[0];
}

/**
 * The roster as a grid: { sheetName, firstRow, firstColumn, values } with Date objects for date cells,
 * as the ExcelJS adapter reads it. `rows` people (plus blank rows every 400 and a totals row).
 */
function rosterGrid(rows, seed = 2025) {
  const rand = random(seed + rows);
  const values = [
    ["Oakwood Vale PCN – ARRS staff roster 2024/25 (synthetic benchmark data)"],
    ["Figures in £ per year; every person is fictional"],
    [],
    HEADERS.slice(),
  ];
  let salaryTotal = 0;
  for (let i = 1; i <= rows; i++) {
    if (i % 400 === 0) values.push([]);
    const [roleText, band, fullTime] = pickRole(rand);
    // About 1 in 100 people is on two rows (a change of hours), sharing a staff ID and name.
    const person = rand() < 0.01 && i > 1 ? i - 1 : i;
    const r2 = random(person * 7919);
    const name = `${pick(r2, FIRST_NAMES)} ${pick(r2, SURNAMES)} ${person}`;
    const id = `PCN${String(person).padStart(6, "0")}`;
    const startYear = 2019 + Math.floor(rand() * 7);
    const start = utc(startYear, 1 + Math.floor(rand() * 12), 1 + Math.floor(rand() * 28));
    let end = null;
    const e = rand();
    if (e < 0.15) end = dateCell(rand, utc(2024 + Math.floor(rand() * 2), 1 + Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)));
    else if (e < 0.2) end = pick(rand, ["ongoing", "tbc", "Permanent"]);
    const wte = [1, 1, 1, 0.8, 0.6, 0.5, 0.4, 0.9][Math.floor(rand() * 8)];
    const useHours = rand() < 0.45;
    const salary = pennies(fullTime * wte);
    salaryTotal += salary;
    const niGiven = rand() < 0.8;
    const row = [id, name, pick(rand, PRACTICES), roleText, band,
      useHours ? null : wte, useHours ? wte * 37.5 : null, dateCell(rand, start), end,
      rand() < 0.1 ? `£${salary.toLocaleString("en-GB", { minimumFractionDigits: 2 })}` : salary,
      niGiven ? pennies(Math.max(0, salary - 9100) * 0.138) : null, niGiven ? pennies(salary * 0.1438) : null,
      roleText === "Salaried GP" ? utc(2019 + Math.floor(rand() * 6), 8, 4) : null,
      /nurse|hcsw/i.test(roleText) ? pick(rand, ["No", "No", "Yes", "Promoted", null]) : null,
      rand() < 0.12 ? pick(rand, COMMENTS) : null];
    // About 2% of rows have a cell that cannot be used, as real rosters do.
    const bad = rand();
    if (bad < 0.004) row[7] = "31/02/2025";
    else if (bad < 0.008) row[9] = "tbc";
    else if (bad < 0.011) { row[5] = 45; row[6] = null; }
    else if (bad < 0.014) row[8] = "02/30/2024";
    else if (bad < 0.017) row[10] = -250;
    else if (bad < 0.02) row[3] = null;
    values.push(row);
  }
  values.push([null, "Total", null, null, null, null, null, null, null, pennies(salaryTotal)]);
  const width = HEADERS.length;
  for (const row of values) while (row.length < width) row.push(null);
  return { sheetName: SHEET, firstRow: 1, firstColumn: 1, values };
}

const DATE_FMT = "dd/mm/yyyy";
const MONEY = "£#,##0.00";

/**
 * Writes the roster as an .xlsx file, as Excel would save it (header style, date and money formats).
 * `seed` makes a different roster of the same length; `settings` (label → value, as the ARRS Settings
 * sheet holds them) gives the workbook its own stored settings, as a PCN's workbook has once checked.
 */
async function writeRosterFile(rows, file, options = {}) {
  const ExcelJS = require("exceljs");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const grid = rosterGrid(rows, options.seed);
  // The streaming writer keeps memory flat while making a 100,000-row file; the file is the same kind.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  wb.creator = "ARRS checker benchmark";
  const notes = wb.addWorksheet("Notes");
  notes.addRow(["Synthetic roster for the ARRS checker's benchmarks; every person is fictional."]).commit();
  notes.commit();
  const ws = wb.addWorksheet(SHEET, { views: [{ state: "frozen", xSplit: 2, ySplit: HEADER_ROW }] });
  ws.columns = [10, 26, 24, 28, 7, 7, 9, 12, 12, 13, 12, 13, 12, 14, 40].map((width) => ({ width }));
  grid.values.forEach((values, index) => {
    const row = ws.addRow(values.map((v) => (v === null ? undefined : v)));
    if (index === 0) row.getCell(1).font = { bold: true, size: 14 };
    if (index === HEADER_ROW - 1) {
      row.eachCell((cell) => {
        cell.font = { bold: true };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
        cell.border = { bottom: { style: "thin" } };
      });
    } else if (index >= HEADER_ROW) {
      for (const c of [8, 9, 13]) if (values[c - 1] instanceof Date || typeof values[c - 1] === "number") row.getCell(c).numFmt = DATE_FMT;
      for (const c of [10, 11, 12]) if (typeof values[c - 1] === "number") row.getCell(c).numFmt = MONEY;
    }
    row.commit();
  });
  ws.commit();
  if (options.settings) {
    const stored = wb.addWorksheet("ARRS Settings");
    stored.addRow(["ARRS settings"]).commit();
    stored.addRow(["Setting", "Value"]).commit();
    for (const [label, value] of Object.entries(options.settings)) stored.addRow([label, value]).commit();
    stored.commit();
  }
  await wb.commit();
  return grid.values.length;
}

/** The cached file for a size, made if missing or made by an older generator. */
async function rosterFile(rows, dir) {
  const file = path.join(dir, `roster-${rows}-v${GENERATOR_VERSION}.xlsx`);
  if (!fs.existsSync(file)) {
    const temporary = `${file}.${process.pid}.tmp`;
    await writeRosterFile(rows, temporary);
    fs.renameSync(temporary, file);
  }
  return file;
}

module.exports = { rosterGrid, writeRosterFile, rosterFile, YEAR, SHEET, SETTINGS, HEADERS, GENERATOR_VERSION };

if (require.main === module) {
  const [rows, file] = process.argv.slice(2);
  if (!rows || !file) {
    console.error("usage: node bench/generate.js ROWS FILE.xlsx");
    process.exit(2);
  }
  writeRosterFile(Number(rows), file).then((n) => console.log(`wrote ${file} (${n} sheet rows)`));
}
