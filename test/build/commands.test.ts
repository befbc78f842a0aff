/**
 * src/commands/commands.ts wired to a stand-in Office: the Claim summary handler is associated once
 * Office is ready, always calls event.completed(), shows its notice in commands.html, and tells the
 * task pane when it has written. The Excel adapter is replaced by the ExcelJS workbook.
 */
import { readFileSync } from "node:fs";
import { CLAIM_SUMMARY_ACTION, WORKBOOK_WRITTEN_EVENT } from "../../src/commands/claim-summary";
import { readNoticeQuery } from "../../src/commands/notice-message";
import { FileWorkbook } from "../helpers/file-workbook";
import { fixture, SAMPLE } from "../helpers/workbooks";

type Handler = (event: { completed: () => void }) => Promise<void>;

interface Harness {
  handler: Handler;
  dialogs: string[];
  showAsTaskpane: jest.Mock;
  dispatched: Event[];
}

/** Loads commands.ts afresh with a stand-in Office and window; `workbook` is what `new OfficeWorkbook()` gives. */
function loadCommands(workbook: () => unknown): Harness {
  const associate = jest.fn();
  const dialogs: string[] = [];
  const showAsTaskpane = jest.fn(async () => undefined);
  const dispatched: Event[] = [];
  const globals = globalThis as unknown as Record<string, unknown>;
  globals.window = { location: { href: "https://localhost:3000/taskpane.html" }, dispatchEvent: (e: Event) => { dispatched.push(e); return true; } };
  globals.Office = {
    onReady: (callback: (info: unknown) => void) => { callback({ host: "Excel", platform: "PC" }); return Promise.resolve(); },
    actions: { associate },
    addin: { showAsTaskpane },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived" },
    context: {
      ui: {
        displayDialogAsync: (url: string, _options: unknown, callback: (result: unknown) => void) => {
          dialogs.push(url);
          callback({ status: "succeeded", value: { addEventHandler: () => undefined, close: () => undefined } });
        },
      },
    },
  };
  jest.isolateModules(() => {
    jest.doMock("../../src/workbook/office-workbook", () => ({ OfficeWorkbook: function OfficeWorkbook() { return workbook(); } }), { virtual: true });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("../../src/commands/commands");
  });
  expect(associate).toHaveBeenCalledTimes(1);
  expect(associate.mock.calls[0][0]).toBe(CLAIM_SUMMARY_ACTION);
  return { handler: associate.mock.calls[0][1] as Handler, dialogs, showAsTaskpane, dispatched };
}

afterEach(() => {
  const globals = globalThis as unknown as Record<string, unknown>;
  delete globals.Office;
  delete globals.window;
});

test("Write claim summary on a workbook with settings: writes, shows the notice dialog, tells the pane, completes", async () => {
  const workbook = await FileWorkbook.fromBuffer(readFileSync(SAMPLE));
  const { handler, dialogs, showAsTaskpane, dispatched } = loadCommands(() => workbook);
  const completed = jest.fn();

  await handler({ completed });

  expect(completed).toHaveBeenCalledTimes(1);
  expect(showAsTaskpane).not.toHaveBeenCalled();
  expect(await workbook.sheetNames()).toContain("ARRS Claim Summary");
  expect(dialogs).toHaveLength(1);
  const url = new URL(dialogs[0]);
  expect(url.origin + url.pathname).toBe("https://localhost:3000/commands.html");
  expect(readNoticeQuery(url.search)).toMatchObject({ kind: "attention", title: expect.stringMatching(/^Claim summary written: \d+ errors? to fix$/) });
  expect(dispatched.map((e) => e.type)).toEqual([WORKBOOK_WRITTEN_EVENT]);
});

test("Claim summary on a workbook without settings: opens the task pane and completes", async () => {
  const workbook = await FileWorkbook.fromBuffer(readFileSync(fixture("minimal-2024-25.xlsx")));
  const { handler, dialogs, showAsTaskpane, dispatched } = loadCommands(() => workbook);
  const completed = jest.fn();

  await handler({ completed });

  expect(showAsTaskpane).toHaveBeenCalledTimes(1);
  expect(dialogs).toEqual([]);
  expect(dispatched).toEqual([]);
  expect(completed).toHaveBeenCalledTimes(1);
});

test("completes even when the workbook cannot be reached at all", async () => {
  const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const { handler } = loadCommands(() => { throw new Error("Excel is busy"); });
  const completed = jest.fn();

  await handler({ completed });

  expect(completed).toHaveBeenCalledTimes(1);
  expect(error).toHaveBeenCalled();
  error.mockRestore();
});
