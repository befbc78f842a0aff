/**
 * The ARRS roles, when each became claimable, and the names rosters use for them.
 * Source: DES specification Annex B, as summarised in the ARRS reference, section 2.
 */
import type { RoleDefinition } from "../types";
import { desSpec } from "./sources";

const P = "published" as const;

export const ROLES: readonly RoleDefinition[] = [
  {
    id: "clinical-pharmacist", name: "Clinical Pharmacist", band: "7-8a", claimableFrom: "2019-07-01",
    aliases: ["clinical pharmacist", "clin pharm", "clin pharmacist", "cp", "pharmacist", "pharmacist arrs",
      "practice pharmacist", "pcn pharmacist", "senior clinical pharmacist", "advanced clinical pharmacist"],
    confidence: P, source: desSpec("2019/20", "Annex B"),
    note: "70% of cost was reimbursable in 2019/20, 100% from 1 April 2020.",
  },
  {
    id: "social-prescribing-link-worker", name: "Social Prescribing Link Worker", band: "5 (up to 5)",
    claimableFrom: "2019-07-01",
    aliases: ["social prescribing link worker", "splw", "social prescriber", "link worker",
      "social prescribing", "social prescribing lw", "community link worker", "social prescribing worker"],
    confidence: P, source: desSpec("2019/20", "Annex B"),
  },
  {
    id: "physician-associate", name: "Physician Associate", band: "7", claimableFrom: "2020-04-01",
    aliases: ["physician associate", "pa", "physicians associate", "physician assistant"],
    confidence: P, source: desSpec("2020/21", "Annex B"),
  },
  {
    id: "first-contact-physiotherapist", name: "First Contact Physiotherapist", band: "7-8a",
    claimableFrom: "2020-04-01",
    aliases: ["first contact physiotherapist", "fcp", "fcp physio", "fcp physiotherapist", "first contact physio",
      "physiotherapist", "physio", "msk physio", "msk practitioner", "first contact practitioner physio"],
    confidence: P, source: desSpec("2020/21", "Annex B"),
  },
  {
    id: "pharmacy-technician", name: "Pharmacy Technician", band: "5", claimableFrom: "2020-04-01",
    aliases: ["pharmacy technician", "pharm tech", "pharmacy tech", "senior pharmacy technician"],
    confidence: P, source: desSpec("2020/21", "Annex B"),
  },
  {
    id: "care-coordinator", name: "Care Co-ordinator", band: "4", claimableFrom: "2020-04-01",
    aliases: ["care coordinator", "care co ordinator", "care co-ordinator", "care navigator coordinator",
      "personalised care coordinator"],
    confidence: P, source: desSpec("2020/21", "Annex B"),
  },
  {
    id: "health-and-wellbeing-coach", name: "Health and Wellbeing Coach", band: "up to 5",
    claimableFrom: "2020-04-01",
    aliases: ["health and wellbeing coach", "health & wellbeing coach", "hwbc", "hwc", "wellbeing coach",
      "health coach", "health and well being coach"],
    confidence: P, source: desSpec("2020/21", "Annex B"),
  },
  {
    id: "dietitian", name: "Dietitian", band: "7", claimableFrom: "2020-04-01",
    aliases: ["dietitian", "dietician", "fcp dietitian", "first contact dietitian"],
    confidence: P, source: desSpec("2020/21", "Annex B"),
  },
  {
    id: "podiatrist", name: "Podiatrist", band: "7", claimableFrom: "2020-04-01",
    aliases: ["podiatrist", "fcp podiatrist", "first contact podiatrist", "chiropodist"],
    confidence: P, source: desSpec("2020/21", "Annex B"),
  },
  {
    id: "occupational-therapist", name: "Occupational Therapist", band: "7", claimableFrom: "2020-04-01",
    aliases: ["occupational therapist", "ot", "fcp ot", "first contact occupational therapist"],
    confidence: P, source: desSpec("2020/21", "Annex B"),
  },
  {
    id: "nursing-associate", name: "Nursing Associate", band: "4", claimableFrom: "2020-10-01",
    aliases: ["nursing associate", "registered nursing associate"],
    confidence: P, source: desSpec("2020/21", "Annex B"),
  },
  {
    id: "trainee-nursing-associate", name: "Trainee Nursing Associate", band: "3", claimableFrom: "2020-10-01",
    aliases: ["trainee nursing associate", "tna", "trainee na"],
    confidence: P, source: desSpec("2020/21", "Annex B"),
  },
  {
    id: "paramedic", name: "Paramedic", band: "7", claimableFrom: "2021-04-01",
    aliases: ["paramedic", "community paramedic", "specialist paramedic", "rotational paramedic"],
    confidence: P, source: desSpec("2021/22", "Annex B"),
  },
  {
    id: "advanced-practitioner", name: "Advanced Practitioner", band: "8a", claimableFrom: "2021-04-01",
    aliases: ["advanced practitioner", "ap", "anp", "advanced nurse practitioner", "acp",
      "advanced clinical practitioner", "advanced paramedic practitioner", "app"],
    confidence: P, source: desSpec("2021/22", "Annex B"),
    note: "Advanced clinical practitioner nurses count as advanced practitioners from 1 April 2023.",
  },
  {
    id: "mental-health-practitioner", name: "Mental Health Practitioner", band: "4-8a",
    claimableFrom: "2021-04-01",
    aliases: ["mental health practitioner", "mhp", "mental health worker", "mental health nurse",
      "arrs mental health practitioner", "cyp mental health practitioner"],
    confidence: P, source: desSpec("2021/22", "Annex B"),
    note: "Employed by the community mental health provider; the PCN funds a share of the cost.",
  },
  {
    id: "general-practice-assistant", name: "General Practice Assistant", band: "4", claimableFrom: "2022-10-01",
    aliases: ["general practice assistant", "gpa", "gp assistant"],
    confidence: P, source: desSpec("2022/23", "Annex B"),
  },
  {
    id: "digital-transformation-lead", name: "Digital and Transformation Lead", band: "8a",
    claimableFrom: "2022-10-01",
    aliases: ["digital transformation lead", "digital and transformation lead", "dtl", "digital lead",
      "digital & transformation lead"],
    confidence: P, source: desSpec("2022/23", "Annex B"),
  },
  {
    id: "apprentice-physician-associate", name: "Apprentice Physician Associate", band: "5 (maximum)",
    claimableFrom: "2023-04-01",
    aliases: ["apprentice physician associate", "apprentice pa", "trainee physician associate", "pa apprentice"],
    confidence: P, source: desSpec("2023/24", "Annex B"),
    note: "Maximum equal to band 5; must be on an approved apprenticeship.",
  },
  {
    id: "enhanced-practice-nurse", name: "Enhanced Practice Nurse", band: "7", claimableFrom: "2024-04-01",
    aliases: ["enhanced practice nurse", "epn", "enhanced nurse"],
    confidence: P, source: desSpec("2024/25", "Annex B"),
  },
  {
    id: "general-practitioner", name: "General Practitioner", band: "salaried GP", claimableFrom: "2024-10-01",
    aliases: ["general practitioner", "gp", "salaried gp", "arrs gp", "newly qualified gp", "nq gp",
      "gp salaried", "sessional gp"],
    confidence: P, source: desSpec("2024/25", "Annex B (GP addendum, October 2024)"),
    note: "2024/25 to 2025/26: within 2 years of CCT and not previously substantively employed as a GP in general practice.",
  },
  {
    id: "new-to-general-practice-nurse", name: "Practice Nurse (new to general practice)", band: "5",
    claimableFrom: "2025-04-01",
    aliases: ["new to general practice nurse", "new to gp nurse", "practice nurse new to general practice",
      "practice nurse (new to general practice)", "newly qualified practice nurse", "new to practice nurse"],
    confidence: P, source: desSpec("2025/26", "Annex B"),
  },
  {
    id: "experienced-general-practice-nurse", name: "Practice Nurse (experienced)", band: "6",
    claimableFrom: "2025-04-01",
    aliases: ["experienced general practice nurse", "experienced practice nurse", "experienced gp nurse",
      "practice nurse (experienced)"],
    confidence: P, source: desSpec("2025/26", "Annex B"),
  },
  {
    id: "consultant-nurse", name: "Consultant Nurse", band: "8c", claimableFrom: "2025-04-01",
    aliases: ["consultant nurse", "nurse consultant"],
    confidence: P, source: desSpec("2025/26", "Annex B"),
  },
  {
    id: "healthcare-support-worker", name: "Healthcare Support Worker", band: "3", claimableFrom: "2025-04-01",
    aliases: ["healthcare support worker", "health care support worker", "hcsw", "hca",
      "healthcare assistant", "health care assistant"],
    confidence: P, source: desSpec("2025/26", "Annex B"),
  },
];

/**
 * Names that mean different roles depending on the person's band. "Practice nurse" on a 2025/26
 * roster is the band 5 new-to-general-practice role or the band 6 experienced role (Annex B 2025/26);
 * without a band it stays unrecognised rather than being guessed.
 */
export const BAND_DEPENDENT_ALIASES: readonly { alias: string; byBand: Record<string, RoleDefinition["id"]> }[] = [
  { alias: "practice nurse", byBand: { "5": "new-to-general-practice-nurse", "6": "experienced-general-practice-nurse" } },
  { alias: "general practice nurse", byBand: { "5": "new-to-general-practice-nurse", "6": "experienced-general-practice-nurse" } },
  { alias: "gpn", byBand: { "5": "new-to-general-practice-nurse", "6": "experienced-general-practice-nurse" } },
];
