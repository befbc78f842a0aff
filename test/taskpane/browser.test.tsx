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

test("open a workbook, check it, write the summary and download the checked copy; findings are plain items", async () => {
  const user = renderBrowserPane();
  const input = screen.getByLabelText("Open a workbook (.xlsx)") as HTMLInputElement;
  expect(input.type).toBe("file");
  expect(input.accept).toContain(".xlsx");
  expect(screen.getByText(/nothing is uploaded/)).toBeTruthy();

  await user.upload(input, new File([readFileSync(SAMPLE)], "sample-pcn-2025-26.xlsx"));
  const sheet = (await screen.findByRole("combobox", { name: "Roster sheet" }, { timeout: 20000 })) as HTMLSelectElement;
  expect(sheet.value).toBe("Roster 2025-26");
  expect(screen.getByText(/Open: sample-pcn-2025-26\.xlsx/)).toBeTruthy();

  const check = screen.getByRole("button", { name: "Check roster" });
  await waitFor(() => expect(check.getAttribute("aria-disabled")).not.toBe("true"));
  await user.click(check);
  const errors = await screen.findByRole("list", { name: /^Errors: \d+$/ }, { timeout: 20000 });
  // No selectRow here: the findings are list items, not buttons.
  expect(within(errors).queryAllByRole("button")).toHaveLength(0);
  expect(within(errors).getAllByRole("listitem")[0].textContent).toMatch(/^Row 10 · Tomasz Nowicki/);
  expect(screen.queryByText(/Choose a finding to select its row/)).toBeNull();

  await user.click(screen.getByRole("button", { name: "Write claim summary" }));
  expect(await screen.findByText(/Wrote the columns "ARRS status"/, { selector: ".fui-MessageBarBody" }, { timeout: 20000 })).toBeTruthy();

  await user.click(screen.getByRole("button", { name: "Download checked workbook" }));
  await waitFor(() => expect(clicked).toHaveLength(1), { timeout: 20000 });
  expect(clicked[0]).toEqual({ download: "sample-pcn-2025-26.arrs.xlsx", href: "blob:test/1" });
  expect(blobs[0].type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  expect((await screen.findAllByText(/Downloaded "sample-pcn-2025-26\.arrs\.xlsx"/)).length).toBeGreaterThan(0);

  const copy = await FileWorkbook.fromBuffer(await readBlob(blobs[0]));
  expect(await copy.sheetNames()).toEqual(expect.arrayContaining(["Roster 2025-26", "ARRS Claim Summary", "ARRS Claim Lines", "ARRS Settings"]));
  const roster = await copy.readSheet("Roster 2025-26");
  expect(roster.values[3]).toEqual(expect.arrayContaining(["ARRS status", "ARRS findings"]));
});

test("download without writing first still gives the checked copy", async () => {
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
  expect(await screen.findByText("The workbook could not be opened.")).toBeTruthy();
  expect(screen.getByText(/This file is not an \.xlsx workbook\. Save the roster from Excel as an Excel Workbook/)).toBeTruthy();
  expect(screen.queryByRole("combobox", { name: "Roster sheet" })).toBeNull();
});
