/**
 * The first-run "Insert sample roster": a small, made-up ARRS roster for 2025/26, laid out the way a
 * practice manager keeps one (a title row, a blank row, then the header), so a new user can see what
 * the checker does before pointing it at their own staff list.
 *
 * Dates are UK text (DD/MM/YYYY), as they often are in real rosters. Salaries are Agenda for Change
 * 2025/26 entry points at the person's WTE; employer NI is 15% above £5,000 and employer pension
 * 14.38%, in pounds and pence. Two rows are wrong on purpose, so the check has something to say:
 * - Karen Lewis is a "Receptionist", which is not an ARRS role (UNKNOWN_ROLE);
 * - Liam Walsh's start date "31/09/2025" is not a real date (INVALID_DATE).
 * Every person is invented.
 */
export const SAMPLE_SHEET_NAME = "Sample roster 2025-26";

export type SampleCell = string | number | null;

export const SAMPLE_HEADERS: SampleCell[] = [
  "Name", "Job title", "Band", "WTE", "Start date", "End date", "Annual salary", "Employer NI", "Employer pension",
  "Date of CCT", "Employed in PCN in last 12 months",
];

//  name, job title, band, WTE, start, end, salary, employer NI, employer pension, CCT, employed in last 12 months
const STAFF: SampleCell[][] = [
  ["Amelia Hart", "Clinical Pharmacist", "7", 1, "01/04/2024", null, 47810, 6421.5, 6875.08, null, null],
  ["Ben Okafor", "Clinical Pharmacist", "7", 0.6, "01/09/2025", null, 28686, 3552.9, 4125.05, null, null],
  ["Chloe Price", "Pharmacy Technician", "5", 1, "15/05/2023", "30/11/2025", 31049, 3907.35, 4464.85, null, null],
  ["Daniel Reid", "Advanced Practitioner (ANP)", "8a", 1, "01/10/2024", null, 55690, 7603.5, 8008.22, null, null],
  ["Ella Thompson", "Healthcare Support Worker", "3", 1, "01/07/2025", null, 24625, 2943.75, 3541.08, null, "No"],
  ["Farah Khan", "Social Prescribing Link Worker", "5", 1, "01/02/2023", null, 31049, 3907.35, 4464.85, null, null],
  ["George Evans", "Enhanced Practice Nurse", "7", 0.8, "02/06/2025", null, 38248, 4987.2, 5500.06, null, "No"],
  ["Hannah Moore", "Practice Nurse", "6", 1, "01/05/2025", null, 38682, 5052.3, 5562.47, null, "No"],
  ["Dr Isaac Green", "Salaried GP", null, 0.6, "01/04/2025", null, 49200, 6630, 7074.96, "02/08/2024", null],
  ["Jade Wilson", "First Contact Physiotherapist", "7", 1, "06/01/2025", null, 47810, 6421.5, 6875.08, null, null],
  ["Karen Lewis", "Receptionist", "3", 1, "01/04/2025", null, 24000, 2850, 3451.2, null, null],
  ["Liam Walsh", "Paramedic", "7", 1, "31/09/2025", null, 47810, 6421.5, 6875.08, null, null],
];

/** The sheet's values from A1: title, blank row, header, twelve staff. Rows are padded to one width. */
export function sampleRosterValues(): SampleCell[][] {
  const width = SAMPLE_HEADERS.length;
  const pad = (row: SampleCell[]) => [...row, ...new Array<SampleCell>(width - row.length).fill(null)];
  return [
    pad(["Sample PCN – ARRS staff roster 2025/26 (made-up people: replace with your own staff)"]),
    pad([]),
    [...SAMPLE_HEADERS],
    ...STAFF.map((row) => [...row]),
  ];
}
