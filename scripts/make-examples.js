#!/usr/bin/env node
"use strict";
/**
 * Writes the demo workbook (examples/sample-pcn-2025-26.xlsx) and the test fixtures (test/fixtures/*).
 *
 *   node scripts/make-examples.js
 *
 * Everything is synthetic: no real people, practices or phone numbers (phone numbers are from Ofcom's
 * drama ranges). Output is deterministic: fixed dates only, no randomness, fixed workbook timestamps
 * and fixed zip entry dates, so running it twice gives byte-identical files.
 */
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");
const JSZip = require("jszip"); // the zip library ExcelJS writes with

const ROOT = path.join(__dirname, "..");
const EXAMPLES = path.join(ROOT, "examples");
const FIXTURES = path.join(ROOT, "test", "fixtures");

/** Every timestamp written into a file: workbook properties and zip entries. */
const FIXED_TIMESTAMP = new Date(Date.UTC(2025, 8, 30, 9, 0, 0)); // 30 Sep 2025 09:00 UTC
// JSZip stamps each zip entry with `new Date()` unless told otherwise; pin it so bytes are stable.
JSZip.defaults.date = FIXED_TIMESTAMP;

// ---------------------------------------------------------------------------------------------------
// Helpers

/** A calendar date as a Date at UTC midnight (ExcelJS turns it into a whole-day serial number). */
function d(year, month, day) {
  return new Date(Date.UTC(year, month - 1, day));
}

/** Excel serial number (1900 system) of a calendar date. */
function serial(year, month, day) {
  return Math.round(Date.UTC(year, month - 1, day) / 86400000) + 25569;
}

/** Round to pennies. */
function pennies(n) {
  return Math.round((n + Number.EPSILON) * 100) / 100;
}

/** Employer on-costs from a given year's statutory rates. */
const ONCOSTS = {
  "2023/24": { niRate: 0.138, niThreshold: 9100, pension: 0.1438 },
  "2024/25": { niRate: 0.138, niThreshold: 9100, pension: 0.1438 },
  "2025/26": { niRate: 0.15, niThreshold: 5000, pension: 0.1438 },
};
function employerNi(salary, year) {
  const r = ONCOSTS[year];
  return pennies(Math.max(0, salary - r.niThreshold) * r.niRate);
}
function employerPension(salary, year) {
  return pennies(salary * ONCOSTS[year].pension);
}

/** Agenda for Change 2025/26 full-time salaries used in the sample (entry points; 8a top for one AP). */
const AFC_2025 = { 3: 24625, 4: 27485, 5: 31049, 6: 38682, 7: 47810, "8a": 55690, "8a top": 62682 };
const GP_FULL_TIME_2025 = 82000; // 9 sessions

function newWorkbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ARRS checker example generator";
  wb.lastModifiedBy = "ARRS checker example generator";
  wb.created = FIXED_TIMESTAMP;
  wb.modified = FIXED_TIMESTAMP;
  return wb;
}

async function save(wb, file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
  const size = fs.statSync(file).size;
  if (size > 200 * 1024) throw new Error(`${file} is ${size} bytes, over the 200 KB limit`);
  console.log(`wrote ${path.relative(ROOT, file)} (${size} bytes)`);
}

const BOLD = { bold: true };
const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const TOTAL_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
const MONEY = "£#,##0.00";
const WHOLE_POUNDS = "#,##0";
const DATE_FMT = "dd/mm/yyyy";

function styleHeaderRow(row) {
  row.eachCell((cell) => {
    cell.font = BOLD;
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: "middle", wrapText: true };
    cell.border = { bottom: { style: "thin" } };
  });
}

// ---------------------------------------------------------------------------------------------------
// examples/sample-pcn-2025-26.xlsx

const PRACTICES = {
  O: "Oakwood Surgery",
  V: "Vale Medical Centre",
  B: "Brookside Practice",
  M: "Millfield Health Centre",
};

/**
 * The roster rows, top to bottom from sheet row 5. `null` is the deliberate blank row.
 * salary: number (computed on-costs follow unless `oncosts: false`), or a string kept as text.
 * `problem` goes into Comments; `formulaComment` puts a manager's formula there instead.
 */
