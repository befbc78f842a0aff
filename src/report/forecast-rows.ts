/**
 * The tool's columns beside a planned post on the roster: the status says "Planned post" (in words,
 * with the info colour), the claimable column stays blank (a planned post is never claimed), and the
 * findings column says what it adds to the forecast, or what it needs to count.
 */
import { formatMonth, formatUkDate } from "../common/dates";
import { formatMoney } from "../common/money";
import type { Forecast, PlannedPostForecast } from "../engine/forecast-types";
import type { PlannedRosterRow } from "../roster/types";
import { blank, text } from "./cells";
import { FORECAST_ONLY, PLANNED_POST_STATUS } from "./forecast-block";
import type { OutputCell } from "./types";
import { findingsText, truncateForCell } from "./words";

/** "adds £16,743.00 to the forecast (Jan 2026 – Mar 2026) at 31/12/2025", or why it adds nothing. */
function whatItAdds(post: PlannedPostForecast, forecast: Forecast): string {
  if (post.note) return post.note;
  const counted = post.months.map((amount, i) => ({ amount, month: forecast.months[i].month })).filter((m) => m.amount > 0);
  const span = counted.length === 1 ? formatMonth(counted[0].month) : `${formatMonth(counted[0].month)} – ${formatMonth(counted[counted.length - 1].month)}`;
  const cost = post.annualCost === null ? " at the maximum for the role (no cost given)" : "";
  return `adds ${formatMoney(post.amount)} to the forecast as of ${formatUkDate(forecast.asOf)} (${span})${cost}`;
}

export function plannedPostCells(row: PlannedRosterRow, post: PlannedPostForecast | null, forecast: Forecast | null): OutputCell[] {
  const words = [`${PLANNED_POST_STATUS}, ${FORECAST_ONLY}`];
  if (post && forecast) words.push(whatItAdds(post, forecast));
  const findings = row.findings.length > 0 ? `  •  ${findingsText(row.findings)}` : "";
  return [text(PLANNED_POST_STATUS, "info"), blank(), text(truncateForCell(`${words.join(": ")}.${findings}`))];
}
