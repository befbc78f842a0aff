/**
 * functions.ts, the layer Excel calls, with office.js's globals faked: results are matrices, typed
 * errors become CustomFunctions.Error (#VALUE! / #N/A with the message), MAXREIMB reads the workbook's
 * rate sheet through the Office adapter once, a change to that sheet refreshes it and recalculates,
 * and nothing is written to the workbook.
 */
import type { Grid } from "../../src/common/grid";

/** What the fake workbook holds; the Office adapter is replaced by one that reads from here. */
const mockWorkbook = {
  sheets: [] as { id: string; name: string; grid: Grid }[],
  reads: [] as string[],
  failReads: false,
};

jest.mock("../../src/workbook/office-workbook", () => ({
  OfficeWorkbook: class {
    async readSheet(name: string): Promise<Grid> {
      mockWorkbook.reads.push(name);
      if (mockWorkbook.failReads) throw new Error("The workbook is busy");
      return mockWorkbook.sheets.find((s) => s.name === name)!.grid;
    }
  },
  toUserMessage: (error: unknown) => (error instanceof Error ? error.message : String(error)),
}));

import * as functions from "../../src/functions/functions";

class FakeFunctionError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message);
  }
}

type Handler = (event: Record<string, string>) => Promise<void>;
const handlers: Record<string, Handler> = {};
const calculations: string[] = [];
const calls: string[] = [];

/** A request context with only what the functions may use: listing sheets, events, recalculating. */
function fakeContext() {
  const events = (name: string) => ({ add: (handler: Handler) => { calls.push(`on${name}.add`); handlers[name] = handler; } });
  return {
    workbook: {
      worksheets: {
        load: (what: string) => calls.push(`worksheets.load(${what})`),
        get items() { return mockWorkbook.sheets.map(({ id, name }) => ({ id, name })); },
        onChanged: events("Changed"),
        onAdded: events("Added"),
        onDeleted: events("Deleted"),
        onNameChanged: events("NameChanged"),
      },
      application: { calculate: (type: string) => { calls.push(`calculate(${type})`); calculations.push(type); } },
    },
    sync: async () => undefined,
  };
}

const globals = globalThis as Record<string, unknown>;
globals.CustomFunctions = { Error: FakeFunctionError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } };
globals.Office = { context: { requirements: { isSetSupported: () => true } } };
globals.Excel = { run: async (batch: (context: unknown) => Promise<unknown>) => batch(fakeContext()), CalculationType: { full: "Full" } };

function rateSheet(amount: number): Grid {
  return { sheetName: "ARRS max reimb 25-26", firstRow: 1, firstColumn: 1, values: [["Role", "National"], ["Care co-ordinator", amount]] };
}

mockWorkbook.sheets = [
  { id: "{1}", name: "Roster", grid: { sheetName: "Roster", firstRow: 1, firstColumn: 1, values: [["Name"]] } },
  { id: "{2}", name: "ARRS max reimb 25-26", grid: rateSheet(36000) },
];

function expectExcelError(value: unknown, code: string, message: RegExp): void {
  expect(value).toBeInstanceOf(FakeFunctionError);
  expect((value as FakeFunctionError).code).toBe(code);
  expect((value as FakeFunctionError).message).toMatch(message);
}