function sampleStaff() {
  const Y = "2025/26";
  const hourly = (band, hours) => pennies((AFC_2025[band] * hours) / 37.5);
  const gp = (hours) => pennies((GP_FULL_TIME_2025 * hours) / 37.5);
  return [
    { id: "OV001", name: "Hannah Whitcombe", practice: "O", role: "Clinical Pharmacist", band: 7, hours: 30,
      start: d(2024, 9, 2), salary: hourly(7, 30), formulaComment: true },
    { id: "OV002", name: "Marcus Delaney", practice: "V", role: "Clin Pharm", band: 7, hours: 37.5,
      start: d(2022, 5, 3), end: d(2025, 2, 28), salary: hourly(7, 37.5),
      problem: "Left 28/02/2025, before this year began: nothing to claim (NOT_IN_YEAR)." },
    { id: "OV003", name: "Sunita Verma", practice: "B", role: "Pharmacist (ARRS)", band: 7, hours: 22.5,
      start: "01/06/2025", salary: hourly(7, 22.5), note: "Start date typed as text" },
    { id: "OV004", name: "Gareth Pryce", practice: "M", role: "FCP Physio", band: 7, hours: 37.5,
      start: d(2023, 1, 9), salary: hourly(7, 37.5), formulaComment: true },
    { id: "OV005", name: "Chloe Ashworth", practice: "O", role: "SPLW", band: 5, hours: 37.5,
      start: d(2022, 3, 14), salary: "£31,049.00", salaryForOncosts: AFC_2025[5],
      problem: "Salary typed as text \"£31,049.00\" (should still be read as £31,049)." },
    { id: "OV006", name: "Tomasz Nowicki", practice: "V", role: "Social Prescriber", band: 5, hours: 30,
      start: "31/02/2025", salary: hourly(5, 30),
      problem: "Start date \"31/02/2025\" does not exist (INVALID_DATE)." },
    { id: "OV007", name: "Bethany Rowlands", practice: "B", role: "Care Co-ordinator", band: 4, hours: 37.5,
      start: d(2025, 3, 3), salary: hourly(4, 37.5), note: "Max from our own ARRS max reimb sheet" },
    { id: "OV008", name: "Imran Siddiqui", practice: "M", role: "Health & Wellbeing Coach", band: 4, hours: 37.5,
      start: "15/09/2025", salary: hourly(4, 37.5), note: "Mid-month start (15 Sep)" },
    { id: "OV009", name: "Laura Fenwick", practice: "O", role: "Pharmacy Technician", band: 5, hours: 37.5,
      start: d(2024, 7, 1), end: d(2025, 11, 20), salary: hourly(5, 37.5), note: "Leaving 20/11/2025" },
    null,
    { id: "OV010", name: "Daniel Okoro", practice: "V", role: "ANP", band: "8a", hours: 37.5,
      start: d(2025, 1, 6), salary: AFC_2025["8a top"],
      problem: "Band 8a top of scale: total cost above the £73,334 maximum (OVER_MAX)." },
    { id: "OV011", name: "Rhiannon Hughes", practice: "B", role: "Paramedic", band: 7, hours: 37.5,
      start: d(2025, 8, 4), salary: hourly(7, 37.5), oncosts: false,
      problem: "Employer NI and pension not yet known: blank (ONCOSTS_ESTIMATED)." },
    { id: "OV012", name: "Dr Oliver Brandt", practice: "M", role: "Salaried GP", band: "GP", hours: 30,
      start: d(2025, 4, 1), cct: d(2021, 8, 4), salary: gp(30),
      problem: "CCT August 2021, more than 2 years before start (GP_ELIGIBILITY)." },
    { id: "OV013", name: "Dr Aisha Karim", practice: "O", role: "Salaried GP", band: "GP", hours: 22.5,
      start: d(2025, 10, 1), cct: d(2025, 8, 6), salary: gp(22.5), note: "Newly qualified GP" },
    { id: "OV014", name: "Fiona MacLeod", practice: "V", role: "Practice Nurse", band: 6, hours: 30,
      start: d(2025, 5, 1), employed12: "Yes", salary: hourly(6, 30),
      problem: "Worked at Vale MC until March 2025 (\"Yes\" in 12-month column): NURSE_12_MONTH_RULE." },
    { id: "OV015", name: "Kieran Doyle", practice: "B", role: "HCSW", band: 3, hours: 37.5,
      start: d(2025, 6, 2), employed12: "No", salary: hourly(3, 37.5), formulaComment: true },
    { id: "OV016", name: "Priya Chauhan", practice: "M", role: "Nursing Associate", band: 4, hours: 37.5,
      start: d(2025, 10, 1), end: d(2025, 6, 30), salary: hourly(4, 37.5),
      problem: "End date 30/06/2025 is before start 01/10/2025 (END_BEFORE_START)." },
    { id: "OV017", name: "Samuel Adeyemi", practice: "O", role: "Physician Associate", band: 7, hours: 37.5,
      start: d(2024, 10, 7), salary: hourly(7, 37.5) },
    { id: "OV018", name: "Eleanor Marsh", practice: "V", role: "Digital Transformation Lead", band: "8a", hours: 22.5,
      start: d(2024, 11, 1), salary: hourly("8a", 22.5), note: "Shared with Vale MC IT" },
    { id: "OV019", name: "Joseph Kaur-Bennett", practice: "B", role: "Mental Health Practitioner", band: 6, hours: 37.5,
      start: d(2025, 4, 1), salary: hourly(6, 37.5),
      problem: "No national maximum exists for mental health practitioners (NO_RATE)." },
    { id: "OV020", name: "Megan Tallis", practice: "M", role: "Receptionist (ARRS)", band: 3, hours: 37.5,
      start: d(2025, 4, 1), salary: hourly(3, 37.5),
      problem: "Receptionist is not an ARRS role (UNKNOWN_ROLE)." },
    { id: "OV001", name: "Hannah Whitcombe", practice: "M", role: "Clinical Pharmacist", band: 7, hours: 22.5,
      start: d(2025, 7, 1), end: d(2025, 12, 31), salary: hourly(7, 22.5),
      problem: "Same person as row 5 (OV001): 0.8 + 0.6 WTE at once (DUPLICATE_PERSON)." },
  ].map((s) => {
    if (!s) return s;
    const forOncosts = typeof s.salary === "number" ? s.salary : s.salaryForOncosts;
    const withOncosts = s.oncosts !== false;
    return {
      ...s,
      ni: withOncosts ? employerNi(forOncosts, Y) : null,
      pension: withOncosts ? employerPension(forOncosts, Y) : null,
    };
  });
}

