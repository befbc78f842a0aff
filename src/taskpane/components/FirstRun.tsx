/** First run: no settings and no roster yet. What the checker does, and a sample roster to try it on. */
import { Button } from "@fluentui/react-components";
import { DocumentAdd20Regular } from "@fluentui/react-icons";
import { useId } from "react";
import type { Workspace } from "../use-workspace";
import { useSharedStyles } from "./styles";

export function FirstRun({ workspace }: { workspace: Workspace }) {
  const shared = useSharedStyles();
  const headingId = useId();
  return (
    <section className={shared.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={shared.heading}>Getting started</h2>
      <p className={shared.text}>
        No ARRS staff roster was found in this workbook. The checker looks for a sheet with a header row
        naming each person's role or job title, and at least two of: name, WTE or hours, start date, salary.
      </p>
      <p className={shared.text}>
        It then tells you, row by row, what can be claimed each month, what is wrong or missing and what to
        do about it. It writes only its own columns and sheets, and can remove them again.
      </p>
      {workspace.canInsertSample ? (
        <>
          <p className={shared.text}>To see how it works, insert a sample roster of twelve made-up staff.</p>
          <div className={shared.buttonRow}>
            <Button
              appearance="primary"
              icon={<DocumentAdd20Regular />}
              disabledFocusable={workspace.busy !== null}
              onClick={() => void workspace.insertSample()}
            >
              Insert sample roster
            </Button>
          </div>
        </>
      ) : (
        <p className={shared.text}>Open a workbook that holds your roster, or add the headers above your staff list.</p>
      )}
    </section>
  );
}
