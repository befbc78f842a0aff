/**
 * Mental health practitioners from 2025/26 (Network Contract DES 2025/26 and 2026/27, Tables 3a and
 * 3b): the first MHP in each Agenda for Change band is claimed against the 50% table (the mental
 * health provider funds the rest); further MHPs in the same band against the 100% table where a
 * written agreement with the provider is in place, else the 50% table too.
 *
 * "First" is the earliest start among the band's MHPs in post during the year (row order breaks
 * ties), as caps take places. Which table a row uses is decided across rows, before each row is
 * assessed on its own.
 */
import type { FinancialYear, IsoDate } from "../common/dates";
import type { MhpTable, RoleId } from "../rules/types";
import type { StaffInput } from "./types";

export const MENTAL_HEALTH_PRACTITIONER: RoleId = "mental-health-practitioner";

/** The first day the two MHP tables applied (DES 2025/26, Tables 3a and 3b). */
export const MHP_TABLES_FROM: IsoDate = "2025-04-01";

/** Where a row stands among its band's mental health practitioners, and the table it is claimed on. */
export interface MhpPlace {
  band: string;
  table: MhpTable;
  /** 1 for the first MHP in the band, 2 for the second… */
  place: number;
  /** The row of the band's first MHP. */
  firstRow: number;
}

/** "Band 6" → "6", "8A" → "8a"; null when there is no band number. */
export function bandOf(text: string | null): string | null {
  const match = text === null ? null : /(\d+[a-d]?)/i.exec(text);
  return match ? match[1].toLowerCase() : null;
}

function inPostDuring(row: StaffInput, year: FinancialYear): boolean {
  return row.start !== null && row.start <= year.end && (row.end === null || row.end >= year.start);
}

/** The table each MHP row with a band is claimed on this year; no entry for other rows, or before 2025/26. */
export function mhpPlaces(rows: readonly StaffInput[], year: FinancialYear): Map<StaffInput, MhpPlace> {
  const places = new Map<StaffInput, MhpPlace>();
  if (year.end < MHP_TABLES_FROM) return places;
  const byBand = new Map<string, StaffInput[]>();
  for (const row of rows) {
    const band = bandOf(row.band);
    if (row.role !== MENTAL_HEALTH_PRACTITIONER || band === null || !inPostDuring(row, year)) continue;
    byBand.set(band, [...(byBand.get(band) ?? []), row]);
  }
  for (const [band, bandRows] of byBand) {
    const inOrder = [...bandRows].sort((a, b) => (a.start! < b.start! ? -1 : a.start! > b.start! ? 1 : a.rowNumber - b.rowNumber));
    inOrder.forEach((row, i) => {
      const table: MhpTable = i > 0 && row.mhpAgreement === "yes" ? "with-agreement" : "first-in-band";
      places.set(row, { band, table, place: i + 1, firstRow: inOrder[0].rowNumber });
    });
  }
  return places;
}
