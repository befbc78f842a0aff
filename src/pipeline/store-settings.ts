/**
 * Storing what the user gave in the task pane (the PCN settings, column corrections) in the workbook's
 * ARRS Settings sheet, and nothing else, in the layout checkWorkbook reads back. A setting not yet
 * stored is written as the one a check would assume, so that the sheet always says what a check uses.
 */
import type { IsoDate } from "../common/dates";
import type { CheckResult } from "../engine/types";
import { buildSettingsSheet } from "../report/settings-sheet";
import type { ColumnMapping, RosterField } from "../roster/types";
import type { WorkbookPort } from "../workbook/types";
import { mappingAsText, openWorkbook, settingsFor } from "./open-workbook";
import type { RequestedSettings } from "./settings";

/** Column corrections: this field is in the column headed so; null goes back to reading the headers. */
export type ColumnChanges = Partial<Record<RosterField, string | null>>;

export interface StoreSettingsOptions {
  /** Settings to store; those not given keep their stored value. */
  requested?: RequestedSettings;
  columns?: ColumnChanges;
  /** The roster sheet the settings are for; otherwise the one already stored. */
  rosterSheet?: string;
  /** For the year a check would assume when none is stored. */
  today: IsoDate;
}

export async function storeSettings(workbook: WorkbookPort, options: StoreSettingsOptions): Promise<void> {
  const opened = await openWorkbook(workbook);
  const rosterSheet = options.rosterSheet ?? opened.stored.rosterSheet ?? "";
  const { settings, year } = settingsFor(opened, { rosterSheet, requested: options.requested, today: options.today });
  const columnMapping = withColumnChanges(opened.stored.columnMapping ?? {}, options.columns ?? {});
  // The builder reads only the settings and the year from a result.
  const result = { financialYear: year, settings } as CheckResult;
  // No roster columns: the roster is left as it is.
  await workbook.write({ rosterColumns: null, sheets: [buildSettingsSheet(result, {
    rosterSheet, columnMapping: mappingAsText(columnMapping), storedUnspentAs: opened.stored.unspentAs ?? null,
  })] });
}

export function withColumnChanges(mapping: ColumnMapping, changes: ColumnChanges): ColumnMapping {
  const next: ColumnMapping = { ...mapping };
  for (const [field, header] of Object.entries(changes) as [RosterField, string | null | undefined][]) {
    if (header === null) delete next[field];
    else if (header !== undefined) next[field] = header;
  }
  return next;
}