const SAMPLE_MAX_REIMB = [
  // role, band, national, outer, inner
  ["Clinical pharmacist", "7-8a", 66972, 74392, 77545],
  ["Advanced practitioner", "8a", 73334, 80754, 83907],
  ["Pharmacy technician", "5", 43352, 49967, 52172],
  ["General practitioner", "GP", 105882, null, null],
  ["Experienced GP nurse", "6", 53319, null, null],
  ["New to GP nurse", "5", 43352, null, null],
  ["Consultant nurse", "8c", 102683, null, null],
  ["Healthcare support worker", "3", 32159, null, null],
  ["Enhanced practice nurse", "7", 64907, null, null],
  ["Care co-ordinator", "4", 36000, null, null],
];

async function makeSample() {
  const wb = newWorkbook();
  wb.title = "Oakwood Vale PCN ARRS roster 2025/26 (demo)";
  const staff = sampleStaff();
  const ROSTER = "Roster 2025-26";
  const FIRST = 5;
  const LAST = FIRST + staff.length - 1; // last data row
  const TOTAL_ROW = LAST + 1;

  // ---- Notes (first sheet) ----
  const notes = wb.addWorksheet("Notes");
  notes.getColumn(1).width = 48;
  notes.getColumn(2).width = 18;
  notes.getCell("A1").value = "Oakwood Vale PCN – ARRS notes";
  notes.getCell("A1").font = { bold: true, size: 14 };
  notes.getCell("A3").value = "Roster kept by the PCN practice manager; checked before each monthly portal claim.";
  notes.getCell("A4").value = "Practices: Oakwood Surgery, Vale Medical Centre, Brookside Practice, Millfield Health Centre.";
  notes.getCell("A5").value = "Demo workbook: every person is fictional. Comments starting \"Demo problem\" mark deliberate errors.";
  notes.getCell("A6").value = "Max reimbursable amounts: see the ARRS max reimb 25-26 sheet (our copy, check against the DES).";
  notes.getCell("A8").value = "Total salaries on the roster (£)";
  const salaryTotal = pennies(staff.filter((s) => s && typeof s.salary === "number").reduce((t, s) => t + s.salary, 0));
  notes.getCell("B8").value = { formula: `SUM('${ROSTER}'!I${FIRST}:I${LAST})`, result: salaryTotal };
  notes.getCell("B8").numFmt = MONEY;
  notes.getCell("A9").value = "Staff rows on the roster";
  notes.getCell("B9").value = { formula: `COUNTA('${ROSTER}'!A${FIRST}:A${LAST})`, result: staff.filter(Boolean).length };
  notes.getCell("A10").value = "Formula check (should say 2)";
  notes.getCell("B10").value = { formula: "1+1", result: 2 };

  // ---- Roster ----
  const ws = wb.addWorksheet(ROSTER, { views: [{ state: "frozen", xSplit: 2, ySplit: 4 }] });
  ws.getCell("A1").value = "Oakwood Vale PCN – ARRS staff roster 2025/26";
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = "Updated by practice manager, figures in £ per year";
  ws.getCell("A2").font = { italic: true };
  const headers = ["Staff ID", "Name", "Practice", "Job title", "Band", "Hours per week", "Start date", "End date",
    "Annual salary", "Employer NI", "Employer pension", "Date of CCT", "Employed in PCN in last 12 months", "Comments"];
  const widths = [10, 22, 24, 28, 7, 9, 12, 12, 13, 12, 13, 12, 14, 60];
  ws.getRow(4).values = headers;
  ws.getRow(4).height = 32;
  styleHeaderRow(ws.getRow(4));
  widths.forEach((w, i) => { ws.getColumn(i + 1).width = w; });

  staff.forEach((s, i) => {
    const r = FIRST + i;
    if (!s) return; // the deliberate blank row
    const row = ws.getRow(r);
    row.getCell(1).value = s.id;
    row.getCell(2).value = s.name;
    row.getCell(3).value = PRACTICES[s.practice];
    row.getCell(4).value = s.role;
    row.getCell(5).value = s.band;
    row.getCell(6).value = s.hours;
    for (const [col, v] of [[7, s.start], [8, s.end], [12, s.cct]]) {
      if (v === undefined) continue;
      row.getCell(col).value = v;
      if (v instanceof Date) row.getCell(col).numFmt = DATE_FMT;
    }
    row.getCell(9).value = s.salary;
    if (typeof s.salary === "number") row.getCell(9).numFmt = MONEY;
    if (s.ni !== null) { row.getCell(10).value = s.ni; row.getCell(10).numFmt = MONEY; }
    if (s.pension !== null) { row.getCell(11).value = s.pension; row.getCell(11).numFmt = MONEY; }
    if (s.employed12) row.getCell(13).value = s.employed12;
    if (s.problem) {
      row.getCell(14).value = `Demo problem – ${s.problem}`;
      row.getCell(14).font = { color: { argb: "FFC00000" } };
    } else if (s.formulaComment) {
      // The manager's own formula: total cost as a sentence.
      const total = pennies(s.salary + s.ni + s.pension);
      const shown = Math.round(total).toLocaleString("en-GB");
      row.getCell(14).value = { formula: `"Total cost £"&TEXT(I${r}+J${r}+K${r},"#,##0")`, result: `Total cost £${shown}` };
    } else if (s.note) {
      row.getCell(14).value = s.note;
    }
  });

  const totalRow = ws.getRow(TOTAL_ROW);
  totalRow.getCell(1).value = "Total";
  const sumOf = (key) => pennies(staff.filter((s) => s && typeof s[key] === "number").reduce((t, s) => t + s[key], 0));
  [[9, "salary"], [10, "ni"], [11, "pension"]].forEach(([col, key]) => {
    const letter = String.fromCharCode(64 + col);
    totalRow.getCell(col).value = { formula: `SUM(${letter}${FIRST}:${letter}${LAST})`, result: sumOf(key) };
    totalRow.getCell(col).numFmt = MONEY;
  });
  for (let c = 1; c <= headers.length; c++) {
    totalRow.getCell(c).font = BOLD;
    totalRow.getCell(c).fill = TOTAL_FILL;
    totalRow.getCell(c).border = { top: { style: "thin" }, bottom: { style: "double" } };
  }

  // ---- ARRS max reimb 25-26 ----
  const mr = wb.addWorksheet("ARRS max reimb 25-26");
  mr.getCell("A1").value = "Maximum reimbursable amounts 2025/26";
  mr.getCell("A1").font = { bold: true, size: 13 };
  mr.getCell("A2").value = "Sample figures for the demo: check against Table 2 of the DES";
  mr.getCell("A2").font = { italic: true };
  mr.getRow(3).values = ["Role", "Band", "National", "Outer London", "Inner London"];
  styleHeaderRow(mr.getRow(3));
  [28, 8, 12, 14, 14].forEach((w, i) => { mr.getColumn(i + 1).width = w; });
  SAMPLE_MAX_REIMB.forEach((values, i) => {
    const row = mr.getRow(4 + i);
    values.forEach((v, c) => {
      if (v === null) return;
      row.getCell(c + 1).value = v;
      if (typeof v === "number") row.getCell(c + 1).numFmt = WHOLE_POUNDS;
    });
  });
  const noteRow = 4 + SAMPLE_MAX_REIMB.length + 1;
  mr.getCell(`A${noteRow}`).value =
    "Note: the care co-ordinator figure (£36,000) is the PCN's own, for illustration: no national band 4 maximum for 2025/26 is published.";
  mr.getCell(`A${noteRow}`).font = { italic: true };
  mr.getCell(`A${noteRow + 1}`).value = "Roles not listed here: the checker uses its built-in figures.";
  mr.getCell(`A${noteRow + 1}`).font = { italic: true };

  // ---- ARRS Settings (the tool reads and rewrites this layout) ----
  const st = wb.addWorksheet("ARRS Settings");
  st.getCell("A1").value = "ARRS Settings";
  st.getCell("A1").font = { bold: true, size: 13 };
  st.getCell("A2").value = "Written by the ARRS checker; edit the values, not the labels.";
  st.getRow(4).values = ["Setting", "Value"];
  styleHeaderRow(st.getRow(4));
  [["Financial year", "2025/26"], ["List size", 58214], ["Weighted population", 61532], ["Region", "national"],
    ["Roster sheet", ROSTER]].forEach((pair, i) => { st.getRow(5 + i).values = pair; });
  st.getColumn(1).width = 22;
  st.getColumn(2).width = 18;

  await save(wb, path.join(EXAMPLES, "sample-pcn-2025-26.xlsx"));
}

