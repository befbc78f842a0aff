/** The messages between the pane's main thread and check.worker.ts. */
import type { IsoDate } from "../common/dates";
import type { CheckRun } from "./check-job";

export type ToWorker =
  | { type: "check"; job: number; sheet?: string; today: IsoDate; output?: boolean }
  | { type: "read-result"; readId: number; ok: true; value: unknown }
  | { type: "read-result"; readId: number; ok: false; message: string };

export type FromWorker =
  | { type: "read"; job: number; readId: number; method: "sheetNames" }
  | { type: "read"; job: number; readId: number; method: "readSheet"; name: string }
  | { type: "progress"; job: number; text: string }
  | { type: "done"; job: number; run: CheckRun }
  | { type: "failed"; job: number; message: string };
