/**
 * "Remove ARRS output?": an alert dialog (focus kept inside it, Escape cancels). Loaded when the user
 * first asks to remove, so the pane's first load does not carry it; it then stays mounted and only
 * opens and closes, so that Fluent can undo what it did to the rest of the page while it was open.
 */
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle,
} from "@fluentui/react-components";
import { useId } from "react";

export interface RemoveDialogProps {
  open: boolean;
  onRemove: () => void;
  onCancel: () => void;
}

export default function RemoveDialog({ open, onRemove, onCancel }: RemoveDialogProps) {
  const contentId = useId();
  return (
    <Dialog modalType="alert" open={open} onOpenChange={(_, data) => { if (!data.open) onCancel(); }}>
      <DialogSurface aria-describedby={contentId}>
        <DialogBody>
          <DialogTitle>Remove ARRS output?</DialogTitle>
          <DialogContent id={contentId}>
            This removes only what the checker wrote: the ARRS Claim Summary, ARRS Claim Lines and ARRS Settings
            sheets, and the ARRS columns beside your roster. Your saved PCN settings and column choices go with
            them. Your own data is not touched.
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onRemove}>Remove</Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
