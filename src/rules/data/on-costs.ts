/**
 * Employer on-cost rates, used only to estimate a cost the roster leaves out (the result is then
 * marked ONCOSTS_ESTIMATED). Source: ARRS reference, section 5. NI is charged per pay period, so the
 * engine applies the annual threshold as twelve monthly ones. Years before 2022/23 have no NI rate
 * on record here: a missing employer NI figure for those months cannot be estimated.
 */
import type { OnCostRate } from "../types";
import { HMRC_NI_RATES, NHS_PENSION_EMPLOYER_RATE } from "./sources";

export const ON_COST_RATES: readonly OnCostRate[] = [
  { kind: "employer-ni", from: "2022-04-06", to: "2022-11-05", rate: 0.1505, annualThreshold: 9100,
    confidence: "published", source: HMRC_NI_RATES, note: "Health and Social Care Levy period." },
  { kind: "employer-ni", from: "2022-11-06", to: "2025-04-05", rate: 0.138, annualThreshold: 9100,
    confidence: "published", source: HMRC_NI_RATES },
  { kind: "employer-ni", from: "2025-04-06", to: null, rate: 0.15, annualThreshold: 5000,
    confidence: "published", source: HMRC_NI_RATES },
  { kind: "employer-pension", from: "2019-04-01", to: null, rate: 0.1438, annualThreshold: 0,
    confidence: "published", source: NHS_PENSION_EMPLOYER_RATE,
    note: "Of pensionable pay; the rest of the 20.68% employer rate is paid centrally." },
];