// ---------------------------------------------------------------------------------------------------
// test/fixtures/minimal-2024-25.xlsx: header on row 1, FTE and full-time salary, date cells.

async function makeMinimal() {
  const Y = "2024/25";
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Staff");
  ws.getRow(1).values = ["Name", "Role", "FTE", "Start", "End", "FTE salary", "Employer NI", "Employer pension"];
  styleHeaderRow(ws.getRow(1));
  [22, 22, 6, 12, 12, 12, 12, 16].forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  const rows = [
    // name, role, fte, start, end, full-time salary
    ["Alex Morgan", "Clinical Pharmacist", 1.0, d(2023, 6, 1), null, 53755], // across the 1 Oct 2024 change
    ["Dr Sam Patel", "Salaried GP", 0.8, d(2024, 10, 1), null, 73113], // GP from 1 Oct 2024, no CCT column
    ["Jo Brennan", "Pharmacy Technician", 1.0, d(2024, 11, 18), null, 29970], // mid-month starter
    ["Chris Lowe", "Social Prescribing Link Worker", 0.6, d(2021, 4, 1), d(2024, 12, 31), 29970],
    ["Robin Hale", "Care Coordinator", 1.0, d(2024, 4, 1), null, 26530],
  ];
  rows.forEach(([name, role, fte, start, end, ftSalary], i) => {
    const actual = pennies(ftSalary * fte);
    const row = ws.getRow(2 + i);
    row.values = [name, role, fte, start, end, ftSalary, employerNi(actual, Y), employerPension(actual, Y)];
    row.getCell(4).numFmt = DATE_FMT;
    if (end) row.getCell(5).numFmt = DATE_FMT;
    [6, 7, 8].forEach((c) => { row.getCell(c).numFmt = MONEY; });
  });
  await save(wb, path.join(FIXTURES, "minimal-2024-25.xlsx"));
}

