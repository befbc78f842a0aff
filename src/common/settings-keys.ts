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
  // The role whose maximum turns a forecast unspent sum into WTE (docs/forecast.md): its name or id.
  unspentAs: "Unspent money shown as WTE of",
  // The claim header a monthly claim carries (claim lines): asked once, kept here, blank until given.
  pcnName: "PCN name",
  odsCode: "PCN ODS code",
  icb: "ICB",
  payingPractice: "Lead or paying practice",
} as const;

/** The claim header's settings, in the order a claim shows them. */
export const CLAIM_HEADER_FIELDS = ["pcnName", "odsCode", "icb", "payingPractice"] as const;

export type ClaimHeaderField = (typeof CLAIM_HEADER_FIELDS)[number];

/** The claim header as settings carry it: text as given, absent or null until given. */
export type ClaimHeaderSettings = Partial<Record<ClaimHeaderField, string | null>>;

export const COLUMN_MAPPING_LABEL_PREFIX = "Column: ";
