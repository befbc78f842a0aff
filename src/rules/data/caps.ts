/**
 * Caps on the WTE of a role a PCN may claim for, by list size (99,999 or fewer / 100,000 or more).
 * Source: DES specification of each year, as gathered in the ARRS reference, section 4.
 * Caps count whole-time equivalents in post at the same time. From 1 April 2025 there is
 * "no restriction on numbers or type" of roles.
 */
import type { CapRule } from "../types";
import { ARRS_REFERENCE, desSpec } from "./sources";

export const CAP_RULES: readonly CapRule[] = [
  {
    role: "advanced-practitioner", from: "2022-04-01", to: "2023-03-31", smallPcn: 2, largePcn: 3,
    confidence: "inferred", source: ARRS_REFERENCE,
    note: "Implied by the 2023/24 wording, which raised the caps \"from two to three\" and \"from three to six\".",
  },
  {
    role: "advanced-practitioner", from: "2023-04-01", to: "2024-03-31", smallPcn: 3, largePcn: 6,
    confidence: "published", source: desSpec("2023/24", "ARRS section"),
  },
  {
    role: "mental-health-practitioner", from: "2021-04-01", to: "2022-03-31", smallPcn: 1, largePcn: 2,
    confidence: "published", source: desSpec("2021/22", "ARRS section"),
    note: "WTE; adult and children's posts on the same basis.",
  },
  {
    role: "mental-health-practitioner", from: "2022-04-01", to: "2023-03-31", smallPcn: 2, largePcn: 4,
    confidence: "published", source: desSpec("2022/23", "ARRS section"),
  },
  {
    role: "enhanced-practice-nurse", from: "2024-04-01", to: "2025-03-31", smallPcn: 1, largePcn: 2,
    confidence: "published", source: desSpec("2024/25", "ARRS section"),
  },
  {
    role: "digital-transformation-lead", from: "2022-10-01", to: "2024-03-31", smallPcn: 1, largePcn: 1,
    confidence: "published", source: desSpec("2022/23", "ARRS section"), note: "One per PCN.",
  },
  {
    role: "digital-transformation-lead", from: "2024-04-01", to: "2025-03-31", smallPcn: 1, largePcn: 1,
    confidence: "inferred", source: ARRS_REFERENCE,
    note: "Whether the one-per-PCN limit survived 2024/25 is not confirmed; it is applied to be safe.",
  },
];

/** The list size from which a PCN counts as large for caps: 100,000 patients (ARRS reference, section 4). */
export const LARGE_PCN_LIST_SIZE = 100000;
