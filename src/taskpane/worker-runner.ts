/**
 * Runs checks in check.worker.ts: the main thread only answers the worker's reads through the port
 * (Office.js calls, or the file in this tab) and hears its progress; the pipeline's work is the
 * worker's. One worker is started on the first check and kept. If it cannot start or dies (a browser
 * without workers, a policy that refuses it), the check runs in this thread instead, as before.
 */
import { runCheckJob, type CheckRunner } from "./check-job";
import { PaneError, userMessageOf } from "./messages";
import type { FromWorker, ToWorker } from "./worker-protocol";

/** The worker's side of a failed check: its message is already a sentence for the user. */
class WorkerCheckError extends PaneError {}

/** The worker could not start, or stopped: the check is run in this thread instead. */
class WorkerBroken extends Error {}

export function workerCheckRunner(start: () => Worker): CheckRunner {
  let worker: Worker | null = null;
  let broken = false;
  let jobs = 0;

  return async (port, request, progress = () => undefined) => {
    if (broken) return runCheckJob(port, request, progress);
    try {
      worker ??= start();
    } catch (error) {
      broken = true;
      console.warn("ARRS checker: the check runs in the page (no worker)", error);
      return runCheckJob(port, request, progress);
    }
    const w = worker;
    const job = ++jobs;
    try {
      return await new Promise((resolve, reject) => {
        const send = (message: ToWorker) => w.postMessage(message);
        const answer = (readId: number, read: () => Promise<unknown>) => {
          read().then(
            (value) => send({ type: "read-result", readId, ok: true, value }),
            (error: unknown) => send({ type: "read-result", readId, ok: false, message: userMessageOf(error) }),
          );
        };
        const onMessage = (event: MessageEvent<FromWorker>) => {
          const m = event.data;
          if (m.job !== job) return;
          if (m.type === "read") answer(m.readId, () => (m.method === "sheetNames" ? port.sheetNames() : port.readSheet(m.name)));
          else if (m.type === "progress") progress(m.text);
          else {
            cleanup();
            if (m.type === "done") resolve(m.run);
            else reject(new WorkerCheckError(m.message));
          }
        };
        const onError = (event: Event) => {
          cleanup();
          event.preventDefault?.();
          reject(new WorkerBroken());
        };
        const cleanup = () => {
          w.removeEventListener("message", onMessage);
          w.removeEventListener("error", onError);
        };
        w.addEventListener("message", onMessage);
        w.addEventListener("error", onError);
        send({ type: "check", job, sheet: request.sheet, today: request.today, output: request.output });
      });
    } catch (error) {
      if (!(error instanceof WorkerBroken)) throw error;
      broken = true;
      worker = null;
      w.terminate();
      console.warn("ARRS checker: the worker stopped; the check runs in the page");
      return runCheckJob(port, request, progress);
    }
  };
}

/** Whether this browser can run the check in a worker. */
export const canUseWorkers = (): boolean => typeof Worker !== "undefined";

