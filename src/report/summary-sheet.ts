/**
 * "ARRS Claim Summary": the sheet a practice manager reads first. From the top: what was checked and
 * with which settings, the claim by role, the claim against the PCN's ARRS sum with the PCN-level
 * findings, the claim by month (with a chart), and where the figures came from.
 */
import { missingClaimHeaderNote } from "./claim-header";
import { addForecastBlock, type WithForecast } from "./forecast-block";
import { formatMonth, formatUkDate } from "../common/dates";
import { OWNED_SHEETS } from "../common/owned";
import { SETTINGS_LABELS } from "../common/settings-keys";
import type { CheckResult, RoleSummary, StaffResult } from "../engine/types";
import { integer, money, SheetRows, sum, text, wte } from "./cells";
import type { BuildOptions, ChartSpec, OutputCell, OwnedSheet, RosterReading, SheetRange } from "./types";
import { FINDING_CODES } from "../rules/finding-codes";
import type { Finding, Severity } from "../rules/types";
import { capUseText, REGION_TEXT, SEVERITY_TEXT } from "./words";

/** The longest finding code, so that the Code column (B) never cuts one. */
const LONGEST_CODE = Math.max(...FINDING_CODES.map((c) => c.code.length));

/**
 * Column A holds labels and long texts; B the codes (capitals are wider than Excel's width unit, a
 * digit, hence × 1.2) and first figures; the rest, figures under headers as wide as the headers.
 * About 170 characters without the backdated uplift's column (G): one landscape page wide.
 */
export const SUMMARY_COLUMN_WIDTHS = [52, Math.ceil(LONGEST_CODE * 1.2) + 1, 10, 19, 36, 28, 54];

/** Characters of a long text on one line: across the empty columns to its right, or within column A. */
const LINE_ACROSS = 150;
const LINE_IN_A = 56;

/**
 * A long text as lines of at most `width` characters, split between words: each line its own row, so
 * that it prints whole in every program without relying on wrapped rows growing to fit.
 */
