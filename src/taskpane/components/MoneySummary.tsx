/**
 * The answer first: the amount claimable for the year, the largest text in the pane, then the status
 * in words and an icon, then what the other figures mean (the ARRS sum, what is left of it or how far
 * the claims go over it, the cost the PCN funds itself). Amounts never break across lines.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { CheckmarkCircle16Filled, ErrorCircle16Filled, Warning16Filled } from "@fluentui/react-icons";
import { forwardRef } from "react";
import type { TotalLine } from "../rates-view";
import type { CheckView } from "../views";

const useStyles = makeStyles({
  answer: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  claimLabel: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
  },
  claimValue: {
    margin: 0,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    whiteSpace: "nowrap",
    fontVariantNumeric: "tabular-nums",
  },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
  status: {
    display: "flex",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalXS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  statusIcon: { flexShrink: 0, marginTop: "2px" },
  danger: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground1 },
  success: { color: tokens.colorStatusSuccessForeground1 },
  lines: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
  line: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  lineHead: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  lineLabel: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  lineNote: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  lineValue: { whiteSpace: "nowrap", fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums", color: tokens.colorNeutralForeground1 },
  problemValue: { display: "inline-flex", alignItems: "center", columnGap: tokens.spacingHorizontalXXS, color: tokens.colorStatusDangerForeground1 },
  explain: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
});

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "6 errors to fix before you claim · 12 warnings to check", or that there are none. */
export function statusWords(check: Pick<CheckView, "counts">): string {
  const { error, warning, info } = check.counts;
  const parts: string[] = [];
  if (error) parts.push(`${plural(error, "error", "errors")} to fix before you claim`);
  if (warning) parts.push(`${plural(warning, "warning", "warnings")} to check`);
  if (parts.length === 0) return info ? `No errors or warnings; ${plural(info, "note", "notes")}` : "No problems found";
  return parts.join(" · ");
}

/** The summary the pane moves focus to after a check: it can take focus (tabIndex -1) but is not in the tab order. */
export const MoneySummary = forwardRef<HTMLDivElement, { check: CheckView; labelledBy: string }>(function MoneySummary({ check, labelledBy }, ref) {
  const styles = useStyles();
  const [claimable, ...others] = check.totals;
  const worst = check.worst;
  const StatusIcon = worst === "error" ? ErrorCircle16Filled : worst === "warning" ? Warning16Filled : CheckmarkCircle16Filled;
  const tone = worst === "error" ? styles.danger : worst === "warning" ? styles.warning : styles.success;
  return (
    <div ref={ref} tabIndex={-1} className={styles.answer} role="group" aria-labelledby={labelledBy} data-testid="results-summary">
      <p className={styles.claimLabel}>{claimable.label}</p>
      <p className={styles.claimValue} data-testid="claimable">{claimable.value}</p>
      {claimable.note && <p className={styles.note}>{claimable.note}</p>}
      <p className={styles.status}>
        <StatusIcon aria-hidden className={mergeClasses(styles.statusIcon, tone)} />
        <span>{statusWords(check)}</span>
      </p>
      {others.length > 0 && (
        <ul className={styles.lines} aria-label="The money">
          {others.map((line) => <MoneyLine key={line.label} line={line} />)}
        </ul>
      )}
    </div>
  );
});

function MoneyLine({ line }: { line: TotalLine }) {
  const styles = useStyles();
  return (
    <li className={styles.line}>
      <span className={styles.lineHead}>
        <span>
          <span className={styles.lineLabel}>{line.label}</span>
          {line.note && <span className={styles.lineNote}> ({line.note})</span>}
        </span>
        {line.problem
          ? <span className={mergeClasses(styles.lineValue, styles.problemValue)} data-amount><Warning16Filled aria-hidden />{line.value}</span>
          : <span className={styles.lineValue} data-amount>{line.value}</span>}
      </span>
      {line.explain && <p className={styles.explain}>{line.explain}</p>}
    </li>
  );
}
