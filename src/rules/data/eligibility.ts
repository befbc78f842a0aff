/**
 * Conditions on the person, beyond the role. Source: ARRS reference, section 2.
 */
import type { EligibilityCondition } from "../types";
import { desSpec } from "./sources";

export const ELIGIBILITY_CONDITIONS: readonly EligibilityCondition[] = [
  {
    kind: "gp-within-two-years-of-cct", roles: ["general-practitioner"], from: "2024-10-01", to: "2026-03-31",
    confidence: "published", source: desSpec("2025/26", "Annex B (GPs)"),
    description:
      "A GP is claimable only within 2 years of their Certificate of Completion of Training (CCT) and if not previously substantively employed as a GP in general practice. From 2026/27 any salaried GP.",
  },
  {
    kind: "nurse-not-employed-in-previous-12-months",
    roles: ["new-to-general-practice-nurse", "experienced-general-practice-nurse", "consultant-nurse", "healthcare-support-worker"],
    from: "2025-04-01", to: null,
    confidence: "published", source: desSpec("2025/26", "Annex B (nurses and healthcare support workers)"),
    description:
      "Not claimable for someone employed by the PCN or a member practice in the previous 12 months, unless recruited to a more senior or specialist nursing role.",
  },
];

/** How long after CCT a GP stays claimable under the 2024/25 to 2025/26 condition. */
export const GP_YEARS_AFTER_CCT = 2;
