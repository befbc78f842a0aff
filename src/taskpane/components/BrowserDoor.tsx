/**
 * Outside Excel: "Open a workbook" (an .xlsx read in this tab, never uploaded), then the same
 * workspace as inside Excel, plus "Download checked workbook".
 */
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, tokens } from "@fluentui/react-components";
import { useCallback, useId, useRef, useState, type ChangeEvent } from "react";
import type { CheckRunner } from "../check-job";
import { userMessageOf } from "../messages";
import { openWorkbookFile, saveBlob, type OpenedFile } from "../file-door";
import { useSharedStyles } from "./styles";
import { WorkspaceView } from "./WorkspaceView";

const useStyles = makeStyles({
  open: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    overflowWrap: "anywhere",
  },
  label: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  input: {
    maxWidth: "100%",
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    "::file-selector-button": {
      marginRight: tokens.spacingHorizontalM,
      paddingTop: tokens.spacingVerticalXS,
      paddingBottom: tokens.spacingVerticalXS,
      paddingLeft: tokens.spacingHorizontalM,
      paddingRight: tokens.spacingHorizontalM,
      borderRadius: tokens.borderRadiusMedium,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      backgroundColor: tokens.colorNeutralBackground1,
      color: tokens.colorNeutralForeground1,
      fontFamily: "inherit",
      fontWeight: tokens.fontWeightSemibold,
      cursor: "pointer",
    },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "2px",
      borderRadius: tokens.borderRadiusMedium,
    },
  },
});

export interface BrowserDoorProps {
  openFile?: (file: File, options?: { runner?: CheckRunner }) => Promise<OpenedFile>;
  /** Where checks run (a Web Worker in the built pane). */
  runner?: CheckRunner;
}

export function BrowserDoor({ openFile = openWorkbookFile, runner }: BrowserDoorProps) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const inputId = useId();
  const hintId = useId();
  const headingId = useId();
  const [opened, setOpened] = useState<{ file: OpenedFile; key: number } | null>(null);
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<{ fileName: string; message: string } | null>(null);
  const counter = useRef(0);

  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setOpening(true);
    setError(null);
    try {
      const next = await openFile(file, { runner });
      counter.current += 1;
      setOpened({ file: next, key: counter.current });
    } catch (caught) {
      setError({ fileName: file.name, message: userMessageOf(caught) });
    } finally {
      setOpening(false);
    }
  };

  const current = opened?.file;
  const download = useCallback(async () => {
    if (!current) return "";
    saveBlob(await current.toBlob(), current.downloadName);
    return current.downloadName;
  }, [current]);

  return (
    <>
      <section className={shared.section} aria-labelledby={headingId}>
        <h2 id={headingId} className={shared.heading}>Workbook</h2>
        <label htmlFor={inputId} className={styles.label}>Open a workbook (.xlsx)</label>
        <input
          id={inputId}
          className={styles.input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={hintId}
          onChange={onChange}
        />
        {current && <p className={styles.open} data-testid="open-file">Open: <strong>{current.fileName}</strong></p>}
        <p id={hintId} className={shared.muted}>
          {current
            ? "Read in this tab: nothing is uploaded, and your file is not changed."
            : "Choose the workbook that holds your ARRS staff roster. It is read here, in this browser tab: nothing is uploaded."}
        </p>
        {opening && <Spinner size="tiny" label="Opening the workbook…" />}
        {error && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>&quot;{error.fileName}&quot; could not be opened.</MessageBarTitle>
              {error.message}
              {current ? ` The workbook still open below is "${current.fileName}".` : ""}
            </MessageBarBody>
          </MessageBar>
        )}
      </section>
      {current && opened && <WorkspaceView key={opened.key} controller={current.controller} download={download} />}
    </>
  );
}
