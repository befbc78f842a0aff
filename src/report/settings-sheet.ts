/**
 * "ARRS Settings": the settings used, in the layout the settings reader reads back
 * (src/common/settings-keys.ts): a title, then "Setting" | "Value", one setting a row, then one
 * "Column: <field>" row per column mapping. Nothing else below the table, so nothing else is read.
 */
import { OWNED_SHEETS } from "../common/owned";
import { CLAIM_HEADER_FIELDS, COLUMN_MAPPING_LABEL_PREFIX, SETTINGS_LABELS } from "../common/settings-keys";
import type { CheckResult } from "../engine/types";
import { blank, integer, text } from "./cells";
import { claimHeaderOf } from "./claim-header";
import type { WithForecast } from "./forecast-block";
import type { BuildOptions, OutputCell, OwnedSheet } from "./types";

export const SETTINGS_TITLE = "ARRS settings";

export function buildSettingsSheet(result: CheckResult, options: Pick<BuildOptions, "rosterSheet" | "columnMapping"> & WithForecast & {
  /** The stored "Unspent money shown as WTE of" text, kept as it is where no forecast names the role (saving settings alone). */
  storedUnspentAs?: string | null;
}): OwnedSheet {
  const { settings } = result;
  const header = claimHeaderOf(settings);
  const optionalText = (value: string | null): OutputCell => (value === null ? blank() : text(value));
  const optionalNumber = (value: number | null): OutputCell => (value === null ? blank() : integer(value));
  const rows: OutputCell[][] = [
    [text(SETTINGS_TITLE, "title")],
    [text("Setting", "header"), text("Value", "header")],
    // The year is text: "2025/26" typed into a general cell could be taken for a date.
    [text(SETTINGS_LABELS.financialYear), text(result.financialYear.label)],
    [text(SETTINGS_LABELS.listSize), optionalNumber(settings.listSize)],
    [text(SETTINGS_LABELS.weightedPopulation), optionalNumber(settings.weightedPopulation)],
    // The region id ("outer-london") is what the settings reader and the command line both take.
    [text(SETTINGS_LABELS.region), text(settings.region)],
    [text(SETTINGS_LABELS.rateFloor), text(settings.rateFloor === false ? "No" : "Yes")],
    [text(SETTINGS_LABELS.rosterSheet), text(options.rosterSheet)],
    // The role the forecast measures an unspent sum in, by name, so a user can see what to change.
    ...unspentAsRow(options.forecast?.unspentAs?.roleName ?? options.storedUnspentAs ?? null),
    // The claim header: blank until given, so a user can fill it in here once.
    ...CLAIM_HEADER_FIELDS.map((field) => [text(SETTINGS_LABELS[field]), optionalText(header[field])]),
    ...Object.entries(options.columnMapping ?? {}).map(([field, header]) => [text(`${COLUMN_MAPPING_LABEL_PREFIX}${field}`), text(header)]),
  ];
  return { name: OWNED_SHEETS.settings, rows, columnWidths: [28, 30] };
}

function unspentAsRow(roleName: string | null): OutputCell[][] {
  return roleName ? [[text(SETTINGS_LABELS.unspentAs), text(roleName)]] : [];
}
