/**
 * "Remove ARRS output?": an alert dialog (focus starts on Cancel and stays inside it; Escape cancels).
 * Loaded when the user first asks to remove, so the pane's first load does not carry it; it then stays mounted and only
 * opens and closes, so that Fluent can undo what it did to the rest of the page while it was open.
 */
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens,
} from "@fluentui/react-components";
import { useEffect, useId, useRef } from "react";

const useStyles = makeStyles({
  // At 200% zoom the pane is about 160 px wide: the dialog keeps inside it and its words scroll.
  surface: { maxWidth: "calc(100vw - 16px)", maxHeight: "calc(100vh - 16px)", boxSizing: "border-box", paddingTop: tokens.spacingVerticalL, paddingBottom: tokens.spacingVerticalL, paddingLeft: tokens.spacingHorizontalL, paddingRight: tokens.spacingHorizontalL },
  body: { maxHeight: "calc(100vh - 48px)" },
  content: { overflowY: "auto", overflowWrap: "anywhere" },
});

export interface RemoveDialogProps {
  open: boolean;
  onRemove: () => void;
  onCancel: () => void;
}

export default function RemoveDialog({ open, onRemove, onCancel }: RemoveDialogProps) {
  const contentId = useId();
  const styles = useStyles();
  const cancel = useRef<HTMLButtonElement>(null);
  // Focus starts on Cancel, so that Enter pressed twice never removes anything. (The dialog first
  // focuses its first button; this runs after it, once the surface is there.)
  useEffect(() => {
    if (!open) return;
    const id = requestAnimationFrame(() => cancel.current?.focus());
    return () => cancelAnimationFrame(id);
  }, [open]);
  return (
    <Dialog modalType="alert" open={open} onOpenChange={(_, data) => { if (!data.open) onCancel(); }}>
      <DialogSurface aria-describedby={contentId} className={styles.surface}>
        <DialogBody className={styles.body}>
          <DialogTitle>Remove ARRS output?</DialogTitle>
          <DialogContent id={contentId} className={styles.content}>
            This removes only what the checker wrote: its ARRS sheets (with the saved PCN settings) and the ARRS
            columns beside your roster. Your own data is not touched.
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onRemove}>Remove</Button>
            <Button ref={cancel} onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
