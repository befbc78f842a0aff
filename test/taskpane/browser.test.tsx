/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * Outside Excel: the same pane opens an .xlsx chosen in the browser (read by the ExcelJS adapter, loaded
 * by a dynamic import), shows the same results with findings as plain list items, and downloads the
 * checked copy as "<name>.arrs.xlsx" from a Blob URL.
 */
import "./jsdom-layout";
import { readFileSync } from "node:fs";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/components/App";
import { downloadNameFor, openWorkbookFile } from "../../src/taskpane/file-door";
import { fixedTheme } from "../../src/taskpane/theme";
import { FileWorkbook } from "../helpers/file-workbook";
import { SAMPLE } from "./port";

const today = () => "2025-11-21";

function renderBrowserPane() {
  const user = userEvent.setup();
  render(<App mode="browser" themeSource={fixedTheme("light")} openFile={(file) => openWorkbookFile(file, { today })} />);
  return user;
}

function readBlob(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

let blobs: Blob[] = [];
let clicked: { download: string; href: string }[] = [];
beforeEach(() => {
  blobs = [];
  clicked = [];
  URL.createObjectURL = jest.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:test/${blobs.length}`;
  });
  URL.revokeObjectURL = jest.fn();
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ download: this.download, href: this.href });
  });
});
afterEach(() => jest.restoreAllMocks());

test("names the download after the file", () => {
  expect(downloadNameFor("sample-pcn-2025-26.xlsx")).toBe("sample-pcn-2025-26.arrs.xlsx");
  expect(downloadNameFor("Roster.XLSX")).toBe("Roster.arrs.xlsx");
  expect(downloadNameFor("Roster.arrs.xlsx")).toBe("Roster.arrs.xlsx");
});

test("open a workbook, check it, and download the checked copy in one step; findings are plain cards", async () => {
  const user = renderBrowserPane();
  const input = screen.getByLabelText("Open a workbook (.xlsx)") as HTMLInputElement;
  expect(input.type).toBe("file");
  expect(input.accept).toContain(".xlsx");
  expect(screen.getByText(/nothing is uploaded/)).toBeTruthy();

  await user.upload(input, new File([readFileSync(SAMPLE)], "sample-pcn-2025-26.xlsx"));
  const sheet = (await screen.findByRole("combobox", { name: "Roster sheet" }, { timeout: 20000 })) as HTMLSelectElement;
  expect(sheet.value).toBe("Roster 2025-26");
  expect(screen.getByTestId("open-file").textContent).toBe("Open: sample-pcn-2025-26.xlsx");

  const check = screen.getByRole("button", { name: "Check roster" });
  await waitFor(() => expect(check.getAttribute("aria-disabled")).not.toBe("true"));
  await user.click(check);
  const cards = await screen.findByRole("list", { name: "Findings" }, { timeout: 20000 });
  // No selectRow here: a card's row is plain text, and its only button is "Details".
  const first = within(cards).getAllByRole("listitem")[0];
  expect(first.textContent).toMatch(/^Error · Row 10 · Tomasz Nowicki/);
  expect(within(first).getAllByRole("button").map((b) => b.textContent)).toEqual(["Details"]);
  expect(screen.queryByText(/Choose a row to select it in the sheet/)).toBeNull();
  // One action here: no separate write, no remove.
  expect(screen.queryByRole("button", { name: "Write claim summary" })).toBeNull();
  expect(screen.queryByRole("button", { name: "Remove ARRS output" })).toBeNull();

  await user.click(screen.getByRole("button", { name: "Download checked workbook" }));
  await waitFor(() => expect(clicked).toHaveLength(1), { timeout: 20000 });
  expect(clicked[0]).toEqual({ download: "sample-pcn-2025-26.arrs.xlsx", href: "blob:test/1" });
  expect(blobs[0].type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const said = await screen.findByText(/^Downloaded "sample-pcn-2025-26\.arrs\.xlsx"/, { selector: ".fui-MessageBarBody" });
  expect(said.textContent).toMatch(/ARRS columns beside it and the "ARRS Claim Summary", "ARRS Claim Lines" and "ARRS Settings" sheets\. Your own file is not changed; nothing was uploaded\.$/);

  const copy = await FileWorkbook.fromBuffer(await readBlob(blobs[0]));
  expect(await copy.sheetNames()).toEqual(expect.arrayContaining(["Roster 2025-26", "ARRS Claim Summary", "ARRS Claim Lines", "ARRS Settings"]));
  const roster = await copy.readSheet("Roster 2025-26");
  expect(roster.values[3]).toEqual(expect.arrayContaining(["ARRS status", "ARRS findings"]));
});

test("download before any check still gives the checked copy", async () => {
  const user = renderBrowserPane();
  await user.upload(screen.getByLabelText("Open a workbook (.xlsx)"), new File([readFileSync(SAMPLE)], "pcn.xlsx"));
  const download = await screen.findByRole("button", { name: "Download checked workbook" }, { timeout: 20000 });
  await waitFor(() => expect(download.getAttribute("aria-disabled")).not.toBe("true"));
  await user.click(download);
  await waitFor(() => expect(clicked).toHaveLength(1), { timeout: 20000 });
  expect(clicked[0].download).toBe("pcn.arrs.xlsx");
  const copy = await FileWorkbook.fromBuffer(await readBlob(blobs[0]));
  expect(await copy.sheetNames()).toContain("ARRS Claim Summary");
});

test("a file that is not an .xlsx workbook is refused with a plain message", async () => {
  const user = renderBrowserPane();
  await user.upload(screen.getByLabelText("Open a workbook (.xlsx)"), new File(["name,role\nA,B\n"], "roster.xlsx"));
  expect(await screen.findByText('"roster.xlsx" could not be opened.')).toBeTruthy();
  expect(screen.getByText(/This file is not an \.xlsx workbook\. Save the roster from Excel as an Excel Workbook/)).toBeTruthy();
  expect(screen.queryByRole("combobox", { name: "Roster sheet" })).toBeNull();
});

test("a bad file opened while a good one is open says which workbook is still open", async () => {
  const user = renderBrowserPane();
  const input = screen.getByLabelText("Open a workbook (.xlsx)");
  await user.upload(input, new File([readFileSync(SAMPLE)], "pcn.xlsx"));
  await screen.findByRole("combobox", { name: "Roster sheet" }, { timeout: 20000 });
  await user.upload(input, new File(["not a workbook"], "other.xlsx"));
  const bar = (await screen.findByText('"other.xlsx" could not be opened.')).closest(".fui-MessageBarBody")!;
  expect(bar.textContent).toMatch(/The workbook still open below is "pcn\.xlsx"\.$/);
  expect(screen.getByTestId("open-file").textContent).toBe("Open: pcn.xlsx");
});

test("a workbook with no roster: a warning that says what to do, and no settings or actions", async () => {
  const ExcelJS = (await import("exceljs")).default;
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Budget").addRow(["Item", "Amount"]);
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  const user = renderBrowserPane();
  await user.upload(screen.getByLabelText("Open a workbook (.xlsx)"), new File([bytes], "budget.xlsx"));
  expect(await screen.findByText("No staff roster found in this workbook", {}, { timeout: 20000 })).toBeTruthy();
  expect(screen.queryByRole("heading", { name: "Getting started" })).toBeNull();
  expect(screen.queryByRole("heading", { name: "PCN settings" })).toBeNull();
  expect(screen.queryByRole("button", { name: "Check roster" })).toBeNull();
  expect(screen.queryByText(/Choose a roster sheet first/)).toBeNull();
});
