/**
 * The task pane's state: what the workbook holds (the snapshot), what is running, the last check and
 * what to announce. Components render it and call its actions; the actions call the controller.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { RequestedSettings } from "../pipeline/settings";
import type { ColumnChanges } from "../pipeline/store-settings";
import type { TaskpaneController } from "./controller";
import { userMessageOf } from "./messages";
import type { SettingsForm } from "./settings-form";
import type { CheckView, FindingView, PaneSnapshot } from "./views";

export type BusyKind = "load" | "check" | "write" | "remove" | "settings" | "columns" | "sample" | "download" | "select" | "rates";

export const BUSY_TEXT: Record<BusyKind, string> = {
  load: "Reading the workbook…",
  check: "Checking the roster…",
  write: "Writing the claim summary…",
  remove: "Removing the ARRS output…",
  settings: "Saving the settings…",
  columns: "Saving the columns…",
  sample: "Inserting the sample roster…",
  download: "Preparing the download…",
  select: "Selecting the row…",
  rates: "Adding the rates sheet…",
};

export interface WorkspaceOptions {
  /** Browser door: saves the workbook as it now is; returns the file name given to the download. */
  download?: () => Promise<string>;
}

export function useWorkspace(controller: TaskpaneController, options: WorkspaceOptions = {}) {
  const [snapshot, setSnapshot] = useState<PaneSnapshot | null>(null);
  const [busy, setBusy] = useState<BusyKind | null>("load");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [check, setCheck] = useState<CheckView | null>(null);
  const [announcement, setAnnouncement] = useState("");
  /** What adding the rates sheet did, shown beside its button in the results. */
  const [ratesMessage, setRatesMessage] = useState<string | null>(null);
  /** Counts the checks the user asked for: the results take focus on each (and not on a write). */
  const [checkCount, setCheckCount] = useState(0);
  /** What a running check says it is doing (from the worker), shown beside the spinner. */
  const [progress, setProgress] = useState<string | null>(null);
  const heard = useCallback((text: string) => { if (mounted.current) setProgress(text); }, []);
  /**
   * The settings form is open (asked for, or nothing stored yet). Counted rather than a flag, so that
   * "Change settings" in the results brings focus into a form that is already open.
   */
  const [settingsRequest, setSettingsRequest] = useState(0);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const mounted = useRef(true);
  const running = useRef(false);

  useEffect(() => {
    mounted.current = true;
    return () => { mounted.current = false; };
  }, []);

  const announced = useRef(0);
  const announce = useCallback((text: string) => {
    // A trailing no-break space on every other announcement changes the region's text even when the
    // sentence repeats (a second check), so that a screen reader reads it again.
    announced.current += 1;
    setAnnouncement(announced.current % 2 ? text : `${text}\u00a0`);
  }, []);

  const run = useCallback(async <T,>(kind: BusyKind, task: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(kind);
    setError(null);
    if (kind !== "select") setNotice(null);
    try {
      return await task();
    } catch (caught) {
      const message = userMessageOf(caught);
      if (mounted.current) {
        setError(message);
        announce(message);
      }
      return undefined;
    } finally {
      running.current = false;
      if (mounted.current) {
        setBusy(null);
        setProgress(null);
      }
    }
  }, [announce]);

  const sheet = snapshot?.roster?.sheetName;

  const reload = useCallback(async (name?: string) => {
    const next = await controller.load(name);
    if (mounted.current) setSnapshot(next);
    return next;
  }, [controller]);

  useEffect(() => {
    void run("load", () => reload());
  }, [run, reload]);

  const finish = (message: string) => {
    if (!mounted.current) return;
    setNotice(message);
    announce(message);
  };

  return {
    snapshot,
    busy,
    error,
    notice,
    check,
    announcement,
    progress,
    canSelectRows: controller.canSelectRows,
    canInsertSample: controller.canInsertSample,
    canInsertRates: controller.canInsertRates,
    ratesMessage,
    checkCount,
    /** The settings form shows: asked for, or no settings stored yet (the pane's one primary button is then Save). */
    settingsEditing: settingsOpen || Boolean(snapshot && !snapshot.hasStoredSettings),
    settingsRequest,
    /** Opens the settings form and moves focus into it. */
    editSettings: () => {
      setSettingsOpen(true);
      setSettingsRequest((n) => n + 1);
    },
    closeSettings: () => setSettingsOpen(false),
    dismissError: () => setError(null),
    validate: (form: SettingsForm) => controller.validateSettings(form),
    dismissNotice: () => setNotice(null),

    retry: () => run("load", () => reload(sheet)),

    chooseSheet: (name: string) => run("load", async () => {
      setCheck(null);
      await reload(name);
    }),

    saveSettings: (settings: RequestedSettings) => run("settings", async () => {
      const message = await controller.saveSettings(settings, sheet);
      await reload(sheet);
      setCheck(null);
      finish(message);
      return true;
    }),

    saveColumns: (changes: ColumnChanges) => run("columns", async () => {
      if (!sheet) return false;
      const message = await controller.saveColumns(changes, sheet);
      await reload(sheet);
      setCheck(null);
      finish(message);
      return true;
    }),

    checkRoster: () => run("check", async () => {
      const view = await controller.check(sheet, heard);
      if (!mounted.current) return;
      setCheck(view);
      setCheckCount((n) => n + 1);
      setRatesMessage(null);
      announce(view.headline);
    }),

    writeSummary: () => run("write", async () => {
      const report = await controller.writeSummary(sheet, heard);
      if (!mounted.current) return;
      setCheck(report.check);
      await reload(sheet);
      finish(report.message);
    }),

    removeOutput: () => run("remove", async () => {
      const report = await controller.removeOutput();
      if (!mounted.current) return;
      setCheck(null);
      await reload(sheet);
      finish(report.message);
    }),

    insertSample: () => run("sample", async () => {
      const name = await controller.insertSample();
      await reload(name);
      finish(`Inserted the sheet "${name}": twelve made-up staff, two of them with a deliberate mistake. Choose "Check roster" to see what the checker finds.`);
    }),

    insertRates: (financialYear: string) => run("rates", async () => {
      const message = await controller.insertRatesSheet(financialYear);
      if (!mounted.current) return;
      setRatesMessage(message);
      announce(message);
    }),

    selectFinding: (finding: FindingView) => run("select", () => controller.selectRow(finding)),

    download: options.download
      ? () => run("download", async () => {
        // "Download checked workbook" is the browser's one action: the check's columns and sheets are
        // written into the copy in this tab, then the copy is handed to the browser to save.
        const report = await controller.writeSummary(sheet, heard);
        if (mounted.current) setCheck(report.check);
        const name = await options.download!();
        finish(`Downloaded "${name}": your roster with the ARRS columns beside it and the ${report.sheets.map((s) => `"${s}"`).join(", ").replace(/, ([^,]*)$/, " and $1")} sheets. Your own file is not changed; nothing was uploaded.`);
      })
      : undefined,
  };
}

export type Workspace = ReturnType<typeof useWorkspace>;
