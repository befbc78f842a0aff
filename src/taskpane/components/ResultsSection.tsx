/**
 * The results of a check: a status line (words and an icon, not colour alone), the money, and the
 * findings grouped by severity with counts. Each finding shows its row, the person, what to do and the
 * rule it comes from; inside Excel a finding is a button that selects its row.
 */
import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles, MessageBar, MessageBarBody,
  MessageBarTitle, tokens,
} from "@fluentui/react-components";
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from "@fluentui/react-icons";
import { MissingRates } from "./MissingRates";
import { TotalsList } from "./TotalsList";
import { useId, type ReactElement } from "react";
import { SEVERITY_LABELS } from "../labels";
import type { CheckView, FindingView } from "../views";
import type { Severity } from "../../rules/types";
import type { Workspace } from "../use-workspace";
import { useSharedStyles } from "./styles";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    width: "100%",
    boxSizing: "border-box",
    textAlign: "left",
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: tokens.strokeWidthThickest,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    overflowWrap: "anywhere",
  },
  error: { borderLeftColor: tokens.colorStatusDangerBorderActive },
  warning: { borderLeftColor: tokens.colorStatusWarningBorderActive },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
    },
  },
  where: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
  },
  source: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  groupHeader: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
  },
  panel: { marginLeft: 0, marginRight: 0, paddingBottom: tokens.spacingVerticalM },
  errorIcon: { color: tokens.colorStatusDangerForeground1, flexShrink: 0 },
  warningIcon: { color: tokens.colorStatusWarningForeground1, flexShrink: 0 },
  infoIcon: { color: tokens.colorNeutralForeground2, flexShrink: 0 },
});

function SeverityIcon({ severity }: { severity: Severity }) {
  const styles = useStyles();
  const icons: Record<Severity, ReactElement> = {
    error: <ErrorCircle16Filled aria-hidden className={styles.errorIcon} />,
    warning: <Warning16Filled aria-hidden className={styles.warningIcon} />,
    info: <Info16Filled aria-hidden className={styles.infoIcon} />,
  };
  return icons[severity];
}

const INTENT = { error: "error", warning: "warning", info: "info", ok: "success" } as const;
const STATUS_TITLE = {
  error: "Errors to fix before you claim",
  warning: "Warnings to check",
  info: "No errors or warnings",
  ok: "No problems found",
} as const;

export function ResultsSection({ workspace, check }: { workspace: Workspace; check: CheckView }) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const headingId = useId();
  const clickable = workspace.canSelectRows;
  const open = check.groups.filter((g) => g.severity !== "info" && g.findings.length > 0).map((g) => g.severity);

  return (
    <section className={shared.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={shared.heading}>Results</h2>
      {check.missingRates && <MissingRates workspace={workspace} missing={check.missingRates} />}
      <MessageBar intent={INTENT[check.worst]} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{STATUS_TITLE[check.worst]}.</MessageBarTitle>
          {check.headline}
        </MessageBarBody>
      </MessageBar>
      <TotalsList totals={check.totals} />
      {clickable && <p className={shared.muted}>Choose a finding to select its row in the sheet.</p>}
      <Accordion multiple collapsible defaultOpenItems={open}>
        {check.groups.map((group) => (
          <AccordionItem key={group.severity} value={group.severity}>
            <AccordionHeader as="h3" size="medium">
              <span className={styles.groupHeader}>
                <SeverityIcon severity={group.severity} />
                {group.label} ({group.findings.length})
              </span>
            </AccordionHeader>
            <AccordionPanel className={styles.panel}>
              {group.findings.length === 0
                ? <p className={shared.muted}>No {SEVERITY_LABELS[group.severity].many}.</p>
                : (
                  <ul className={styles.list} aria-label={`${group.label}: ${group.findings.length}`}>
                    {group.findings.map((f) => (
                      <li key={f.id}>
                        <FindingItem finding={f} onSelect={clickable && f.rowNumber !== null ? workspace.selectFinding : undefined} />
                      </li>
                    ))}
                  </ul>
                )}
            </AccordionPanel>
          </AccordionItem>
        ))}
        {check.reading.length > 0 && (
          <AccordionItem value="reading">
            <AccordionHeader as="h3" size="medium">How the roster was read ({check.reading.length})</AccordionHeader>
            <AccordionPanel className={styles.panel}>
              <ul className={styles.list} aria-label="How the roster was read">
                {check.reading.map((line) => <li key={line}>{line}</li>)}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        )}
      </Accordion>
    </section>
  );
}

function FindingItem({ finding, onSelect }: { finding: FindingView; onSelect?: (f: FindingView) => void }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const where = finding.rowNumber !== null ? `Row ${finding.rowNumber}` : "Whole PCN";
  const content = (
    <>
      <span className={styles.where}>
        <SeverityIcon severity={finding.severity} />
        <span>
          {where}
          {finding.person ? ` · ${finding.person}` : ""}
          <span className={shared.visuallyHidden}>, {SEVERITY_LABELS[finding.severity].one}:</span>
        </span>
      </span>
      <span>{finding.message}</span>
      <span className={styles.source}>Rule: {finding.source} ({finding.code})</span>
    </>
  );
  const className = `${styles.item} ${styles[finding.severity]}`;
  if (!onSelect) return <div className={className}>{content}</div>;
  return (
    <button
      type="button"
      className={`${className} ${styles.clickable}`}
      title={`Select row ${finding.rowNumber} in the sheet`}
      onClick={() => onSelect(finding)}
    >
      {content}
    </button>
  );
}
