/**
 * The documents the rule data cites. NHS England publishes each year's "Network Contract DES Contract
 * specification – PCN Requirements and Entitlements" from the GP contract page below; its ARRS section
 * holds Table 2 (maximum amounts per role) and Annex B (role requirements). The figures were gathered
 * from public pages quoting it, as recorded in ../shared/arrs-reference.md; each value's confidence and
 * note say how sure we are.
 */
import type { Source } from "../types";

export const GP_CONTRACT_PAGE = "https://www.england.nhs.uk/gp/investment/gp-contract/";

/** The DES specification for a financial year, e.g. desSpec("2025/26", "Table 2"). */
export function desSpec(financialYear: string, section: string): Source {
  return {
    title: `Network Contract DES Contract specification ${financialYear} - PCN Requirements and Entitlements`,
    section,
    href: GP_CONTRACT_PAGE,
  };
}

export const ARRS_REFERENCE: Source = {
  title: "ARRS reference (project notes on the DES, with sources and confidence)",
  section: "shared/arrs-reference.md",
};

export const HMRC_NI_RATES: Source = {
  title: "HMRC rates and thresholds for employers (secondary Class 1 NI)",
  section: "as summarised in the ARRS reference, section 5",
};

export const NHS_PENSION_EMPLOYER_RATE: Source = {
  title: "NHS Pension Scheme employer contribution (14.38% paid by the employer)",
  section: "as summarised in the ARRS reference, section 5",
};
