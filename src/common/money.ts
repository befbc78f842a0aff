/** Money is kept unrounded; it is rounded only when shown. */
const POUNDS = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const WHOLE_POUNDS = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });

/**
 * Rounds half a penny up, on the decimal value: sums such as 32,750.35 / 2 are 16,375.174999… in
 * binary, and must show as £16,375.18 as a calculator would. Cleaning to 1e-6 first removes the
 * binary noise without touching any real fraction of a penny that matters.
 */
export function toPence(amount: number): number {
  const cleaned = Math.round(amount * 1e6) / 1e6;
  return Math.sign(cleaned) * Math.round(Math.abs(cleaned) * 100 + 1e-9) / 100;
}

/** "£1,234.56", rounded to the penny as toPence rounds. */
export function formatMoney(amount: number): string {
  return POUNDS.format(toPence(amount));
}

/** "£66,972" for figures the DES gives in whole pounds. */
export function formatWholePounds(amount: number): string {
  return WHOLE_POUNDS.format(amount);
}

/** "0.8" or "0.53" WTE, without trailing zeros. */
export function formatWte(wte: number): string {
  return String(Math.round(wte * 100) / 100);
}
