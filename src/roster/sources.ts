/**
 * What each of the roster reader's findings cites as its source, so a user who disagrees with a
 * finding can see which reading rule made it (and the scheme rule behind it, where there is one).
 */
export const ROSTER_SOURCES = {
  date: "Roster reader: dates are read in UK order (DD/MM/YYYY)",
  amount: "Roster reader: amounts are annual, in pounds",
  wte: "Roster reader: 37.5 hours a week, or 9 GP sessions a week, is 1.0 WTE (Network Contract DES, ARRS section)",
  answer: "Roster reader: yes, no or promoted (2025/26 nurse and HCSW 12-month rule)",
  sheet: "Roster reader: header row and columns",
  planned: "Roster reader: a row with a role and no name (or \"Vacancy\", \"TBC\", \"Planned\") is a planned post, for the forecast only",
} as const;
