/**
 * The "ARRS Settings" sheet the tool writes and reads back: a title, then a two-column table with the
 * header "Setting" | "Value", one setting a row, labelled as below. Column mappings are rows labelled
 * "Column: <field>" whose value is the header (or column letter) that holds the field.
 */
export const SETTINGS_LABELS = {
  financialYear: "Financial year",
  listSize: "List size",
  weightedPopulation: "Weighted population",
  region: "Region",
  rateFloor: "Claim up to earlier maximums when a figure is missing",
  rosterSheet: "Roster sheet",
} as const;

export const COLUMN_MAPPING_LABEL_PREFIX = "Column: ";
