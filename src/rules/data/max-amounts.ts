/**
 * Maximum reimbursable amounts: annual, per 1.0 WTE, including employer NI and pension.
 * Source: DES specification Table 2 of each year, as gathered in the ARRS reference, section 3.
 *
 * Every amount holds for an explicit period (`from` to `to`, inclusive). Where no figure was found for
 * a period, there is no entry, and the engine reports NO_RATE rather than borrowing another period's
 * figure. Inferred (I) figures say why in their note; third-party (T) figures are unconfirmed.
 *
 * Read each line as: roles, region, from, to, amount, confidence, source, note.
 */
import type { Confidence, MaxAmount, Region, RoleId, Source } from "../types";
import { ARRS_REFERENCE, desSpec } from "./sources";

const P: Confidence = "published";
const I: Confidence = "inferred";
const T: Confidence = "third-party";

function amounts(
  roles: RoleId[], region: Region, from: string, to: string, amount: number,
  confidence: Confidence, source: Source, note?: string,
): MaxAmount[] {
  return roles.map((role) => ({ role, region, from, to, amount, confidence, source, ...(note ? { note } : {}) }));
}

const BAND_7: RoleId[] = ["physician-associate", "paramedic", "dietitian", "podiatrist", "occupational-therapist"];
const JULY_2023_RAN_ON =
  "The July 2023 amounts ran unchanged to September 2024: the October 2024 pharmacist figure £65,838 is +5.6% on £62,340.";
const SAME_BAND_AS = (what: string) => `Table 2 gives one amount per band; same band as ${what}.`;
const PRE_UPLIFT =
  "Published before the August 2025 pay uplift (3.6% on pay, 4% for GPs, backdated to 1 April 2025); the uplifted amount was not found.";
const THIRD_PARTY_2025_OUTER: Source = {
  title: "Third-party ARRS calculator: 2025/26 outer London amounts by band",
  section: "matches every published outer London figure it can be checked against (ARRS reference, section 3)",
};

