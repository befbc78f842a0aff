/**
 * Opens the results when some roles have no maximum on record for the year: one sentence, and a button
 * that adds the year's rates sheet to the workbook (inside Excel, selecting its first blank cell; in a
 * browser tab, into the copy the user downloads). What it did is shown below it.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { TableAdd20Regular } from "@fluentui/react-icons";
import type { MissingRatesView } from "../rates-view";
import type { Workspace } from "../use-workspace";
import { useSharedStyles } from "./styles";

const useStyles = makeStyles({
  body: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
});

export function MissingRates({ workspace, missing }: { workspace: Workspace; missing: MissingRatesView }) {
  const shared = useSharedStyles();
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>Maximum amounts missing for {missing.financialYear}</MessageBarTitle>
        <span>{missing.sentence}</span>
        {workspace.canInsertRates && (
          <Button
            icon={<TableAdd20Regular />}
            disabledFocusable={workspace.busy !== null}
            onClick={() => void workspace.insertRates(missing.financialYear)}
          >
            {missing.button}
          </Button>
        )}
        {workspace.ratesMessage && <span className={shared.text}>{workspace.ratesMessage}</span>}
      </MessageBarBody>
    </MessageBar>
  );
}
