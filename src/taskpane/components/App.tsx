/**
 * The pane: a FluentProvider whose theme follows Office (or the browser), a heading, and one of two
 * doors. Inside Excel the workspace works on the open workbook; in a browser tab the user opens an
 * .xlsx file first, and downloads the checked copy.
 */
import { FluentProvider, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { CheckRunner } from "../check-job";
import type { TaskpaneController } from "../controller";
import type { OpenedFile } from "../file-door";
import type { ThemeName, ThemeSource } from "../theme";
import { BrowserDoor } from "./BrowserDoor";
import { WorkspaceView } from "./WorkspaceView";

export type AppProps =
  | { mode: "excel"; controller: TaskpaneController; themeSource: ThemeSource }
  | { mode: "browser"; openFile?: (file: File, options?: { runner?: CheckRunner }) => Promise<OpenedFile>; runner?: CheckRunner; themeSource: ThemeSource };

const useStyles = makeStyles({
  provider: {
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  main: {
    boxSizing: "border-box",
    maxWidth: "640px",
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalXXL,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    // At 200% zoom a 320 px pane is 160 px wide: every pixel goes to the content.
    "@media (max-width: 240px)": { paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  intro: {
    marginTop: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalM,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
});

export function useThemeName(source: ThemeSource): ThemeName {
  const [theme, setTheme] = useState<ThemeName>(() => source.current());
  useEffect(() => {
    setTheme(source.current());
    return source.subscribe(setTheme);
  }, [source]);
  return theme;
}

export function App(props: AppProps) {
  const styles = useStyles();
  const theme = useThemeName(props.themeSource);
  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} className={styles.provider} data-theme={theme}>
      <main className={styles.main}>
        <h1 className={styles.title}>ARRS checker</h1>
        <p className={styles.intro}>
          Checks your Additional Roles Reimbursement Scheme staff roster row by row, and works out what you can claim.
        </p>
        {props.mode === "excel"
          ? <WorkspaceView controller={props.controller} />
          : <BrowserDoor openFile={props.openFile} runner={props.runner} />}
      </main>
    </FluentProvider>
  );
}
