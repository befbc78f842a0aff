/**
 * The forecast in one plain sentence (docs/forecast.md), the same on the Claim Summary, on the
 * command line and in the task pane:
 *   "At this rate £214,300 of your £1,638,659 ARRS sum will be unspent on 31 March 2026: enough for
 *    about 4.9 WTE of a band 5 role from January."
 * Whole pounds: a forecast is not a claim, and pence would claim a precision it does not have.
 */
import { partsOf, type IsoDate } from "../common/dates";
import { formatWholePounds } from "../common/money";
import type { Forecast } from "../engine/forecast-types";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "31 March 2026". */
export function longDate(date: IsoDate): string {
  const { year, month, day } = partsOf(date);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** "January" for the month a date is in. */
export function monthName(date: IsoDate): string {
  return MONTHS[partsOf(date).month - 1];
}

const pounds = (amount: number): string => formatWholePounds(Math.round(amount));

/**
 * How many WTE of the chosen role the unspent sum would pay for over the months left: unspent /
 * (the role's maximum for 1.0 WTE over those months). Null when no month is left, nothing is unspent,
 * or the role has no maximum on record.
 */
export function unspentWte(forecast: Forecast): number | null {
  const maximum = forecast.unspentAs?.maximumForMonthsLeft ?? null;
  if (forecast.unspent === null || forecast.unspent <= 0 || maximum === null || maximum <= 0) return null;
  return forecast.unspent / maximum;
}

/** "a band 5 role" for the default, else the role chosen. */
function roleWords(forecast: Forecast): string {
  const as = forecast.unspentAs!;
  return as.isDefault ? "a band 5 role" : `the ${as.roleName} role`;
}

/** The clause after the colon: what the unspent sum would pay for, from the month after the as-of month. */
function wteClause(forecast: Forecast): string {
  const wte = unspentWte(forecast);
  if (wte === null || !forecast.unspentAs?.from) return "";
  const amount = wte < 0.05 ? "less than 0.1" : `about ${wte.toFixed(1)}`;
  return `: enough for ${amount} WTE of ${roleWords(forecast)} from ${monthName(forecast.unspentAs.from)}`;
}

/** The forecast's sentence: unspent, over, ended, or what to enter to see it. */
export function forecastSentence(forecast: Forecast): string {
  const end = longDate(forecast.yearEnd);
  if (forecast.entitlement === null || forecast.unspent === null) {
    return `Enter the PCN's weighted population to see how much of its ARRS sum would be unspent on ${end}.`;
  }
  const sum = pounds(forecast.entitlement);
  const ended = forecast.asOf > forecast.yearEnd;
  const unspent = Math.round(forecast.unspent);
  if (unspent < 0) {
    return ended
      ? `Claims were ${pounds(-unspent)} over your ${sum} ARRS sum at ${end}: the excess is not paid.`
      : `At this rate claims would be ${pounds(-unspent)} over your ${sum} ARRS sum by ${end}: the excess will not be paid.`;
  }
  if (unspent === 0) return ended ? `All of your ${sum} ARRS sum was claimed by ${end}.` : `At this rate all of your ${sum} ARRS sum will be claimed by ${end}.`;
  if (ended) return `${pounds(unspent)} of your ${sum} ARRS sum was unspent at ${end}.`;
  return `At this rate ${pounds(unspent)} of your ${sum} ARRS sum will be unspent on ${end}${wteClause(forecast)}.`;
}
