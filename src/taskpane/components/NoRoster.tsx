/**
 * No roster to check: a warning that says why and what to do, and, inside Excel, a sample roster to
 * try the checker on. Shown instead of the settings and the actions, which have nothing to act on.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentAdd20Regular } from "@fluentui/react-icons";
import type { Workspace } from "../use-workspace";
import { NO_ROSTER_SHEET, type PaneSnapshot } from "../views";
import { useSharedStyles } from "./styles";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", alignItems: "flex-start", rowGap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
});

/** Why no roster can be checked, and what to do: the reader's words for the chosen sheet or the workbook. */
export function noRosterReason(snapshot: PaneSnapshot): string {
  return snapshot.roster?.problem ?? snapshot.rosterProblem ?? NO_ROSTER_SHEET;
}

export function NoRoster({ workspace, snapshot }: { workspace: Workspace; snapshot: PaneSnapshot }) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const chosen = snapshot.roster !== null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{chosen ? `"${snapshot.roster!.sheetName}" cannot be checked as a roster` : "No staff roster found in this workbook"}</MessageBarTitle>
        <span>{noRosterReason(snapshot)}</span>
        {workspace.canInsertSample && !chosen && (
          <>
            <span className={shared.text}>To see how it works first, insert a sample roster of twelve made-up staff.</span>
            <Button icon={<DocumentAdd20Regular />} disabledFocusable={workspace.busy !== null} onClick={() => void workspace.insertSample()}>
              Insert sample roster
            </Button>
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