export const MAX_AMOUNTS: readonly MaxAmount[] = [
  // ---- 2019/20 (scheme start 1 July 2019) ----
  ...amounts(["clinical-pharmacist"], "national", "2019-07-01", "2020-03-31", 37810, P, desSpec("2019/20", "Table 2"),
    "This is the cap on the 70% of cost reimbursable in 2019/20."),
  ...amounts(["social-prescribing-link-worker"], "national", "2019-07-01", "2020-03-31", 34113, P, desSpec("2019/20", "Table 2")),

  // ---- 2020/21 ----
  ...amounts(["clinical-pharmacist"], "national", "2020-04-01", "2021-03-31", 55670, P, desSpec("2020/21", "Table 2")),
  ...amounts(["social-prescribing-link-worker"], "national", "2020-04-01", "2021-03-31", 35389, P, desSpec("2020/21", "Table 2")),
  ...amounts(["care-coordinator"], "national", "2020-04-01", "2021-03-31", 29135, P, desSpec("2020/21", "Table 2"),
    "Quoted by a training hub page."),

  // ---- 2021/22 ----
  ...amounts(["advanced-practitioner"], "national", "2021-04-01", "2022-03-31", 62705, P, desSpec("2021/22", "Table 2"),
    "May predate the 2021 3% pay uplift."),
  ...amounts(["care-coordinator"], "national", "2021-04-01", "2022-03-31", 29726, P, desSpec("2021/22", "Table 2"),
    "May predate the 2021 3% pay uplift."),

  // ---- 2022/23, April to September ----
  ...amounts(["clinical-pharmacist"], "national", "2022-04-01", "2022-09-30", 57318, P, desSpec("2022/23", "Table 2")),
  ...amounts(["social-prescribing-link-worker"], "national", "2022-04-01", "2022-09-30", 36428, T,
    { title: "Third-party ARRS calculator, 2022/23" }),

  // ---- 1 October 2022 to 30 June 2023 (the October 2022 amounts applied until the July 2023 uplift) ----
  ...amounts(["clinical-pharmacist", "first-contact-physiotherapist"], "national", "2022-10-01", "2023-06-30", 59312, P,
    desSpec("2022/23", "Table 2 (October 2022); 2023/24 section on April to June 2023")),
  ...amounts(["social-prescribing-link-worker", "pharmacy-technician"], "national", "2022-10-01", "2023-06-30", 38187, P,
    desSpec("2022/23", "Table 2 (October 2022)")),
  ...amounts(["health-and-wellbeing-coach"], "national", "2022-10-01", "2023-06-30", 38187, I, ARRS_REFERENCE,
    SAME_BAND_AS("the social prescribing link worker (band 5)")),
  ...amounts(["care-coordinator"], "national", "2022-10-01", "2023-06-30", 31746, P, desSpec("2022/23", "Table 2 (October 2022)")),
  ...amounts(["nursing-associate", "general-practice-assistant"], "national", "2022-10-01", "2023-06-30", 31746, I, ARRS_REFERENCE,
    SAME_BAND_AS("the care co-ordinator (band 4)")),
  ...amounts(["clinical-pharmacist"], "inner-london", "2022-10-01", "2023-06-30", 68768, P, desSpec("2022/23", "Table 2 (London)")),
  ...amounts(["apprentice-physician-associate"], "national", "2023-04-01", "2023-06-30", 38187, I, ARRS_REFERENCE,
    "The maximum equals the band 5 amount (Annex B), here the social prescribing link worker's."),

  // ---- 1 July 2023 to 31 March 2024 ----
  ...amounts(["clinical-pharmacist", "first-contact-physiotherapist"], "national", "2023-07-01", "2024-03-31", 62340, P,
    desSpec("2023/24", "Table 2 (July 2023)")),
  ...amounts(["social-prescribing-link-worker", "pharmacy-technician"], "national", "2023-07-01", "2024-03-31", 40159, P,
    desSpec("2023/24", "Table 2 (July 2023)")),
  ...amounts(["health-and-wellbeing-coach"], "national", "2023-07-01", "2024-03-31", 40159, I, ARRS_REFERENCE,
    SAME_BAND_AS("the social prescribing link worker (band 5)")),
  ...amounts(["apprentice-physician-associate"], "national", "2023-07-01", "2024-03-31", 40159, I, ARRS_REFERENCE,
    "The maximum equals the band 5 amount (Annex B)."),
  ...amounts(["care-coordinator"], "national", "2023-07-01", "2024-03-31", 33396, P, desSpec("2023/24", "Table 2 (July 2023)")),
  ...amounts(["nursing-associate", "general-practice-assistant"], "national", "2023-07-01", "2024-03-31", 33396, I, ARRS_REFERENCE,
    SAME_BAND_AS("the care co-ordinator (band 4)")),
  ...amounts(BAND_7, "national", "2023-07-01", "2024-03-31", 60401, I, ARRS_REFERENCE,
    "The April 2024 enhanced practice nurse (band 7) figure; the July 2023 amounts ran unchanged to September 2024."),

  // ---- 1 April 2024 to 30 September 2024: the July 2023 amounts ran on ----
  ...amounts(["clinical-pharmacist", "first-contact-physiotherapist"], "national", "2024-04-01", "2024-09-30", 62340, I,
    ARRS_REFERENCE, JULY_2023_RAN_ON),
  ...amounts(["social-prescribing-link-worker", "pharmacy-technician", "health-and-wellbeing-coach", "apprentice-physician-associate"],
    "national", "2024-04-01", "2024-09-30", 40159, I, ARRS_REFERENCE, JULY_2023_RAN_ON),
  ...amounts(["care-coordinator", "nursing-associate", "general-practice-assistant"], "national", "2024-04-01", "2024-09-30",
    33396, I, ARRS_REFERENCE, JULY_2023_RAN_ON),
  ...amounts(["enhanced-practice-nurse"], "national", "2024-04-01", "2024-09-30", 60401, P, desSpec("2024/25", "Table 2")),
  ...amounts(BAND_7, "national", "2024-04-01", "2024-09-30", 60401, I, ARRS_REFERENCE,
    SAME_BAND_AS("the enhanced practice nurse (band 7)")),
  ...amounts(["enhanced-practice-nurse"], "outer-london", "2024-04-01", "2024-09-30", 67369, P, desSpec("2024/25", "Table 2 (London)")),
  ...amounts(["enhanced-practice-nurse"], "inner-london", "2024-04-01", "2024-09-30", 70330, P, desSpec("2024/25", "Table 2 (London)")),

  // ---- 1 October 2024 to 31 March 2025 (uplift; GPs join the scheme) ----
  ...amounts(["clinical-pharmacist"], "national", "2024-10-01", "2025-03-31", 65838, P, desSpec("2024/25", "Table 2 (October 2024)")),
  ...amounts(["first-contact-physiotherapist"], "national", "2024-10-01", "2025-03-31", 65838, I, ARRS_REFERENCE,
    SAME_BAND_AS("the clinical pharmacist (bands 7-8a)")),
  ...amounts(["advanced-practitioner"], "national", "2024-10-01", "2025-03-31", 72141, P, desSpec("2024/25", "Table 2 (October 2024)")),
  ...amounts(["digital-transformation-lead"], "national", "2024-10-01", "2025-03-31", 72141, I, ARRS_REFERENCE,
    SAME_BAND_AS("the advanced practitioner (band 8a)")),
  ...amounts(["pharmacy-technician"], "national", "2024-10-01", "2025-03-31", 42437, P, desSpec("2024/25", "Table 2 (October 2024)")),
  ...amounts(["social-prescribing-link-worker", "health-and-wellbeing-coach", "apprentice-physician-associate"], "national",
    "2024-10-01", "2025-03-31", 42437, I, ARRS_REFERENCE, SAME_BAND_AS("the pharmacy technician (band 5)")),
  ...amounts(["general-practitioner"], "national", "2024-10-01", "2025-03-31", 92462, P, desSpec("2024/25", "GP addendum (October 2024)")),
  ...amounts(["general-practitioner"], "outer-london", "2024-10-01", "2025-03-31", 95233, P, desSpec("2024/25", "GP addendum (one London rate)")),
  ...amounts(["general-practitioner"], "inner-london", "2024-10-01", "2025-03-31", 95233, P, desSpec("2024/25", "GP addendum (one London rate)")),
  ...amounts(["clinical-pharmacist"], "outer-london", "2024-10-01", "2025-03-31", 73189, P, desSpec("2024/25", "Table 2 (London)")),
  ...amounts(["clinical-pharmacist"], "inner-london", "2024-10-01", "2025-03-31", 76313, P, desSpec("2024/25", "Table 2 (London)")),
  ...amounts(["advanced-practitioner"], "outer-london", "2024-10-01", "2025-03-31", 79492, P, desSpec("2024/25", "Table 2 (London)")),
  ...amounts(["advanced-practitioner"], "inner-london", "2024-10-01", "2025-03-31", 82616, P, desSpec("2024/25", "Table 2 (London)")),
  ...amounts(["pharmacy-technician"], "outer-london", "2024-10-01", "2025-03-31", 48991, P, desSpec("2024/25", "Table 2 (London)")),
  ...amounts(["pharmacy-technician"], "inner-london", "2024-10-01", "2025-03-31", 51176, P, desSpec("2024/25", "Table 2 (London)")),

  // ---- 2025/26 (amounts published before the August 2025 uplift) ----
  ...amounts(["clinical-pharmacist"], "national", "2025-04-01", "2026-03-31", 66972, P, desSpec("2025/26", "Table 2"), PRE_UPLIFT),
  ...amounts(["first-contact-physiotherapist"], "national", "2025-04-01", "2026-03-31", 66972, I, ARRS_REFERENCE,
    `${SAME_BAND_AS("the clinical pharmacist (bands 7-8a)")} ${PRE_UPLIFT}`),
  ...amounts(["advanced-practitioner"], "national", "2025-04-01", "2026-03-31", 73334, P, desSpec("2025/26", "Table 2"), PRE_UPLIFT),
  ...amounts(["digital-transformation-lead"], "national", "2025-04-01", "2026-03-31", 73334, I, ARRS_REFERENCE,
    `${SAME_BAND_AS("the advanced practitioner (band 8a)")} ${PRE_UPLIFT}`),
  ...amounts(["pharmacy-technician", "new-to-general-practice-nurse"], "national", "2025-04-01", "2026-03-31", 43352, P,
    desSpec("2025/26", "Table 2"), PRE_UPLIFT),
  ...amounts(["social-prescribing-link-worker", "health-and-wellbeing-coach", "apprentice-physician-associate"], "national",
    "2025-04-01", "2026-03-31", 43352, I, ARRS_REFERENCE, `${SAME_BAND_AS("the pharmacy technician (band 5)")} ${PRE_UPLIFT}`),
  ...amounts(["experienced-general-practice-nurse"], "national", "2025-04-01", "2026-03-31", 53319, P, desSpec("2025/26", "Table 2"), PRE_UPLIFT),
  ...amounts(["consultant-nurse"], "national", "2025-04-01", "2026-03-31", 102683, P, desSpec("2025/26", "Table 2"), PRE_UPLIFT),
  ...amounts(["healthcare-support-worker"], "national", "2025-04-01", "2026-03-31", 32159, P, desSpec("2025/26", "Table 2"), PRE_UPLIFT),
  ...amounts(["trainee-nursing-associate"], "national", "2025-04-01", "2026-03-31", 32159, I, ARRS_REFERENCE,
    `${SAME_BAND_AS("the healthcare support worker (band 3)")} ${PRE_UPLIFT}`),
  ...amounts(["enhanced-practice-nurse"], "national", "2025-04-01", "2026-03-31", 64907, P, desSpec("2025/26", "Table 2"), PRE_UPLIFT),
  ...amounts(BAND_7, "national", "2025-04-01", "2026-03-31", 64907, I, ARRS_REFERENCE,
    `${SAME_BAND_AS("the enhanced practice nurse (band 7)")} ${PRE_UPLIFT}`),
  ...amounts(["general-practitioner"], "national", "2025-04-01", "2026-03-31", 105882, P, desSpec("2025/26", "Table 2"),
    `Salary element £82,418. ${PRE_UPLIFT}`),
  ...amounts(["clinical-pharmacist"], "outer-london", "2025-04-01", "2026-03-31", 74392, P, desSpec("2025/26", "Table 2 (London)"), PRE_UPLIFT),
  ...amounts(["clinical-pharmacist"], "inner-london", "2025-04-01", "2026-03-31", 77545, P, desSpec("2025/26", "Table 2 (London)"), PRE_UPLIFT),
  ...amounts(["first-contact-physiotherapist"], "outer-london", "2025-04-01", "2026-03-31", 74392, I, ARRS_REFERENCE,
    SAME_BAND_AS("the clinical pharmacist")),
  ...amounts(["first-contact-physiotherapist"], "inner-london", "2025-04-01", "2026-03-31", 77545, I, ARRS_REFERENCE,
    SAME_BAND_AS("the clinical pharmacist")),
  ...amounts(["advanced-practitioner"], "outer-london", "2025-04-01", "2026-03-31", 80754, P, desSpec("2025/26", "Table 2 (London)"), PRE_UPLIFT),
  ...amounts(["advanced-practitioner"], "inner-london", "2025-04-01", "2026-03-31", 83907, P, desSpec("2025/26", "Table 2 (London)"), PRE_UPLIFT),
  ...amounts(["digital-transformation-lead"], "outer-london", "2025-04-01", "2026-03-31", 80754, I, ARRS_REFERENCE,
    SAME_BAND_AS("the advanced practitioner (band 8a)")),
  ...amounts(["digital-transformation-lead"], "inner-london", "2025-04-01", "2026-03-31", 83907, I, ARRS_REFERENCE,
    SAME_BAND_AS("the advanced practitioner (band 8a)")),
  ...amounts(["pharmacy-technician"], "outer-london", "2025-04-01", "2026-03-31", 49967, P, desSpec("2025/26", "Table 2 (London)"), PRE_UPLIFT),
  ...amounts(["pharmacy-technician"], "inner-london", "2025-04-01", "2026-03-31", 52172, P, desSpec("2025/26", "Table 2 (London)"), PRE_UPLIFT),
  ...amounts(["social-prescribing-link-worker", "health-and-wellbeing-coach", "apprentice-physician-associate", "new-to-general-practice-nurse"],
    "inner-london", "2025-04-01", "2026-03-31", 52172, I, ARRS_REFERENCE, SAME_BAND_AS("the pharmacy technician (band 5)")),
  // Outer London by band, 2025/26: third-party only.
  ...amounts(["healthcare-support-worker", "trainee-nursing-associate"], "outer-london", "2025-04-01", "2026-03-31", 38047, T, THIRD_PARTY_2025_OUTER, "Band 3."),
  ...amounts(["care-coordinator", "nursing-associate", "general-practice-assistant"], "outer-london", "2025-04-01", "2026-03-31", 42038, T,
    THIRD_PARTY_2025_OUTER, "Band 4."),
  ...amounts(["social-prescribing-link-worker", "health-and-wellbeing-coach", "apprentice-physician-associate", "new-to-general-practice-nurse"],
    "outer-london", "2025-04-01", "2026-03-31", 49967, T, THIRD_PARTY_2025_OUTER, "Band 5 (equals the published pharmacy technician figure)."),
  ...amounts(["experienced-general-practice-nurse"], "outer-london", "2025-04-01", "2026-03-31", 60739, T, THIRD_PARTY_2025_OUTER, "Band 6."),
  ...amounts(["enhanced-practice-nurse", ...BAND_7], "outer-london", "2025-04-01", "2026-03-31", 72327, T, THIRD_PARTY_2025_OUTER, "Band 7."),
  ...amounts(["consultant-nurse"], "outer-london", "2025-04-01", "2026-03-31", 110103, T, THIRD_PARTY_2025_OUTER, "Band 8c."),
  ...amounts(["general-practitioner"], "outer-london", "2025-04-01", "2026-03-31", 108680, T, THIRD_PARTY_2025_OUTER, "GP."),
];

/**
 * Periods whose built-in amounts are known to be superseded by an uplift whose figures were not found.
 * The engine says so (RATE_BEFORE_UPLIFT) whenever it uses a built-in amount from such a period.
 */
export const UNPUBLISHED_UPLIFTS: readonly { from: string; to: string; description: string }[] = [
  {
    from: "2025-04-01", to: "2026-03-31",
    description: "the August 2025 pay uplift (3.6% on pay, 4% for GPs), backdated to 1 April 2025",
  },
];
