/** Money is kept unrounded; it is rounded only when shown. */
const POUNDS = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const WHOLE_POUNDS = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });

/** "£1,234.56" */
export function formatMoney(amount: number): string {
  return POUNDS.format(amount);
}

/** "£66,972" for figures the DES gives in whole pounds. */
export function formatWholePounds(amount: number): string {
  return WHOLE_POUNDS.format(amount);
}

/** Rounds to the penny for display or a claim line; never used before summing. */
export function toPence(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/** "0.8" or "0.53" WTE, without trailing zeros. */
export function formatWte(wte: number): string {
  return String(Math.round(wte * 100) / 100);
}
