/**
 * The actions: check, write the claim summary, remove the tool's output (after a confirmation), and in
 * a browser tab download the checked copy. A spinner with words shows while one runs; a message says
 * what was done.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from "@fluentui/react-components";
import { ArrowDownload20Regular, Delete20Regular, DocumentTable20Regular, Play20Regular } from "@fluentui/react-icons";
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
  const ready = Boolean(workspace.snapshot?.roster && !workspace.snapshot.roster.problem);

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
      <h2 id={headingId} className={shared.heading}>Check and write</h2>
      <div className={shared.buttonRow}>
        <Button appearance="primary" icon={<Play20Regular />} disabledFocusable={busy || !ready} onClick={() => void workspace.checkRoster()}>
          Check roster
        </Button>
        <Button icon={<DocumentTable20Regular />} disabledFocusable={busy || !ready} onClick={() => void workspace.writeSummary()}>
          Write claim summary
        </Button>
        {workspace.download && (
          <Button icon={<ArrowDownload20Regular />} disabledFocusable={busy || !ready} onClick={() => void workspace.download!()}>
            Download checked workbook
          </Button>
        )}
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
        {dialogWanted && (
          <Suspense fallback={null}>
            <RemoveDialog open={confirming} onRemove={remove} onCancel={() => setConfirming(false)} />
          </Suspense>
        )}
      </div>
      {!ready && workspace.snapshot && !busy && (
        <p className={shared.muted}>Choose a roster sheet first: the checks need a role or job title column.</p>
      )}
      {workspace.busy && workspace.busy !== "select" && <Spinner size="tiny" labelPosition="after" label={BUSY_TEXT[workspace.busy]} />}
      {workspace.notice && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{workspace.notice}</MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" size="small" aria-label="Dismiss the message" onClick={workspace.dismissNotice}>✕</Button>} />
        </MessageBar>
      )}
    </section>
  );
}