describe("the functions Excel calls", () => {
  test("MAXREIMB uses the workbook's rate sheet, read once; results are matrices with errors per cell", async () => {
    expect(await functions.maxReimb([["Care Co-ordinator"]], [["01/06/2025"]])).toEqual([[36000]]);
    const result = await functions.maxReimb([["Clin Pharm"], ["Clin Pharmacy"], ["Care Co-ordinator"]], [["01/06/2025"]], undefined);
    expect(result[0]).toEqual([66972]);
    expectExcelError(result[1][0], "#VALUE!", /^'Clin Pharmacy' is not an ARRS role; see =ARRS\.ROLES\(\)$/);
    expect(result[2]).toEqual([36000]);
    expect(mockWorkbook.reads).toEqual(["ARRS max reimb 25-26"]);
    expect(Object.keys(handlers).sort()).toEqual(["Added", "Changed", "Deleted", "NameChanged"]);
  });

  test("no figure on record is #N/A with why", async () => {
    const [[cell]] = await functions.maxReimb([["MHP"]], [["01/06/2024"]]);
    expectExcelError(cell, "#N/A", /^No maximum is on record for Mental Health Practitioner on 01\/06\/2024 \(national\); add it to an ARRS max reimb sheet\.$/);
  });

  test("an edit to the rate sheet refreshes MAXREIMB and recalculates the workbook once", async () => {
    mockWorkbook.sheets[1].grid = rateSheet(37000);
    await handlers.Changed({ worksheetId: "{2}" });
    await handlers.Changed({ worksheetId: "{2}" });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(calculations).toEqual(["Full"]);
    expect(await functions.maxReimb([["Care Co-ordinator"]], [["01/06/2025"]])).toEqual([[37000]]);
    await handlers.Changed({ worksheetId: "{1}" });
    expect(mockWorkbook.reads.filter((r) => r.startsWith("ARRS")).length).toBeLessThanOrEqual(3);
  });

  test("the other functions return matrices; mismatched ranges are one #VALUE! for the call", async () => {
    expect(await functions.cap([["ANP"]], [[99999], [100000]], [["01/06/2023"]])).toEqual([[3], [6]]);
    expect(await functions.eligible([["GP"]], [["30/09/2024", "01/10/2024"]])).toEqual([[false, true]]);
    expect(await functions.role([["FCP physio"]])).toEqual([["First Contact Physiotherapist"]]);
    expect(await functions.roles("01/07/2019")).toEqual([["Clinical Pharmacist"], ["Social Prescribing Link Worker"]]);
    expect(await functions.entitlement([[61532]], [["2025/26"]])).toEqual([[26.631 * 61532]]);
    expect((await functions.source([["Clin Pharm"]], [["01/04/2025"]]))[0][0]).toMatch(/Table 2.*published/);
    expect(await functions.claim([["Care Co-ordinator"]], [[40000]], [[1]], [["01/04/2025"]], undefined, [["2025/26"]])).toEqual([[37000]]);
    const months = await functions.monthly([["Care Co-ordinator"]], [[40000]], [[1]], [["01/04/2025"]], undefined, [["2025/26"]]);
    expect(months).toHaveLength(1);
    expect(months[0]).toHaveLength(12);
    await expect(functions.cap([["ANP"], ["ANP"]], [[1], [2], [3]])).rejects.toThrow(FakeFunctionError);
    await expect(functions.roles("30/06/2019")).rejects.toThrow(/began on 01\/07\/2019/);
    expect(functions.version()).toBe(functions.ADDIN_VERSION);
  });

  test("a missing date is today, taken from the computer's clock", async () => {
    const [[eligibleToday]] = await functions.eligible([["Clin Pharm"]]);
    expect(eligibleToday).toBe(true);
  });

  test("nothing was written: only sheet names, events and recalculation were asked of Excel", () => {
    const kinds = new Set(calls.map((c) => c.replace(/\(.*\)$/, "")));
    expect([...kinds].sort()).toEqual(["calculate", "onAdded.add", "onChanged.add", "onDeleted.add", "onNameChanged.add", "worksheets.load"]);
  });

  test("a rate sheet that cannot be read is #N/A for the call, and tried again next time", async () => {
    mockWorkbook.failReads = true;
    mockWorkbook.sheets[1].grid = rateSheet(38000);
    await handlers.Changed({ worksheetId: "{2}" });
    await expect(functions.maxReimb([["Care Co-ordinator"]], [["01/06/2025"]])).rejects.toMatchObject({ code: "#N/A", message: expect.stringMatching(/could not be read \(The workbook is busy\); recalculate to try again/) });
    mockWorkbook.failReads = false;
    expect(await functions.maxReimb([["Care Co-ordinator"]], [["01/06/2025"]])).toEqual([[38000]]);
  });
});
