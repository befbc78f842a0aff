/**
 * The year ahead, after the money: the sentence on what would be left of the ARRS sum at 31 March,
 * and a small chart of the year (the ARRS sum as a line, what is claimed to date, the forecast for the
 * people in post, and with the planned posts). The chart is an inline SVG with a label saying what it
 * shows, and the same figures are in a table for screen readers. Colours are Fluent tokens.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { formatMoney, formatWholePounds } from "../../common/money";
import type { Forecast } from "../../engine/forecast-types";
import { useSharedStyles } from "./styles";

const MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];
const WIDTH = 300;
const HEIGHT = 150;
const PAD = { left: 8, right: 8, top: 10, bottom: 20 };

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  svg: { width: "100%", height: "auto", maxWidth: "480px", overflow: "visible" },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  sum: { stroke: tokens.colorNeutralForeground2, strokeWidth: 1.5, strokeDasharray: "2 3", fill: "none" },
  toDate: { stroke: tokens.colorBrandForeground1, strokeWidth: 2.5, fill: "none" },
  forecast: { stroke: tokens.colorBrandForeground1, strokeWidth: 2, strokeDasharray: "6 4", fill: "none" },
  planned: { stroke: tokens.colorPaletteMarigoldForeground1, strokeWidth: 2, strokeDasharray: "1 3", strokeLinecap: "round", fill: "none" },
  label: { fill: tokens.colorNeutralForeground2, fontSize: "10px" },
  legend: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: "none", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  key: { display: "inline-flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
});

/** Running totals of the people in post and with planned posts, April first, as the forecast gives them. */
export function forecastSeries(forecast: Forecast): { inPost: number[]; withPlanned: number[] } {
  return { inPost: forecast.months.map((m) => m.cumulativeClaimable), withPlanned: forecast.months.map((m) => m.cumulative) };
}

/** What the chart shows, in one sentence (its accessible name). */
export function chartLabel(forecast: Forecast): string {
  const { inPost, withPlanned } = forecastSeries(forecast);
  const parts = [
    `Claims through the year, April to March: ${formatMoney(forecast.toDate)} claimed to date`,
    `${formatMoney(inPost[11] ?? 0)} by 31 March for the people in post`,
  ];
  if (forecast.plannedPosts > 0) parts.push(`${formatMoney(withPlanned[11] ?? 0)} with the planned posts`);
  if (forecast.entitlement !== null) parts.push(`against an ARRS sum of ${formatMoney(forecast.entitlement)}`);
  return `${parts.join(", ")}.`;
}

export function ForecastPanel({ forecast, sentence }: { forecast: Forecast; sentence: string }) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const headingId = useId();
  const { inPost, withPlanned } = forecastSeries(forecast);
  const top = Math.max(forecast.entitlement ?? 0, ...withPlanned, ...inPost, 1);
  const x = (i: number) => PAD.left + (i + 0.5) * ((WIDTH - PAD.left - PAD.right) / 12);
  const y = (v: number) => PAD.top + (1 - v / top) * (HEIGHT - PAD.top - PAD.bottom);
  const path = (values: number[], from: number, to: number) => values.slice(from, to + 1)
    .map((v, i) => `${i === 0 ? "M" : "L"}${x(from + i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
  const last = Math.max(0, forecast.monthsToDate - 1);
  const hasPlanned = forecast.plannedPosts > 0;

  return (
    <section className={shared.section} aria-labelledby={headingId}>
      <h3 id={headingId} className={shared.heading}>The year ahead</h3>
      <p className={shared.text}>{sentence}</p>
      <figure className={styles.figure}>
        <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={chartLabel(forecast)} data-testid="forecast-chart">
          <line className={styles.axis} x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} />
          {forecast.entitlement !== null && (
            <line className={styles.sum} x1={PAD.left} x2={WIDTH - PAD.right} y1={y(forecast.entitlement)} y2={y(forecast.entitlement)} data-series="sum" />
          )}
          {hasPlanned && forecast.monthsToDate < 12 && <path className={styles.planned} d={path(withPlanned, last, 11)} data-series="planned" />}
          {forecast.monthsToDate < 12 && <path className={styles.forecast} d={path(inPost, last, 11)} data-series="forecast" />}
          {forecast.monthsToDate > 0 && <path className={styles.toDate} d={path(inPost, 0, last)} data-series="to-date" />}
          {/* The scale in two figures: the ARRS sum at its line's start, and where the people in post end the year. */}
          {forecast.entitlement !== null && (
            <text className={styles.label} x={PAD.left} y={y(forecast.entitlement) - 4} textAnchor="start">{formatWholePounds(forecast.entitlement)}</text>
          )}
          <text className={styles.label} x={x(11)} y={y(inPost[11] ?? 0) - 6} textAnchor="end">{formatWholePounds(inPost[11] ?? 0)}</text>
          {[0, 3, 6, 9, 11].map((i) => <text key={i} className={styles.label} x={x(i)} y={HEIGHT - 6} textAnchor="middle">{MONTHS[i]}</text>)}
        </svg>
        <ul className={styles.legend} aria-hidden>
          {/* Only the lines the chart draws: none to date before April, no forecast once the year has ended. */}
          {forecast.monthsToDate > 0 && <li className={styles.key}><svg width="18" height="6"><line className={styles.toDate} x1="0" x2="18" y1="3" y2="3" /></svg>Claimed to date</li>}
          {forecast.monthsToDate < 12 && <li className={styles.key}><svg width="18" height="6"><line className={styles.forecast} x1="0" x2="18" y1="3" y2="3" /></svg>Forecast, people in post</li>}
          {hasPlanned && forecast.monthsToDate < 12 && <li className={styles.key}><svg width="18" height="6"><line className={styles.planned} x1="0" x2="18" y1="3" y2="3" /></svg>With planned posts</li>}
          {forecast.entitlement !== null && <li className={styles.key}><svg width="18" height="6"><line className={styles.sum} x1="0" x2="18" y1="3" y2="3" /></svg>ARRS sum</li>}
        </ul>
        {/* In a hidden box of its own: a table lays out as wide as its cells whatever width it is given. */}
        <div className={shared.visuallyHidden}>
          <table>
            <caption>Claims by month, running totals</caption>
            <thead><tr><th scope="col">Month</th><th scope="col">People in post</th>{hasPlanned && <th scope="col">With planned posts</th>}<th scope="col">Actual or forecast</th></tr></thead>
            <tbody>
              {forecast.months.map((m, i) => (
                <tr key={m.month}>
                  <th scope="row">{MONTHS[i]}</th>
                  <td>{formatWholePounds(inPost[i])}</td>
                  {hasPlanned && <td>{formatWholePounds(withPlanned[i])}</td>}
                  <td>{m.toDate ? "actual" : "forecast"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </figure>
    </section>
  );
}