export function textLines(value: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of value.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** A long text in column A, over as many rows as it takes. */
function addPara(sheet: SheetRows, value: string, style: "note" | Severity | null = "note"): void {
  for (const line of textLines(value, LINE_ACROSS)) sheet.add(text(line, style ?? undefined));
}

const head = (value: string): OutputCell => text(value, "header");

export function buildSummarySheet(result: CheckResult, options: BuildOptions & WithForecast): OwnedSheet {
  const year = result.financialYear.label;
  const sheet = new SheetRows();
  sheet.add(text(`ARRS claim summary ${year}`, "title"));
  const several = (options.sheets?.read.length ?? 1) > 1;
  const rosterWords = several ? `Rosters on ${options.sheets!.read.length} sheets, checked as one PCN` : `Roster on sheet "${options.rosterSheet}"`;
  sheet.add(text(`${rosterWords}, checked on ${formatUkDate(options.generatedOn)}.`, "note"));
  if (several) addSheetsRead(sheet, result, options.sheets!);
  sheet.gap();
  addFindingCounts(sheet, result);
  sheet.gap();
  addUnconfirmed(sheet, result);
  sheet.gap();
  addSettingsAssumed(sheet, result);
  sheet.gap();
  addSettingsUsed(sheet, result);
  sheet.gap();
  const roleClaimable = addByRole(sheet, result);
  sheet.gap();
  addAgainstArrsSum(sheet, result);
  sheet.gap();
  const forecastChart = options.forecast ? addForecastBlock(sheet, options.forecast) : null;
  if (forecastChart) sheet.gap();
  addPcnFindings(sheet, result);
  sheet.gap();
  const chart = addByMonth(sheet, result);
  sheet.gap();
  if (options.reading) {
    addRosterReading(sheet, options.reading);
    sheet.gap();
  }
  addNotes(sheet, result, options);
  return {
    name: OWNED_SHEETS.summary,
    rows: sheet.rows,
    columnWidths: SUMMARY_COLUMN_WIDTHS,
    dataBars: roleClaimable ? [{ range: roleClaimable }] : [],
    charts: forecastChart ? [forecastChart, chart] : [chart],
    // The title on every printed page.
    print: { landscape: true, fitToWidth: 1, repeatRows: 1 },
  };
}

const SEVERITY_MEANING: Record<Severity, string> = {
  error: "nothing, or too little, is claimed on these rows until they are fixed",
  warning: "check these: the claim may be wrong or limited",
  info: "worth reading; nothing to fix",
};

const SEVERITY_PLURAL: Record<Severity, string> = { error: "Errors", warning: "Warnings", info: "Notes" };

/** "Row 10: Tomasz Nowicki", with the sheet where a PCN's roster is on several. */
function rowLabel(person: StaffResult, severalSheets: boolean): string {
  const where = severalSheets && person.sheet ? `Row ${person.rowNumber} of ${person.sheet}` : `Row ${person.rowNumber}`;
  return person.name ? `${where}: ${person.name}` : where;
}

/** The errors, warnings and notes counted (the PCN's and every row's), and each row with an error. */
function addFindingCounts(sheet: SheetRows, result: CheckResult): void {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const all: Finding[] = [...result.findings, ...result.staff.flatMap((s) => s.findings)];
  for (const f of all) counts[f.severity] += 1;
  sheet.add(text("Findings", "subtitle"));
  sheet.add(head("Severity"), head("Count"), head("What it means"));
  for (const severity of ["error", "warning", "info"] as const) {
    sheet.add(text(SEVERITY_PLURAL[severity], severity), integer(counts[severity]), text(SEVERITY_MEANING[severity], "note"));
  }
  const errorRows = result.staff.filter((s) => s.findings.some((f) => f.severity === "error"));
  sheet.gap();
  if (errorRows.length === 0) {
    sheet.add(text("No row has an error.", "note"));
    return;
  }
  const severalSheets = new Set(result.staff.map((s) => s.sheet ?? null)).size > 1;
  sheet.add(head("Rows with errors"), head("Code"));
  for (const person of errorRows) {
    const codes = [...new Set(person.findings.filter((f) => f.severity === "error").map((f) => f.code))];
    sheet.add(text(rowLabel(person, severalSheets)), text(codes.join(", ")));
  }
  sheet.add(text("Each row's findings are beside it on the roster, in the ARRS findings column.", "note"));
}

/** Which figures the claim rests on that are not confirmed against the DES, or none. */
function addUnconfirmed(sheet: SheetRows, result: CheckResult): void {
  sheet.add(text("Figures not confirmed", "subtitle"));
  const lines: string[] = [];
  const roles = unconfirmedRoles(result.staff);
  if (roles.length > 0) {
    lines.push(`Maximum amounts inferred or from a third party, not confirmed against the DES, for: ${roles.join(", ")} (RATE_UNCONFIRMED on their rows).`);
  }
  const rate = result.entitlement?.rate;
  if (rate && (rate.confidence === "inferred" || rate.confidence === "third-party")) {
    lines.push(`The ARRS sum rests on £${rate.perWeightedPatient} per weighted patient, not confirmed (RATE_UNCONFIRMED for the PCN).`);
  }
  if (result.totals.onEarlierMaximums > 0) {
    lines.push(`${formatPounds(result.totals.onEarlierMaximums)} of the claim rests on earlier years' maximums, ${result.financialYear.label}'s not being on record (RATE_FLOOR).`);
  }
  if (result.findings.some((f) => f.code === "RATE_BEFORE_UPLIFT")) {
    lines.push("The built-in maximum amounts are those published before this year's pay uplift (RATE_BEFORE_UPLIFT).");
  }
  if (lines.length === 0) lines.push("None: every maximum amount and rate used is published in the DES or given in your own sheet.");
  for (const line of lines) addPara(sheet, line, lines.length === 1 && line.startsWith("None") ? "note" : "warning");
}

/** The roles whose months rest on an inferred or third-party maximum. */
function unconfirmedRoles(staff: readonly StaffResult[]): string[] {
  const roles = new Set<string>();
  for (const person of staff) {
    if (person.months.some((m) => m.daysInPost > 0 && (m.rate?.confidence === "inferred" || m.rate?.confidence === "third-party"))) {
      roles.add(person.roleName ?? person.roleText ?? "unnamed role");
    }
  }
  return [...roles];
}

function formatPounds(amount: number): string {
  return `£${amount.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Each setting taken as an assumption (SETTING_ASSUMED), or that none was. */
function addSettingsAssumed(sheet: SheetRows, result: CheckResult): void {
  sheet.add(text("Settings assumed", "subtitle"));
  const assumed = result.findings.filter((f) => f.code === "SETTING_ASSUMED");
  if (assumed.length === 0) addPara(sheet, "None: every setting was given (on the command line, in the pane or in the ARRS Settings sheet).");
  for (const f of assumed) addPara(sheet, f.message, "info");
  // The claim's header (PCN name, ODS code, ICB, paying practice): blank until given, and said here.
  const missing = missingClaimHeaderNote(result.settings);
  if (missing) addPara(sheet, missing, "warning");
}

/** The columns the reader did not use, the rows it passed over, and how it read the sheet. */
function addRosterReading(sheet: SheetRows, reading: RosterReading): void {
  sheet.add(text("How the roster was read", "subtitle"));
  const severalSheets = new Set([...reading.unusedColumns.map((u) => u.sheet), ...reading.skippedRows.map((r) => r.sheet)]).size > 1;
  const onSheet = (name: string) => (severalSheets ? ` on "${name}"` : "");
  for (const note of reading.notes) addPara(sheet, note);
  if (reading.unusedColumns.length === 0) addPara(sheet, "Every column was used.");
  else sheet.add(head("Columns not used"));
  for (const u of reading.unusedColumns) {
    addPara(sheet, `Column ${u.column}${onSheet(u.sheet)}${u.header ? ` "${u.header}"` : ""}: ${u.reason}.`, null);
  }
  if (reading.skippedRows.length === 0) addPara(sheet, "No row was skipped.");
  else sheet.add(head("Rows skipped (not people)"));
  for (const r of reading.skippedRows) addPara(sheet, `Row ${r.row}${onSheet(r.sheet)}: ${r.reason}.`, null);
}

/**
 * Where a PCN keeps a roster sheet per member practice: each sheet read, with its practices, rows and
 * claim (the sheets' claims add up to the PCN's), and each other sheet passed over, with why.
 */
function addSheetsRead(sheet: SheetRows, result: CheckResult, sheets: NonNullable<BuildOptions["sheets"]>): void {
  sheet.gap();
  sheet.add(text("Sheets read", "subtitle"));
  sheet.add(text("Sheet", "header"), text("Staff rows", "header"), text("Claimable", "header"), text("Practice", "header"));
  for (const name of sheets.read) {
    const staff = result.staff.filter((s) => s.sheet === name);
    const practices = [...new Set(staff.map((s) => s.practice).filter((p): p is string => Boolean(p)))].join(", ");
    sheet.add(text(name), integer(staff.length), money(staff.reduce((total, s) => total + s.claimable, 0)), text(practices));
  }
  for (const { sheet: name, reason } of sheets.passedOver) sheet.add(text(`Not read: "${name}"`), text(reason, "note"));
}

function addSettingsUsed(sheet: SheetRows, result: CheckResult): void {
  const { settings } = result;
  sheet.add(text("Settings used", "subtitle"));
  sheet.add(text("Setting", "header"), text("Value", "header"));
  sheet.add(text(SETTINGS_LABELS.financialYear), text(result.financialYear.label));
  sheet.add(text(SETTINGS_LABELS.listSize), settings.listSize === null ? text("not given") : integer(settings.listSize));
  sheet.add(text(SETTINGS_LABELS.weightedPopulation), settings.weightedPopulation === null ? text("not given") : integer(settings.weightedPopulation));
  sheet.add(text(SETTINGS_LABELS.region), text(REGION_TEXT[settings.region]));
  sheet.add(text(SETTINGS_LABELS.rateFloor), text(settings.rateFloor === false ? "No: a month with no maximum on record claims £0" : "Yes: see RATE_FLOOR"));
}

interface RoleLine {
  name: string;
  headcount: number;
  wte: number;
  claimable: number;
  overMaxGap: number;
  backdatedUplift: number;
  capUse: string;
}

function roleLine(summary: RoleSummary): RoleLine {
  return {
    name: summary.roleName,
    headcount: summary.headcount,
    wte: summary.wte,
    claimable: summary.claimable,
    overMaxGap: summary.overMaxGap,
    backdatedUplift: summary.backdatedUplift,
    capUse: capUseText(summary.cap),
  };
}

/** Rows whose role was not recognised belong to no role summary; they are shown so none vanishes. */
function unrecognisedLine(staff: readonly StaffResult[]): RoleLine | null {
  const rows = staff.filter((s) => s.role === null);
  if (rows.length === 0) return null;
  return {
    name: "Role not recognised",
    headcount: rows.length,
    wte: sum(rows.map((s) => s.wte ?? 0)),
    claimable: sum(rows.map((s) => s.claimable)),
    overMaxGap: sum(rows.map((s) => s.overMaxGap)),
    backdatedUplift: sum(rows.map((s) => s.backdatedUplift)),
    capUse: "",
  };
}

/** Returns the range of the claimable column's role rows (for data bars), or null if there are none. */
function addByRole(sheet: SheetRows, result: CheckResult): SheetRange | null {
  const lines = [...result.byRole.map(roleLine)];
  const unrecognised = unrecognisedLine(result.staff);
  if (unrecognised) lines.push(unrecognised);

  // The backdated uplift has a column only when the user's figures replaced built-in ones.
  const uplift = result.totals.backdatedUplift !== 0;
  sheet.add(text("By role", "subtitle"));
  const headers = ["Role", "Headcount", "WTE", `Claimable ${result.financialYear.label}`, "Cost above the maximum (PCN funds)", "Cap use"];
  sheet.add(...[...headers, ...(uplift ? ["Backdated uplift (your figures over the built-in ones)"] : [])].map(head));
  const first = sheet.nextRow;
  for (const line of lines) {
    sheet.add(text(line.name), integer(line.headcount), wte(line.wte), money(line.claimable), money(line.overMaxGap), text(line.capUse),
      ...(uplift ? [money(line.backdatedUplift)] : []));
  }
  const last = sheet.nextRow - 1;
  if (lines.length === 0) sheet.add(text("No staff were found on the roster.", "note"));
  // Totals add the role figures, which are whole pence.
  sheet.add(
    text("Total", "total"),
    integer(sum(lines.map((l) => l.headcount)), "total"),
    wte(sum(lines.map((l) => l.wte)), "total"),
    money(sum(lines.map((l) => l.claimable)), "total"),
    money(sum(lines.map((l) => l.overMaxGap)), "total"),
    { value: null, style: "total" },
    ...(uplift ? [money(sum(lines.map((l) => l.backdatedUplift)), "total")] : []),
  );
  return lines.length > 0 ? { top: first, left: 4, bottom: last, right: 4 } : null;
}

function addAgainstArrsSum(sheet: SheetRows, result: CheckResult): void {
  const { totals, entitlement } = result;
  const year = result.financialYear.label;
  sheet.add(text("Against the ARRS sum", "subtitle"));
  const unconfirmed = entitlement !== null && (entitlement.rate.confidence === "inferred" || entitlement.rate.confidence === "third-party");
  const notConfirmed = unconfirmed ? text(`not confirmed: £${entitlement.rate.perWeightedPatient} per weighted patient (see the PCN's findings)`, "warning") : null;
  sheet.add(text(`Total claimable ${year}`), money(totals.claimable));
  if (totals.onEarlierMaximums > 0) {
    sheet.add(text("   of which rests on earlier maximums"), money(totals.onEarlierMaximums), text(`${year} figures not on record: see RATE_FLOOR`, "warning"));
  }
  if (totals.backdatedUplift !== 0) {
    sheet.add(text("Backdated uplift to claim (your figures over the built-in ones)"), money(totals.backdatedUplift));
  }
  sheet.add(text("ARRS sum (the PCN's entitlement)"), totals.entitlement === null ? text(entitlementUnknownText(result), "info") : money(totals.entitlement),
    ...(notConfirmed ? [notConfirmed] : []));
  if (entitlement?.gpRingFenced != null) sheet.add(text("   of which ring-fenced for GPs"), money(entitlement.gpRingFenced));
  sheet.add(text("Headroom (ARRS sum less total claimable)"), headroomCell(totals.headroom), ...(notConfirmed ? [notConfirmed] : []));
  sheet.add(text("Cost above the maximum amounts, funded by the PCN"), money(totals.overMaxGap));
  sheet.add(text("Total staff cost (salary + employer NI + pension)"), money(totals.cost));
}

function entitlementUnknownText(result: CheckResult): string {
  return result.settings.weightedPopulation === null
    ? "not known — enter weighted population"
    : `not known — no ARRS sum rate on record for ${result.financialYear.label}`;
}

/** A negative headroom is money claimed beyond the ARRS sum, which will not be paid. */
function headroomCell(headroom: number | null): OutputCell {
  if (headroom === null) return text("not known", "info");
  return money(headroom, headroom < 0 ? "error" : undefined);
}

function addPcnFindings(sheet: SheetRows, result: CheckResult): void {
  sheet.add(text("Findings for the PCN", "subtitle"));
  if (result.findings.length === 0) {
    sheet.add(text("None.", "note"));
    return;
  }
  // The message first, in the wide column, over as many rows as it takes; the code and severity on its first.
  sheet.add(head("Message"), head("Code"), head("Severity"));
  for (const finding of result.findings) {
    const [first, ...rest] = textLines(finding.message, LINE_IN_A);
    sheet.add(text(first), text(finding.code), text(SEVERITY_TEXT[finding.severity], finding.severity));
    for (const line of rest) sheet.add(text(line));
  }
}

function addByMonth(sheet: SheetRows, result: CheckResult): ChartSpec {
  const year = result.financialYear.label;
  sheet.add(text("By month", "subtitle"));
  sheet.add(text("Month", "header"), text("Claimable", "header"));
  const first = sheet.nextRow;
  result.financialYear.months.forEach((start, i) => {
    sheet.add(text(formatMonth(start)), money(result.totals.months[i] ?? 0));
  });
  const last = sheet.nextRow - 1;
  sheet.add(text("Total", "total"), money(sum(result.totals.months), "total"));
  return {
    type: "column",
    title: `Claimable by month, ${year}`,
    categories: { top: first, left: 1, bottom: last, right: 1 },
    series: [{ name: "Claimable", values: { top: first, left: 2, bottom: last, right: 2 } }],
    // Beside the table (columns A and B), in D to F, from its header row to its total: inside the
    // width the summary prints at, so the chart does not make every page print smaller.
    anchor: { top: first - 1, left: 4, bottom: last + 1, right: 6 },
    valueAxisTitle: "£",
  };
}

function addNotes(sheet: SheetRows, result: CheckResult, options: BuildOptions): void {
  const year = result.financialYear.label;
  sheet.add(text("Notes", "subtitle"));
  const notes = [
    `Generated on ${formatUkDate(options.generatedOn)} by the ARRS checker. Check the figures before claiming: claims go through the national portal and are approved by the ICB.`,
    `Maximum amounts, caps and the ARRS sum rate come from NHS England's Network Contract DES for ${year} (ARRS section), as built into the checker, except where listed below. Claims are whole pence, and every total adds them exactly.`,
    ...rateSourceNotes(result.staff),
    ...(options.settingsNote ? [options.settingsNote] : []),
  ];
  for (const note of notes) addPara(sheet, note);
}

/** Which roles' maxima came from the workbook's own sheet, and which rest on unconfirmed figures. */
export function rateSourceNotes(staff: readonly StaffResult[]): string[] {
  const bySource = new Map<string, Set<string>>();
  const unconfirmed = new Set<string>();
  for (const person of staff) {
    const roleName = person.roleName ?? person.roleText ?? "unnamed role";
    for (const { rate, daysInPost } of person.months) {
      if (daysInPost === 0 || !rate) continue;
      if (rate.confidence === "user") {
        const title = rate.source.title;
        bySource.set(title, (bySource.get(title) ?? new Set()).add(roleName));
      } else if (rate.confidence === "inferred" || rate.confidence === "third-party") {
        unconfirmed.add(roleName);
      }
    }
  }
  const notes = [...bySource].map(([title, roles]) => `Maximum amounts from the ${title}: ${[...roles].join(", ")}.`);
  if (bySource.size === 0) notes.push(`No maximum amounts were taken from an "ARRS max reimb" sheet in this workbook.`);
  if (unconfirmed.size > 0) notes.push(`Inferred or third-party maximum amounts (unconfirmed) were used for: ${[...unconfirmed].join(", ")}.`);
  return notes;
}
