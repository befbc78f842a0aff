/**
 * The check, off the pane's main thread, so that a long roster never freezes the pane: the pipeline
 * and the engine run here; the workbook stays with the main thread (Office.js must stay there, and in
 * a browser tab the file is held there too), which answers this worker's reads (sheet names, a
 * sheet's grid) one message at a time. The result comes back as plain data: the pane's view and the
 * output for the main thread to write.
 *
 * Messages: see worker-protocol.ts.
 */
import type { Grid } from "../common/grid";
import type { WorkbookPort } from "../workbook/types";
import { PROGRESS, runCheckJob } from "./check-job";
import { userMessageOf } from "./messages";
import type { FromWorker, ToWorker } from "./worker-protocol";

const scope = self as unknown as { postMessage(message: FromWorker): void; onmessage: ((event: MessageEvent<ToWorker>) => void) | null };

let nextRead = 0;
const pendingReads = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();

function ask<T>(job: number, read: { method: "sheetNames" } | { method: "readSheet"; name: string }): Promise<T> {
  const readId = ++nextRead;
  return new Promise<T>((resolve, reject) => {
    pendingReads.set(readId, { resolve: resolve as (value: unknown) => void, reject });
    scope.postMessage({ type: "read", job, readId, ...read });
  });
}

/** A read-only port over the main thread's workbook. */
function remotePort(job: number, progress: (text: string) => void): WorkbookPort {
  const refuse = () => Promise.reject(new Error("The check does not write."));
  let reads = 0;
  return {
    sheetNames: () => ask<string[]>(job, { method: "sheetNames" }),
    readSheet: (name: string) => {
      if (++reads > 1) progress(PROGRESS.checking);
      return ask<Grid>(job, { method: "readSheet", name });
    },
    write: refuse,
    removeOutput: refuse,
  };
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === "read-result") {
    const pending = pendingReads.get(message.readId);
    pendingReads.delete(message.readId);
    if (!pending) return;
    if (message.ok) pending.resolve(message.value);
    else pending.reject(Object.assign(new Error(message.message), { userMessage: message.message }));
    return;
  }
  if (message.type === "check") {
    const { job } = message;
    const progress = (text: string) => scope.postMessage({ type: "progress", job, text });
    runCheckJob(remotePort(job, progress), { sheet: message.sheet, today: message.today, output: message.output }, progress)
      .then((run) => scope.postMessage({ type: "done", job, run }))
      .catch((error: unknown) => scope.postMessage({ type: "failed", job, message: userMessageOf(error) }));
  }
};
