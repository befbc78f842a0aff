/**
 * The fake is only worth testing against if it is as strict as Excel where the adapter could go
 * wrong: these check the fake itself.
 */
import { FakeExcel, type FakeContext } from "./fake-excel";

type Batch<T> = (context: FakeContext) => Promise<T>;
const run = <T>(excel: FakeExcel, batch: Batch<T>) => excel.run<T>(batch);

function excelWithStaff(): FakeExcel {
  const excel = new FakeExcel();
  excel.addSheet("Staff");
  excel.setValues("Staff", "A1", [["Name", "WTE"], ["Asha", 1]]);
  return excel;
}

describe("the fake Excel", () => {
  it("refuses to give a property that was not loaded, or loaded but not yet synced", async () => {
    await run(excelWithStaff(), async (context) => {
      const range = context.workbook.worksheets.getItem("Staff").getRange("A1:B2");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([["Name", "WTE"], ["Asha", 1]]);
      expect(() => range.numberFormat).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("applies queued writes only at the sync", async () => {
    const excel = excelWithStaff();
    await run(excel, async (context) => {
      context.workbook.worksheets.getItem("Staff").getRange("C1").values = [["Note"]];
      expect(excel.cell("Staff", "C1")).toBeUndefined();
      await context.sync();
      expect(excel.cell("Staff", "C1")!.value).toBe("Note");
    });
  });

  it("keeps the calls before a failure applied, and drops the rest", async () => {
    const excel = excelWithStaff();
    excel.failSync(1, "ConnectionFailure", 1);
    await expect(run(excel, async (context) => {
      const ws = context.workbook.worksheets.getItem("Staff");
      ws.getRange("C1").values = [["first"]];
      ws.getRange("D1").values = [["second"]];
      await context.sync();
    })).rejects.toMatchObject({ code: "ConnectionFailure" });
    expect(excel.cell("Staff", "C1")!.value).toBe("first");
    expect(excel.cell("Staff", "D1")).toBeUndefined();
  });

  it("turns formula-looking text into a formula unless the cell is formatted as text", async () => {
    const excel = excelWithStaff();
    await run(excel, async (context) => {
      const ws = context.workbook.worksheets.getItem("Staff");
      ws.getRange("C1:C2").values = [["=1+2"], ["@SUM(A1)"]];
      const text = ws.getRange("D1:D2");
      (text as unknown as { numberFormat: string }).numberFormat = "@";
      text.values = [["=1+2"], ["@SUM(A1)"]];
      await context.sync();
    });
    expect(excel.cell("Staff", "C1")).toMatchObject({ formula: "=1+2" });
    expect(excel.cell("Staff", "C2")).toMatchObject({ formula: "=@SUM(A1)" });
    expect(excel.cell("Staff", "D1")).toEqual({ value: "=1+2", format: "@" });
    expect(excel.cell("Staff", "D2")).toEqual({ value: "@SUM(A1)", format: "@" });
  });

  it("refuses writes to a protected sheet, and a sheet deleted since it was found", async () => {
    const excel = excelWithStaff();
    excel.sheet("Staff").protected = true;
    await expect(run(excel, async (context) => {
      context.workbook.worksheets.getItem("Staff").getRange("C1").values = [["x"]];
      await context.sync();
    })).rejects.toMatchObject({ code: "AccessDenied" });
    excel.sheet("Staff").protected = false;
    excel.beforeSync(excel.syncs.length + 2, () => excel.deleteSheet("Staff"));
    await expect(run(excel, async (context) => {
      const ws = context.workbook.worksheets.getItem("Staff");
      ws.load("name");
      await context.sync();
      ws.getRange("C1").values = [["x"]];
      await context.sync();
    })).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("gives isNullObject after a sync, and refuses calls on a null object", async () => {
    await run(excelWithStaff(), async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Rota");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      missing.getRange("A1").values = [["x"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "FakeNullObjectCall" });
    });
  });

  it("records each request's size and refuses one over Excel on the web's 5 MB", async () => {
    const excel = excelWithStaff();
    await expect(run(excel, async (context) => {
      const ws = context.workbook.worksheets.getItem("Staff");
      ws.getRange("A1:A2").values = [["x".repeat(3_000_000)], ["y".repeat(3_000_000)]];
      await context.sync();
    })).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(excel.syncs[0].requestBytes).toBeGreaterThan(6_000_000);
  });

  it("complains about calls queued and never synced", async () => {
    await expect(run(excelWithStaff(), async (context) => {
      context.workbook.worksheets.getItem("Staff").getRange("C1").values = [["x"]];
    })).rejects.toThrow(/never synced/);
  });
});