// ---------------------------------------------------------------------------------------------------
// test/fixtures/caps-2023-24.xlsx: 8 advanced practitioners, UK text dates, "Salary".

async function makeCaps() {
  const Y = "2023/24";
  const wb = newWorkbook();
  const ws = wb.addWorksheet("ARRS staff 23-24");
  ws.getRow(1).values = ["Name", "Role", "WTE", "Start date", "End date", "Salary", "Employer NI", "Employer pension"];
  styleHeaderRow(ws.getRow(1));
  [20, 24, 6, 12, 12, 12, 12, 16].forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  const rows = [
    ["AP One", "ANP", "01/04/2023", 50952],
    ["AP Two", "Advanced Practitioner", "02/05/2023", 53755],
    ["AP Three", "ACP", "01/06/2023", 50952],
    ["AP Four", "ANP", "03/07/2023", 57349],
    ["AP Five", "Advanced Practitioner", "01/08/2023", 50952],
    ["AP Six", "ACP", "02/10/2023", 53755],
    ["AP Seven", "ANP", "02/10/2023", 50952], // same start as AP Six: row order breaks the tie
    ["AP Eight", "Advanced Practitioner", "01/11/2023", 50952],
  ];
  rows.forEach(([name, role, start, salary], i) => {
    const row = ws.getRow(2 + i);
    row.values = [name, role, 1, start, null, salary, employerNi(salary, Y), employerPension(salary, Y)];
    [6, 7, 8].forEach((c) => { row.getCell(c).numFmt = MONEY; });
  });
  await save(wb, path.join(FIXTURES, "caps-2023-24.xlsx"));
}

// ---------------------------------------------------------------------------------------------------
// test/fixtures/london-2025-26.xlsx: title row, header row 3, Sessions for GPs and WTE for others.

async function makeLondon() {
  const Y = "2025/26";
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Roster");
  ws.getCell("A1").value = "Hollins Park PCN (outer London) – additional roles 2025/26";
  ws.getCell("A1").font = { bold: true, size: 13 };
  ws.getRow(3).values = ["Name", "Role", "Sessions", "WTE", "Start date", "End date", "Annual salary",
    "Employer NI", "Employer pension", "CCT date"];
  styleHeaderRow(ws.getRow(3));
  [22, 24, 9, 6, 12, 12, 13, 12, 16, 12].forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  const GP_FT = 84000; // 9 sessions, London
  // Agenda for Change basic plus an illustrative 15% outer London weighting, at the WTE.
  const london = (basic, wte) => pennies(basic * 1.15 * wte);
  const rows = [
    // name, role, sessions, wte, start, end, salary (actual, incl. London weighting), cct
    ["Dr Nia Edwards", "GP", 6, null, d(2025, 4, 1), null, pennies((GP_FT * 6) / 9), d(2024, 2, 7)],
    ["Dr Felix Grant", "GP", 8, null, d(2025, 9, 1), null, pennies((GP_FT * 8) / 9), d(2025, 8, 13)],
    ["Ruth Osei", "Clinical Pharmacist", null, 1.0, d(2024, 3, 4), null, london(47810, 1), null],
    ["Ben Carter", "Pharmacy Technician", null, 0.8, d(2025, 6, 2), null, london(31049, 0.8), null],
    ["Lena Fischer", "Advanced Practitioner", null, 1.0, d(2023, 11, 6), null, 61690, null], // band 8a + capped weighting,
    ["Tariq Mahmood", "SPLW", null, 1.0, d(2025, 5, 12), d(2026, 1, 16), london(31049, 1), null],
    ["Grace Wu", "EPN", null, 0.6, d(2025, 4, 1), null, london(47810, 0.6), null],
  ];
  rows.forEach(([name, role, sessions, wte, start, end, salary, cct], i) => {
    const row = ws.getRow(4 + i);
    row.values = [name, role, sessions, wte, start, end, salary, employerNi(salary, Y), employerPension(salary, Y), cct];
    [5, 6, 10].forEach((c) => { if (row.getCell(c).value instanceof Date) row.getCell(c).numFmt = DATE_FMT; });
    [7, 8, 9].forEach((c) => { row.getCell(c).numFmt = MONEY; });
  });

  const mr = wb.addWorksheet("ARRS max reimb");
  mr.getCell("A1").value = "Max reimbursable per WTE (from the DES, our copy)";
  mr.getCell("A1").font = { bold: true };
  mr.getRow(3).values = ["Role", "National", "Outer London"];
  styleHeaderRow(mr.getRow(3));
  [28, 12, 14].forEach((w, i) => { mr.getColumn(i + 1).width = w; });
  [
    ["Clinical pharmacist", 66972, 74392],
    ["Advanced practitioner", 73334, 80754],
    ["Pharmacy technician", 43352, 49967],
    ["Social prescribing link worker", 43352, 49967],
    ["General practitioner", 105882, null],
    ["Enhanced practice nurse", 64907, null],
  ].forEach((values, i) => {
    const row = mr.getRow(4 + i);
    values.forEach((v, c) => { if (v !== null) row.getCell(c + 1).value = v; });
    [2, 3].forEach((c) => { row.getCell(c).numFmt = WHOLE_POUNDS; });
  });
  await save(wb, path.join(FIXTURES, "london-2025-26.xlsx"));
}

