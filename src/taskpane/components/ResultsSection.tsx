/**
 * The results of a check, the answer first: what the check assumed (with a way to change it), the
 * roles with no maximum for the year, the amount claimable and the status, what the other figures
 * mean, the year ahead (when the pipeline gives a forecast), then the findings, grouped, and how the
 * roster was read. After each "Check roster" the summary takes focus and is scrolled into view, so
 * that something visibly happens and a screen reader starts at the answer.
 */
import { Button, makeStyles, mergeClasses, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import { useEffect, useId, useRef, useState } from "react";
import type { Workspace } from "../use-workspace";
import type { CheckView } from "../views";
import { DisclosureButton } from "./DisclosureButton";
import { FindingsList } from "./FindingsList";
import { ForecastPanel } from "./ForecastPanel";
import { MissingRates } from "./MissingRates";
import { MoneySummary } from "./MoneySummary";
import { useSharedStyles } from "./styles";

const useStyles = makeStyles({
  disclosure: { alignSelf: "flex-start", paddingLeft: 0, minWidth: 0 },
  subheading: { margin: 0 },
  reading: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
});

export function ResultsSection({ workspace, check }: { workspace: Workspace; check: CheckView }) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const headingId = useId();
  const findingsId = useId();
  const readingId = useId();
  const [reading, setReading] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const section = useRef<HTMLElement>(null);

  // Each "Check roster" (not a write or a re-render) brings the results into view from their top (what
  // was assumed comes first) and gives the answer focus; if the top is too tall, the answer is shown.
  useEffect(() => {
    const answer = summary.current;
    if (workspace.checkCount === 0 || !answer) return;
    section.current?.scrollIntoView?.({ block: "start", behavior: "auto" });
    if (answer.getBoundingClientRect().bottom > window.innerHeight) answer.scrollIntoView?.({ block: "start", behavior: "auto" });
    answer.focus({ preventScroll: true });
  }, [workspace.checkCount]);

  return (
    <section ref={section} className={shared.section} aria-labelledby={headingId} data-testid="results">
      <h2 id={headingId} className={shared.heading}>Results</h2>
      {check.assumptions.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody><MessageBarTitle>Assumed:</MessageBarTitle>{check.assumptions.join(" ")}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={workspace.editSettings}>Change settings</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {check.missingRates && <MissingRates workspace={workspace} missing={check.missingRates} />}
      <MoneySummary ref={summary} check={check} labelledBy={headingId} />
      {check.forecast && <ForecastPanel forecast={check.forecast.forecast} sentence={check.forecast.sentence} />}
      <h3 id={findingsId} className={shared.heading}>Findings</h3>
      <FindingsList check={check} onSelectRow={workspace.canSelectRows ? workspace.selectFinding : undefined} />
      {check.reading.length > 0 && (
        <>
          <h3 className={styles.subheading}>
            <DisclosureButton className={styles.disclosure} chevron open={reading} controls={readingId} onToggle={setReading}>
              How the roster was read ({check.reading.length})
            </DisclosureButton>
          </h3>
          {reading && (
            <ul id={readingId} className={mergeClasses(styles.reading, shared.muted)} aria-label="How the roster was read">
              {check.reading.map((line) => <li key={line}>{line}</li>)}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
