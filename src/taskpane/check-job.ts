/**
 * One check as the pane runs it, wherever it runs (in a Web Worker, or in this thread where there is
 * none): read through a WorkbookPort, run the pipeline, and turn the result into the pane's view and
 * the output to write. Writes nothing. A workbook the pipeline cannot check throws a PaneError with
 * its message.
 */
import type { IsoDate } from "../common/dates";
import type { WorkbookOutput } from "../report/types";
import type { WorkbookPort } from "../workbook/types";
import { PaneError } from "./messages";
import type { CheckView } from "./views";

export interface CheckRequest {
  sheet?: string;
  today: IsoDate;
  /**
   * Also return the output to write. Only a write asks for it: for a long roster it is the larger
   * part of the result, and copying it back from the worker would hold up the pane.
   */
  output?: boolean;
}

export interface CheckRun {
  view: CheckView;
  /** The output to write; null unless the request asked for it. */
  output: WorkbookOutput | null;
}

/** Runs a check over a port; `progress` hears a sentence at each stage. */
export type CheckRunner = (port: WorkbookPort, request: CheckRequest, progress?: (text: string) => void) => Promise<CheckRun>;

export const PROGRESS = {
  reading: "Checking the roster: reading the workbook…",
  checking: "Checking the roster: checking the rows…",
  results: "Checking the roster: preparing the results…",
} as const;

export const runCheckJob: CheckRunner = async (port, request, progress = () => undefined) => {
  progress(PROGRESS.reading);
  const [{ checkWorkbook }, { PANE_WORDS }, { checkView }] = await Promise.all([
    import("../pipeline/check-workbook"), import("../pipeline/door-words"), import("./check-view"),
  ]);
  const checked = await checkWorkbook(port, { sheet: request.sheet, words: PANE_WORDS, today: request.today });
  if (checked.kind === "problem") throw new PaneError(checked.message);
  progress(PROGRESS.results);
  return { view: checkView(checked), output: request.output ? checked.output : null };
};
