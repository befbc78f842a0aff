/**
 * The check in its Web Worker, in Node: check.worker.ts loaded into a stand-in worker scope, joined to
 * worker-runner.ts by messages that are structured-cloned as a browser clones them. The worker reads
 * the workbook only through the main thread's port, reports progress, returns the same view and
 * output as a check in this thread, says a workbook's problem in the pane's words, and when the
 * worker cannot run the check runs in this thread instead.
 */
import { runCheckJob } from "../../src/taskpane/check-job";
import { TaskpaneController } from "../../src/taskpane/controller";
import { workerCheckRunner } from "../../src/taskpane/worker-runner";
import { emptyWorkbook, sampleWorkbook, spyPort } from "./port";

type Listener = (event: { data: unknown; preventDefault?: () => void }) => void;

/**
 * A message as the other side gets it. structuredClone proves it can be sent (it throws on a function
 * or a class it cannot copy); the copy handed on is made here, because Node's clone makes its Dates in
 * Node's realm, which jest's sandbox does not take for Dates.
 */
function sent<T>(data: T): T {
  structuredClone(data);
  const copy = (value: unknown): unknown => {
    if (value instanceof Date) return new Date(value.getTime());
    if (Array.isArray(value)) return value.map(copy);
    if (value && typeof value === "object") {
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
    }
    return value;
  };
  return copy(data) as T;
}

/** A Worker whose other end is check.worker.ts, run in this process; every message is cloned. */
function fakeWorker(): Worker {
  const listeners = new Map<string, Set<Listener>>();
  const scope = { postMessage: (data: unknown) => setTimeout(() => listeners.get("message")?.forEach((l) => l({ data: sent(data) }))), onmessage: null as null | ((e: { data: unknown }) => void) };
  const previous = (globalThis as { self?: unknown }).self;
  (globalThis as { self?: unknown }).self = scope;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("../../src/taskpane/check.worker");
  });
  (globalThis as { self?: unknown }).self = previous;
  return {
    postMessage: (data: unknown) => setTimeout(() => scope.onmessage?.({ data: sent(data) })),
    addEventListener: (type: string, l: Listener) => { if (!listeners.has(type)) listeners.set(type, new Set()); listeners.get(type)!.add(l); },
    removeEventListener: (type: string, l: Listener) => listeners.get(type)?.delete(l),
    terminate: () => undefined,
  } as unknown as Worker;
}

const request = { today: "2025-11-21", output: true };

test("the worker checks the sample through the main thread's reads, with progress, and returns what a check here returns", async () => {
  const port = spyPort(await sampleWorkbook());
  const start = jest.fn(fakeWorker);
  const runner = workerCheckRunner(start);
  const heard: string[] = [];
  const run = await runner(port, request, (text) => heard.push(text));
  const here = await runCheckJob(spyPort(await sampleWorkbook()), request);
  expect(run.view).toEqual(here.view);
  expect(run.output).toEqual(here.output);
  expect(port.readSheet).toHaveBeenCalled();
  expect(port.write).not.toHaveBeenCalled();
  expect(heard[0]).toBe("Checking the roster: reading the workbook…");
  expect(heard).toContain("Checking the roster: preparing the results…");
  // The worker is started once and kept.
  await runner(port, request);
  expect(start).toHaveBeenCalledTimes(1);
});

test("through the controller: Write claim summary writes on the main thread what the worker worked out", async () => {
  const port = spyPort(await sampleWorkbook());
  const controller = new TaskpaneController(port, { today: () => "2025-11-21", runner: workerCheckRunner(fakeWorker) });
  const report = await controller.writeSummary();
  expect(port.write).toHaveBeenCalledTimes(1);
  expect(report.sheets).toEqual(["ARRS Claim Summary", "ARRS Claim Lines", "ARRS Settings"]);
});

test("a workbook the pipeline cannot check: the worker's sentence, as the pane shows it", async () => {
  const runner = workerCheckRunner(fakeWorker);
  await expect(runner(spyPort(emptyWorkbook()), request)).rejects.toMatchObject({ userMessage: expect.stringMatching(/roster/i) });
});

test("a worker that cannot start, or fails, leaves the check to this thread", async () => {
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  const refused = workerCheckRunner(() => { throw new Error("refused by policy"); });
  expect((await refused(spyPort(await sampleWorkbook()), request)).view.staffRows).toBe(21);

  const listeners: Listener[] = [];
  const dying = {
    postMessage: () => setTimeout(() => listeners.forEach((l) => l({ data: undefined, preventDefault: () => undefined }))),
    addEventListener: (type: string, l: Listener) => { if (type === "error") listeners.push(l); },
    removeEventListener: () => undefined,
    terminate: jest.fn(),
  } as unknown as Worker;
  const runner = workerCheckRunner(() => dying);
  expect((await runner(spyPort(await sampleWorkbook()), request)).view.staffRows).toBe(21);
  expect(dying.terminate).toHaveBeenCalled();
  warn.mockRestore();
});
