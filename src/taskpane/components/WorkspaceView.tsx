/**
 * The workspace over one workbook: what to do when there is no roster, the roster and its columns, the
 * PCN settings, the actions, and the results. State and actions come from useWorkspace; this file only lays them out.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import { Dismiss16Regular } from "@fluentui/react-icons";
import { lazy, Suspense } from "react";
import type { TaskpaneController } from "../controller";
import { BUSY_TEXT, useWorkspace } from "../use-workspace";
import { ActionsSection } from "./ActionsSection";
import { NoRoster } from "./NoRoster";
import { RosterSection } from "./RosterSection";
import { SettingsSection } from "./SettingsSection";
import { useSharedStyles } from "./styles";

/** The results (and Fluent's Accordion) arrive with the first check, not with the pane. */
const ResultsSection = lazy(() => import(/* webpackPrefetch: true */ "./ResultsSection").then((m) => ({ default: m.ResultsSection })));

export interface WorkspaceViewProps {
  controller: TaskpaneController;
  /** Browser door only: saves the workbook as a download; returns the file name. */
  download?: () => Promise<string>;
}

export function WorkspaceView({ controller, download }: WorkspaceViewProps) {
  const shared = useSharedStyles();
  const ws = useWorkspace(controller, { download });
  const { snapshot } = ws;
  /** A roster that can be checked: only then are the settings and the actions shown. */
  const ready = Boolean(snapshot?.roster && !snapshot.roster.problem);

  return (
    <>
      {ws.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>That did not work.</MessageBarTitle>
            {ws.error}
          </MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" size="small" icon={<Dismiss16Regular />} aria-label="Dismiss the message" onClick={ws.dismissError} />} />
        </MessageBar>
      )}
      {!snapshot && ws.busy === "load" && <Spinner size="tiny" labelPosition="after" label={BUSY_TEXT.load} />}
      {!snapshot && !ws.busy && (
        <div className={shared.buttonRow}>
          <Button onClick={() => void ws.retry()}>Read the workbook again</Button>
        </div>
      )}
      {snapshot && !ready && <NoRoster workspace={ws} snapshot={snapshot} />}
      {snapshot && (snapshot.roster || snapshot.sheetNames.length > 0) && <RosterSection workspace={ws} snapshot={snapshot} />}
      {snapshot && ready && <SettingsSection workspace={ws} snapshot={snapshot} />}
      {snapshot && ready && <ActionsSection workspace={ws} />}
      {ws.check && ready && (
        <Suspense fallback={<Spinner size="tiny" labelPosition="after" label="Showing the results…" />}>
          <ResultsSection workspace={ws} check={ws.check} />
        </Suspense>
      )}
      <div role="status" aria-live="polite" aria-atomic="true" className={shared.visuallyHidden} data-testid="announcer">
        {ws.announcement}
      </div>
    </>
  );
}
