/**
 * Roles for which only a share of cost is reimbursable. Source: ARRS reference, sections 2 and 5.
 */
import type { FundedShare } from "../types";
import { desSpec } from "./sources";

export const FUNDED_SHARES: readonly FundedShare[] = [
  {
    role: "clinical-pharmacist", from: "2019-07-01", to: "2020-03-31", share: 0.7,
    confidence: "published", source: desSpec("2019/20", "ARRS section"),
    note: "70% of cost in 2019/20; 100% from 1 April 2020.",
  },
  {
    role: "mental-health-practitioner", from: "2021-04-01", to: "2024-03-31", share: 0.5,
    confidence: "published", source: desSpec("2021/22", "ARRS section"),
    note: "The PCN funds 50% of the cost (salary and on-costs) and claims that; the mental health provider funds the rest.",
  },
];
