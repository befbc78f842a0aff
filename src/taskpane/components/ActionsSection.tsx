/**
 * The actions. Inside Excel: check, write the claim summary, remove the tool's output (after a
 * confirmation). In a browser tab: check, and one action that writes the output into the copy and
 * downloads it ("Download checked workbook"). One primary button: Check roster, unless the settings
 * form is open (its Save is then the one). A spinner with words shows while an action runs; a message
 * says what was done.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import { ArrowDownload20Regular, Delete20Regular, Dismiss16Regular, DocumentTable20Regular, Play20Regular } from "@fluentui/react-icons";
import { lazy, Suspense, useEffect, useId, useRef, useState } from "react";
import { BUSY_TEXT, type Workspace } from "../use-workspace";
import { useSharedStyles } from "./styles";

const RemoveDialog = lazy(() => import(/* webpackPrefetch: true */ "./RemoveDialog"));

export function ActionsSection({ workspace }: { workspace: Workspace }) {
  const shared = useSharedStyles();
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const [dialogWanted, setDialogWanted] = useState(false);
  const busy = workspace.busy !== null;
  const inBrowser = Boolean(workspace.download);

  const removeButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  // Focus goes back to "Remove ARRS output" when the dialog closes, whichever way it closed.
  useEffect(() => {
    if (wasConfirming.current && !confirming) removeButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const remove = () => {
    setConfirming(false);
    void workspace.removeOutput();
  };

  return (
    <section className={shared.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={shared.heading}>{inBrowser ? "Check and download" : "Check and write"}</h2>
      <div className={shared.buttonRow}>
        <Button
          appearance={workspace.settingsEditing ? "secondary" : "primary"}
          icon={<Play20Regular />}
          disabledFocusable={busy}
          onClick={() => void workspace.checkRoster()}
        >
          Check roster
        </Button>
        {inBrowser ? (
          <Button icon={<ArrowDownload20Regular />} disabledFocusable={busy} onClick={() => void workspace.download!()}>
            Download checked workbook
          </Button>
        ) : (
          <>
            <Button icon={<DocumentTable20Regular />} disabledFocusable={busy} onClick={() => void workspace.writeSummary()}>
              Write claim summary
            </Button>
            <Button
              ref={removeButton}
              appearance="subtle"
              icon={<Delete20Regular />}
              aria-haspopup="dialog"
              disabledFocusable={busy}
              onClick={() => { setDialogWanted(true); setConfirming(true); }}
            >
              Remove ARRS output
            </Button>
          </>
        )}
        {dialogWanted && (
          <Suspense fallback={null}>
            <RemoveDialog open={confirming} onRemove={remove} onCancel={() => setConfirming(false)} />
          </Suspense>
        )}
      </div>
      {inBrowser && (
        <p className={shared.muted}>
          The download is a copy of your workbook with the ARRS columns beside the roster and the ARRS sheets added.
        </p>
      )}
      {workspace.busy && workspace.busy !== "select" && <Spinner size="tiny" labelPosition="after" label={workspace.progress ?? BUSY_TEXT[workspace.busy]} />}
      {workspace.notice && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody><MessageBarTitle>Done.</MessageBarTitle>{workspace.notice}</MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" size="small" icon={<Dismiss16Regular />} aria-label="Dismiss the message" onClick={workspace.dismissNotice} />}
          />
        </MessageBar>
      )}
    </section>
  );
}