// ---------------------------------------------------------------------------------------------------
// test/fixtures/messy.xlsx: everything a hand-kept sheet does wrong.

async function makeMessy() {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("ARRS list");
  // Eight lines of titles and notes above the header (one of them mentions "Name" and "Role").
  const preamble = [
    ["BROOKFIELD & DISTRICT PCN"],
    ["ARRS STAFF LIST – DO NOT CIRCULATE"],
    ["Financial year:", "2025-26"],
    ["Last updated:", "see version history"],
    ["Name changes and role changes must also go to the HR system."],
    ["Salaries are actual annual pay at the person's WTE; NI and pension as per payroll."],
    ["Amounts in £. Dates as on contract."],
    ["*** Rows below the header are live – do not sort ***"],
  ];
  preamble.forEach((values, i) => { ws.getRow(1 + i).values = values; });
  ws.getCell("A1").font = { bold: true, size: 14 };

  const header = ["Staff No.", "First name", "Surname", "Job Role", "WTE", "Start Date", "End Date",
    "Annual Salary", "Ers NI", "Ers Pension", "Notes"];
  const longRole =
    "Clinical Pharmacist (ARRS funded) covering Brookfield and Eastgate sites, structured medication reviews, " +
    "care home rounds on Tuesdays and Thursdays, hypertension case finding, supervision of the pharmacy " +
    "technician, and cover for the medicines management lead during annual leave and study days as agreed " +
    "with the clinical director at the quarterly workforce review";
  // Rows from 10. Everything a number here is deliberately stored as text unless noted.
  const body = [
    ["1001", "Nadia", "Hollis", "Clinical Pharmacist", "1.0", String(serial(2025, 4, 1)), "",
      "£47,810.00", "6421.50", "6875.08", "start as serial text"],
    ["1002", "Owen", "Price", "SPLW", "0.8", d(2024, 9, 16), null, 24839.2, 2975.88, 3571.88, "real numbers and a date cell"],
    [], // blank row 12
    header.slice(), // repeated header row 13
    ["1003", "=1+2", "Formula-Name", "Care Co-ordinator", "1", "01/05/2025", "", "27,485", "3,372.75", "3,952.34",
      "first name looks like a formula (text)"],
    ["1004", "@SUM(A1)", "At-Sign", longRole, "0.6", String(serial(2025, 6, 2)), "",
      "£28,686.00", "£3,552.90", "£4,125.05", "very long role text"],
    [], // blank row 16
    ["1005", "Ffion", "Rees", "Pharmacy Tech", "1.0", "2025-07-14", "31/03/2026", "31049", "3907.35", "4464.85", "ISO text date"],
    ["1006", "Ade", "Bankole", "Health and Wellbeing Coach", "0.5", d(2025, 8, 1), null, "£13,742.50", "", "", "on-costs blank"],
    ["", "", "TOTAL", "", "", "", "", { formula: "SUM(H10:H18)", result: 24839.2 }, { formula: "SUM(I10:I18)", result: 2975.88 },
      { formula: "SUM(J10:J18)", result: 3571.88 }, ""],
  ];
  ws.getRow(9).values = header;
  ws.getRow(9).font = BOLD;
  body.forEach((values, i) => {
    const row = ws.getRow(10 + i);
    values.forEach((v, c) => {
      if (v === "" || v === null || v === undefined) return;
      const cell = row.getCell(c + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = DATE_FMT;
    });
  });
  [10, 12, 14, 28, 6, 12, 12, 13, 10, 12, 32].forEach((w, i) => { ws.getColumn(i + 1).width = w; });

  const contacts = wb.addWorksheet("Contacts");
  contacts.getRow(1).values = ["Name", "Practice", "Phone", "Email"];
  contacts.getRow(1).font = BOLD;
  [
    ["Nadia Hollis", "Brookfield Surgery", "01632 960123", "nadia.hollis@example.org"],
    ["Owen Price", "Eastgate Medical Practice", "01632 960456", "owen.price@example.org"],
    ["Ffion Rees", "Brookfield Surgery", "07700 900321", "ffion.rees@example.org"],
    ["Practice manager", "Eastgate Medical Practice", "01632 960789", "pm.eastgate@example.org"],
  ].forEach((values, i) => { contacts.getRow(2 + i).values = values; });
  [20, 26, 14, 28].forEach((w, i) => { contacts.getColumn(i + 1).width = w; });
  await save(wb, path.join(FIXTURES, "messy.xlsx"));
}

// ---------------------------------------------------------------------------------------------------
// test/fixtures/no-roster.xlsx and not-a-workbook.xlsx

async function makeNoRoster() {
  const wb = newWorkbook();
  const budget = wb.addWorksheet("Budget 2025-26");
  budget.getRow(1).values = ["Cost centre", "Description", "Budget (£)", "Actual to date (£)", "Variance (£)"];
  budget.getRow(1).font = BOLD;
  [
    ["PCN01", "Premises and rent", 42000, 21350],
    ["PCN02", "IT and telephony", 18500, 9120.5],
    ["PCN03", "Training and education", 7500, 2310],
    ["PCN04", "Locum cover", 30000, 17640],
    ["PCN05", "Stationery and postage", 2400, 1188.4],
  ].forEach(([cc, desc, budgetAmount, actual], i) => {
    const r = 2 + i;
    budget.getRow(r).values = [cc, desc, budgetAmount, actual, { formula: `C${r}-D${r}`, result: pennies(budgetAmount - actual) }];
  });
  [12, 26, 12, 18, 14].forEach((w, i) => { budget.getColumn(i + 1).width = w; });

  const phones = wb.addWorksheet("Phone list");
  phones.getRow(1).values = ["Name", "Extension", "Direct line"];
  phones.getRow(1).font = BOLD;
  [
    ["Reception", 200, "01632 960000"],
    ["Dispensary", 214, "01632 960014"],
    ["Practice manager", 221, "01632 960021"],
    ["Community nursing team", 230, "01632 960030"],
  ].forEach((values, i) => { phones.getRow(2 + i).values = values; });
  [26, 10, 14].forEach((w, i) => { phones.getColumn(i + 1).width = w; });
  await save(wb, path.join(FIXTURES, "no-roster.xlsx"));
}

function makeNotAWorkbook() {
  const file = path.join(FIXTURES, "not-a-workbook.xlsx");
  fs.mkdirSync(FIXTURES, { recursive: true });
  fs.writeFileSync(file, Buffer.from("This is a plain text file with an .xlsx extension, not a workbook.\n", "utf8"));
  console.log(`wrote ${path.relative(ROOT, file)} (${fs.statSync(file).size} bytes)`);
}

// ---------------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------------
// test/fixtures/uplift-2025-26.xlsx: the user's uplifted 2025/26 amounts over the built-in ones.

async function makeUplift() {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Staff 25-26");
  ws.getRow(1).values = ["Name", "Role", "WTE", "Start date", "Annual salary", "Employer NI", "Employer pension"];
  styleHeaderRow(ws.getRow(1));
  [22, 26, 6, 12, 14, 14, 16].forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  const rows = [
    // name, role, wte, start, actual salary, employer NI, employer pension (2025/26: 15% above £5,000; 14.38%)
    ["Priya Shah", "Clinical Pharmacist", 1.0, d(2024, 4, 1), 60000, 8250, 8628],
    ["Tom Reed", "Pharmacy Technician", 1.0, d(2025, 10, 1), 36000, 4650, 5176.8],
    ["Ana Costa", "Advanced Practitioner", 0.8, d(2025, 4, 1), 50000, 6750, 7190],
  ];
  rows.forEach((values, i) => {
    const row = ws.getRow(2 + i);
    row.values = values;
    row.getCell(4).numFmt = DATE_FMT;
    [5, 6, 7].forEach((c) => { row.getCell(c).numFmt = MONEY; });
  });
  const mr = wb.addWorksheet("ARRS max reimb 25-26");
  mr.getCell("A1").value = "Maximum amounts after the August 2025 uplift (3.6%), backdated to 1 April 2025";
  mr.getCell("A1").font = BOLD;
  mr.getRow(3).values = ["Role", "National"];
  styleHeaderRow(mr.getRow(3));
  [28, 12].forEach((w, i) => { mr.getColumn(i + 1).width = w; });
  [["Clinical Pharmacist", 69383], ["Pharmacy Technician", 44913], ["Advanced Practitioner", 75974]].forEach((values, i) => {
    mr.getRow(4 + i).values = values;
    mr.getRow(4 + i).getCell(2).numFmt = WHOLE_POUNDS;
  });
  await save(wb, path.join(FIXTURES, "uplift-2025-26.xlsx"));
}

// ---------------------------------------------------------------------------------------------------
// test/fixtures/three-practices-2025-26.xlsx: a front sheet and a roster sheet per member practice.

async function makeThreePractices() {
  const wb = newWorkbook();
  const front = wb.addWorksheet("Front sheet");
  front.getColumn(1).width = 70;
  front.getCell("A1").value = "Riverside PCN – ARRS rosters 2025/26";
  front.getCell("A1").font = { bold: true, size: 14 };
  front.getCell("A3").value = "One sheet per member practice: Oakwood, Elm Grove, Birch Lane.";
  front.getCell("A4").value = "Each practice manager keeps their own sheet; the PCN claims for all three together.";
  front.getCell("A5").value = "Sam Okafor (clinical pharmacist) works at Oakwood and, from October, at Birch Lane too.";

  const header = ["Name", "Staff ID", "Role", "WTE", "Start date", "Annual salary", "Employer NI", "Employer pension"];
  // name, staff ID, role, wte, start, salary, employer NI, employer pension (given, so nothing is estimated)
  const sheets = [
    ["Oakwood", null, [
      ["Sam Okafor", "RP007", "Clinical Pharmacist", 0.6, d(2025, 4, 1), 30000, 3750, 4314],
      ["Priya Nair", "RP001", "Pharmacy Technician", 1.0, d(2025, 4, 1), 31000, 3900, 4457.8],
    ]],
    ["Elm Grove", "Elm Grove Surgery", [
      ["Tom Hughes", "RP002", "Advanced Practitioner", 1.0, d(2025, 4, 1), 60000, 8250, 8628],
      ["Lucy Bell", "RP003", "Pharmacy Technician", 0.8, d(2025, 7, 1), 24000, 2850, 3451.2],
    ]],
    ["Birch Lane", null, [
      ["Sam Okafor", "RP007", "Clinical Pharmacist", 0.6, d(2025, 10, 1), 30000, 3750, 4314],
      ["Ana Silva", "RP004", "Clinical Pharmacist", 1.0, d(2025, 4, 1), 50000, 6750, 7190],
    ]],
  ];
  for (const [name, practice, rows] of sheets) {
    const ws = wb.addWorksheet(name);
    // Elm Grove's sheet has a Practice column; the other two are named after their practice.
    const columns = practice ? ["Practice", ...header] : header;
    ws.getRow(1).values = columns;
    styleHeaderRow(ws.getRow(1));
    columns.forEach((title, i) => { ws.getColumn(i + 1).width = ["Practice", "Name", "Role"].includes(title) ? 22 : 13; });
    rows.forEach((values, i) => {
      const row = ws.getRow(2 + i);
      row.values = practice ? [practice, ...values] : values;
      const first = practice ? 2 : 1;
      row.getCell(first + 4).numFmt = DATE_FMT;
      [5, 6, 7].forEach((c) => { row.getCell(first + c).numFmt = MONEY; });
    });
  }
  await save(wb, path.join(FIXTURES, "three-practices-2025-26.xlsx"));
}

// ---------------------------------------------------------------------------------------------------
// test/fixtures/forecast-2025-26.xlsx: the year ahead as of 31/12/2025 (hand-checked in test/fixtures/README.md).

async function makeForecast() {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Staff 2025-26");
  ws.getRow(1).values = ["Name", "Role", "WTE", "Start date", "End date", "Annual salary", "Employer NI", "Employer pension"];
  styleHeaderRow(ws.getRow(1));
  [22, 28, 6, 12, 12, 14, 14, 16].forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  // name, role, wte, start, end, salary, employer NI, employer pension (given: 15% above £5,000; 14.38%)
  const rows = [
    ["Asha Khan", "Clinical Pharmacist", 1.0, d(2024, 4, 1), null, 48000, 6450, 6902.4], // in post all year
    ["Ben Ode", "Social Prescribing Link Worker", 1.0, d(2023, 4, 1), d(2025, 9, 30), 30000, 3750, 4314], // a leaver
    ["Cara Dunn", "Pharmacy Technician", 1.0, d(2026, 2, 1), null, 36000, 4650, 5176.8], // starts after the as-of date
    ["Vacancy", "Advanced Practitioner", 1.0, d(2026, 2, 1), null, 48000, 6450, 6902.4], // a planned post with a cost
    [null, "Pharmacy Technician", 0.5, null, null, null, null, null], // a planned post: no name, no start, no cost
  ];
  rows.forEach((values, i) => {
    const row = ws.getRow(2 + i);
    row.values = values;
    [4, 5].forEach((c) => { row.getCell(c).numFmt = DATE_FMT; });
    [6, 7, 8].forEach((c) => { row.getCell(c).numFmt = MONEY; });
  });
  await save(wb, path.join(FIXTURES, "forecast-2025-26.xlsx"));
}

async function main() {
  await makeSample();
  await makeMinimal();
  await makeCaps();
  await makeLondon();
  await makeMessy();
  await makeUplift();
  await makeThreePractices();
  await makeForecast();
  await makeNoRoster();
  makeNotAWorkbook();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
