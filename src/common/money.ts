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

/** A whole number of pounds from 0 to 10^15, in figures with commas: 1234567 → "1,234,567". */
function wholeWithCommas(whole: number): string {
  if (whole < 1000) return String(whole);
  const last = whole % 1000;
  return `${wholeWithCommas(Math.floor(whole / 1000))},${last < 10 ? "00" : last < 100 ? "0" : ""}${last}`;
}

/** "1234567" → "1,234,567" */
function groupThousands(digits: string): string {
  let i = digits.length % 3 || 3;
  let out = digits.slice(0, i);
  for (; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/**
 * The text Intl gives for en-GB pounds ("£1,234.56", "-£0.50", and "-£0.00" for negative zero), made
 * by hand: Intl's format costs about a microsecond a call, and findings use it on every row.
 * toFixed rounds the exact binary value half up, as Intl does; beyond 10^15, Intl itself is used.
 */
function pounds(amount: number, decimals: 0 | 2, intl: Intl.NumberFormat): string {
  if (!(Math.abs(amount) < 1e15)) return intl.format(amount);
  const text = Math.abs(amount).toFixed(decimals);
  const whole = decimals === 0 ? text : text.slice(0, -3);
  return `${amount < 0 || Object.is(amount, -0) ? "-" : ""}£${groupThousands(whole)}${decimals === 0 ? "" : text.slice(-3)}`;
}

/**
 * "£1,234.56". The pence are worked out once, as a whole number, as toPence does, and written as
 * figures: toFixed and cutting its text up cost twice as long, and findings write money on thousands
 * of rows. Below £10^12 the two give the same text, since an amount in pence that size is within a
 * ten-thousandth of a penny of its nearest binary value; beyond it (never a real claim), pounds()
 * as before.
 */
export function formatMoney(amount: number): string {
  const cleaned = Math.round(amount * 1e6) / 1e6;
  const pence = Math.round(Math.abs(cleaned) * 100 + 1e-9);
  if (!(pence < 1e14)) return pounds(toPence(amount), 2, POUNDS);
  const sign = cleaned < 0 || Object.is(cleaned, -0) ? "-" : "";
  const part = pence % 100;
  return `${sign}£${wholeWithCommas(Math.floor(pence / 100))}.${part < 10 ? "0" : ""}${part}`;
}

/** "£66,972" for figures the DES gives in whole pounds (rounded half up, as Intl does). */
export function formatWholePounds(amount: number): string {
  const whole = Math.round(Math.abs(amount));
  if (!(whole < 1e15)) return pounds(amount, 0, WHOLE_POUNDS);
  return `${amount < 0 || Object.is(amount, -0) ? "-" : ""}£${wholeWithCommas(whole)}`;
}

/** "0.8" or "0.53" WTE, without trailing zeros. */
export function formatWte(wte: number): string {
  return String(Math.round(wte * 100) / 100);
}
