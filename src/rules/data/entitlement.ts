/**
 * The PCN's annual ceiling (ARRS sum): £ per weighted patient × the PCN Contractor Weighted Population
 * at 1 January before the year. Source: DES specification of each year (ARRS reference, section 6).
 * 2021/22 and 2022/23 have no per-patient figure on record, so they are absent and the engine reports
 * ENTITLEMENT_UNKNOWN rather than guessing.
 */
import type { EntitlementRate } from "../types";
import { desSpec } from "./sources";

export const ENTITLEMENT_RATES: readonly EntitlementRate[] = [
  {
    financialYear: "2019/20", perWeightedPatient: null, fixedPerPcn: 53942, gpPerWeightedPatient: null,
    confidence: "published", source: desSpec("2019/20", "ARRS section"),
    note: "Not per patient: £53,942 per PCN for July to March (one pharmacist and one link worker: (37,810 + 34,113) × 9/12).",
  },
  {
    financialYear: "2020/21", perWeightedPatient: 7.131, fixedPerPcn: null, gpPerWeightedPatient: null,
    confidence: "published", source: desSpec("2020/21", "ARRS section"),
  },
  {
    financialYear: "2023/24", perWeightedPatient: 22.671, fixedPerPcn: null, gpPerWeightedPatient: null,
    confidence: "published", source: desSpec("2023/24", "ARRS section"),
    note: "The July 2023 pay uplift raised role maxima but not the ceiling.",
  },
  {
    financialYear: "2024/25", perWeightedPatient: 22.894, fixedPerPcn: null, gpPerWeightedPatient: 1.303,
    confidence: "published", source: desSpec("2024/25", "ARRS section and GP addendum"),
    note: "Plus a ring-fenced GP sum of £1.303 per weighted patient for October 2024 to March 2025.",
  },
  {
    financialYear: "2025/26", perWeightedPatient: 26.631, fixedPerPcn: null, gpPerWeightedPatient: null,
    confidence: "published", source: desSpec("2025/26", "ARRS section"), note: "The GP sum is merged in.",
  },
  {
    financialYear: "2026/27", perWeightedPatient: 27.668, fixedPerPcn: null, gpPerWeightedPatient: null,
    confidence: "third-party", source: { title: "Third-party ARRS calculator, 2026/27" },
  },
];
