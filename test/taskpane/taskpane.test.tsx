/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The task pane inside Excel, over a fake WorkbookPort (the sample workbook in the ExcelJS adapter,
 * with selectRow and addSheet as Office offers them). Elements are found by role and label, and the
 * main paths are driven from the keyboard.
 */
import "./jsdom-layout";
import { act, configure, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/components/App";
import { TaskpaneController } from "../../src/taskpane/controller";
import { SAMPLE_SHEET_NAME } from "../../src/taskpane/sample-roster";
import { fixedTheme } from "../../src/taskpane/theme";
import type { OwnedSheet, WorkbookOutput } from "../../src/report/types";
import { emptyWorkbook, sampleWithoutSettings, sampleWorkbook, spyPort, type SpyPort } from "./port";

// findBy… and waitFor give up after 1 s by default. On a loaded two-core machine a save followed by a
// re-read and re-render took longer than that once (the pane itself was right), so they wait up to 5 s.
configure({ asyncUtilTimeout: 5000 });

const TODAY = () => "2025-11-21";

/** What the pane scrolled into view (jsdom has no scrolling of its own). */
let scrolled: Element[] = [];
beforeEach(() => {
  scrolled = [];
  Element.prototype.scrollIntoView = function (this: Element) { scrolled.push(this); };
});
/** A message bar's text (the live region repeats it, so the text alone is not unique). */
const IN_BAR = { selector: ".fui-MessageBarBody" };

function renderPane(port: SpyPort, theme: "light" | "dark" = "light") {
  const user = userEvent.setup();
  const controller = new TaskpaneController(port, { today: TODAY });
  const view = render(<App mode="excel" controller={controller} themeSource={fixedTheme(theme)} />);
  return { user, view };
}

/** Tabs forward until the element has focus (failing after `limit` presses). */
async function tabTo(user: ReturnType<typeof userEvent.setup>, element: HTMLElement, limit = 60) {
  for (let i = 0; i < limit && document.activeElement !== element; i++) await user.tab();
  expect(document.activeElement).toBe(element);
}

const settingsSheet = (output: WorkbookOutput): OwnedSheet | undefined => output.sheets.find((s) => s.name === "ARRS Settings");
const rowsOf = (sheet: OwnedSheet) => sheet.rows.map((row) => row.map((cell) => cell.value));

async function openedPane(port?: SpyPort) {
  const p = port ?? spyPort(await sampleWorkbook());
  const rendered = renderPane(p);
  await screen.findByRole("combobox", { name: "Roster sheet" });
  await waitFor(() => expect(screen.getByRole("button", { name: /Check roster/ }).getAttribute("aria-disabled")).not.toBe("true"));
  return { port: p, ...rendered };
}

test("opens on the roster it finds and shows the columns it recognised", async () => {
  await openedPane();
  const sheet = screen.getByRole("combobox", { name: "Roster sheet" }) as HTMLSelectElement;
  expect(sheet.value).toBe("Roster 2025-26");
  // The tool's own sheets and the rate sheet are not offered as rosters.
  expect(within(sheet).getAllByRole("option").map((o) => o.textContent)).toEqual(["Notes", "Roster 2025-26"]);
  expect(screen.getByText(/21 staff rows, header on row 4/)).toBeTruthy();
  // The columns are one line until asked for: they would push Check roster below the fold.
  expect(screen.queryByText("Role or job title")).toBeNull();
  const count = screen.getByText(/^\d+ columns recognised$/);
  await userEvent.setup().click(screen.getByRole("button", { name: "Show the columns recognised" }));
  const recognised = within(document.querySelector("dl[aria-label=\"Columns recognised\"]") as HTMLElement).getAllByRole("term");
  expect(count.textContent).toBe(`${recognised.length} columns recognised`);
  expect(recognised.map((t) => t.textContent)).toEqual(expect.arrayContaining(["Role or job title", "Hours per week", "Start date"]));
  expect(screen.getByText("Job title")).toBeTruthy();
  // Settings stored in the workbook: shown as a summary, not asked again.
  expect(screen.getByRole("heading", { name: "PCN settings" })).toBeTruthy();
  expect(screen.getByRole("button", { name: "Change settings" })).toBeTruthy();
  expect(screen.getByText("2025/26")).toBeTruthy();
  expect(screen.getByText("58,214")).toBeTruthy();
});

test("keyboard: Tab to Check roster, Enter; results grouped with counts; Enter on a finding selects its row", async () => {
  const { port, user } = await openedPane();
  const check = screen.getByRole("button", { name: "Check roster" });
  await tabTo(user, check);
  // Hold the workbook's reads until the progress indicator has been seen.
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => { release = resolve; });
  const read = port.readSheet.getMockImplementation()!;
  port.readSheet.mockImplementation(async (name: string) => { await gate; return read(name); });
  await user.keyboard("{Enter}");
  expect(await screen.findByRole("progressbar", { name: /^Checking the roster/ })).toBeTruthy();
  // The button keeps its focus while it is busy (it is aria-disabled, not removed from the tab order).
  expect(document.activeElement).toBe(check);
  expect(check.getAttribute("aria-disabled")).toBe("true");
  release();

  expect(await screen.findByRole("heading", { name: "Results" }, { timeout: 20000 })).toBeTruthy();
  // Something visibly happens: the answer is scrolled into view and takes focus.
  const summary = screen.getByTestId("results-summary");
  await waitFor(() => expect(document.activeElement).toBe(summary));
  expect(scrolled).toContain(screen.getByTestId("results"));
  // The counts and money follow the built-in figures (src/rules/data), so they are taken from the
  // controller on the same workbook; the pane must show them as it says them.
  const expected = await new TaskpaneController(spyPort(await sampleWorkbook()), { today: TODAY }).check();
  const { error: e, warning: w, info: n } = expected.counts;
  expect(e).toBeGreaterThan(0);
  expect(within(summary).getByTestId("claimable").textContent).toBe(expected.totals[0].value);
  expect(summary.textContent).toMatch(new RegExp(`${e} errors? to fix before you claim · ${w} warnings? to check`));
  const countText = `${e} error${e === 1 ? "" : "s"}, ${w} warning${w === 1 ? "" : "s"}, ${n} note${n === 1 ? "" : "s"}`;
  // The live region reads the result out.
  await waitFor(() => expect(screen.getByTestId("announcer").textContent).toMatch(new RegExp(`Checked 21 staff rows .* ${countText}\\.`)));

  // One card per kind of finding, errors first; the rule in words, the code only under Details.
  const cards = within(screen.getByRole("list", { name: "Findings" })).getAllByRole("listitem");
  expect(cards).toHaveLength(expected.cards.length);
  expect(cards[0].dataset.severity).toBe("error");
  const card = cards.find((c) => /Row 10 · Tomasz Nowicki/.test(c.textContent ?? ""))!;
  expect(card.textContent).toMatch(/"31\/02\/2025" is not a real date/);
  expect(card.textContent).not.toMatch(/INVALID_DATE/);
  expect(within(card).getByText(/^Rule: /).textContent).not.toMatch(/\b[A-Z]+_[A-Z_]+\b|\.md\b|\w\/[\w-]+\.\w{2,4}\b/);
  await user.click(within(card).getByRole("button", { name: "Details" }));
  expect(card.textContent).toMatch(/Code INVALID_DATE\./);

  const finding = within(card).getByRole("button", { name: /Row 10 · Tomasz Nowicki/ });
  await tabTo(user, finding);
  await user.keyboard("{Enter}");
  await waitFor(() => expect(port.selectRow).toHaveBeenCalledWith("Roster 2025-26", 10));
  // Space works as well.
  const other = cards.map((c) => within(c).queryByRole("button", { name: /Row 25 · Megan Tallis/ })).find(Boolean)!;
  other.focus();
  await user.keyboard(" ");
  await waitFor(() => expect(port.selectRow).toHaveBeenLastCalledWith("Roster 2025-26", 25));
  // Checking wrote nothing.
  expect(port.write).not.toHaveBeenCalled();
});

test("findings filter by severity and code, and search by name", async () => {
  const { user } = await openedPane();
  await user.click(screen.getByRole("button", { name: "Check roster" }));
  const list = await screen.findByRole("list", { name: "Findings" }, { timeout: 20000 });
  const all = within(list).getAllByRole("listitem").length;
  await user.selectOptions(screen.getByRole("combobox", { name: "Show" }), "error");
  let cards = within(screen.getByRole("list", { name: "Findings" })).getAllByRole("listitem");
  expect(cards.length).toBeLessThan(all);
  expect(cards.every((c) => c.dataset.severity === "error")).toBe(true);
  await user.selectOptions(screen.getByRole("combobox", { name: "Show" }), "");
  await user.selectOptions(screen.getByRole("combobox", { name: "Code" }), "INVALID_DATE (1)");
  cards = within(screen.getByRole("list", { name: "Findings" })).getAllByRole("listitem");
  expect(cards).toHaveLength(1);
  await user.selectOptions(screen.getByRole("combobox", { name: "Code" }), "");
  await user.type(screen.getByRole("searchbox", { name: "Search by name" }), "megan");
  cards = within(screen.getByRole("list", { name: "Findings" })).getAllByRole("listitem");
  expect(cards.length).toBeGreaterThan(0);
  expect(cards.every((c) => /Megan Tallis/.test(c.textContent ?? ""))).toBe(true);
  expect(screen.getByText(new RegExp(`^${cards.length} of \\d+ kinds of finding match\\.`))).toBeTruthy();
});

test("the settings form is asked when none are stored, validated with clear messages, and saved to the ARRS Settings sheet", async () => {
  const port = spyPort(await sampleWithoutSettings());
  const { user } = renderPane(port);
  const year = await screen.findByRole("textbox", { name: /Financial year/ });
  expect(screen.getByText(/The year to check, 1 April to 31 March/)).toBeTruthy();
  // No placeholder that looks like a value (the browser test checks that only Save is a primary button).
  expect(year.getAttribute("placeholder")).toBeNull();

  await user.clear(year);
  await user.type(year, "2025/27");
  await user.type(screen.getByRole("textbox", { name: /List size/ }), "about 58k");
  await user.click(screen.getByRole("button", { name: "Save settings" }));

  expect(await screen.findByText(/"2025\/27" is not a financial year: write it as 2025\/26/)).toBeTruthy();
  expect(screen.getByText(/Enter the list size as a whole number of patients/)).toBeTruthy();
  expect(screen.getByText(/Choose the region whose maximum amounts/)).toBeTruthy();
  expect(year.getAttribute("aria-invalid")).toBe("true");
  expect(document.activeElement).toBe(year);
  expect(port.write).not.toHaveBeenCalled();

  await user.clear(year);
  await user.type(year, "2025-26");
  const listSize = screen.getByRole("textbox", { name: /List size/ });
  await user.clear(listSize);
  await user.type(listSize, "58,214");
  await user.type(screen.getByRole("textbox", { name: /Weighted population/ }), "61532.4");
  await user.selectOptions(screen.getByRole("combobox", { name: /Region/ }), "Outer London");
  await user.keyboard("{Enter}");
  await user.click(screen.getByRole("button", { name: "Save settings" }));

  await waitFor(() => expect(port.write).toHaveBeenCalledTimes(1));
  const output = port.write.mock.calls[0][0];
  expect(output.rosterColumns).toBeNull();
  expect(output.sheets.map((s) => s.name)).toEqual(["ARRS Settings"]);
  expect(rowsOf(settingsSheet(output)!)).toEqual(expect.arrayContaining([
    ["Financial year", "2025/26"], ["List size", 58214], ["Weighted population", 61532.4], ["Region", "outer-london"], ["Roster sheet", "Roster 2025-26"],
  ]));
  // Saved: the form closes to a summary, focus goes to "Change settings", and the next load reads them back.
  const change = await screen.findByRole("button", { name: "Change settings" });
  await waitFor(() => expect(document.activeElement).toBe(change));
  expect(screen.getByText("Outer London")).toBeTruthy();
  expect(screen.getByText(/Saved the PCN settings in the "ARRS Settings" sheet/, IN_BAR)).toBeTruthy();
  // Change settings takes focus into the form.
  await user.click(change);
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("textbox", { name: /Financial year/ })));
});

test("a column correction is saved with the workbook as a Column: row of the ARRS Settings sheet", async () => {
  const { port, user } = await openedPane();
  await user.click(screen.getByRole("button", { name: "Correct a column" }));
  const form = screen.getByRole("form", { name: "Correct the columns" });
  const role = within(form).getByRole("combobox", { name: "Role or job title" }) as HTMLSelectElement;
  expect(role.value).toBe("Job title");
  const staffId = within(form).getByRole("combobox", { name: "Staff ID" }) as HTMLSelectElement;
  expect(within(staffId).getAllByRole("option").map((o) => o.textContent)).toContain("Practice");

  await user.selectOptions(within(form).getByRole("combobox", { name: "Employer NI" }), "Comments");
  await user.click(within(form).getByRole("button", { name: "Save columns" }));

  await waitFor(() => expect(port.write).toHaveBeenCalledTimes(1));
  const output = port.write.mock.calls[0][0];
  expect(output.rosterColumns).toBeNull();
  const rows = rowsOf(settingsSheet(output)!);
  expect(rows).toContainEqual(["Column: employerNi", "Comments"]);
  // The stored settings are kept as they were.
  expect(rows).toContainEqual(["Financial year", "2025/26"]);
  expect(rows).toContainEqual(["List size", 58214]);
  expect(await screen.findByText(/Saved: Employer NI from "Comments"/, IN_BAR)).toBeTruthy();
  // Read back: the recognised columns now say so.
  await waitFor(() => expect(screen.getAllByText("Comments").length).toBeGreaterThan(0));
});

test("Write claim summary writes the roster columns and the three sheets, then says what was written", async () => {
  const { port, user } = await openedPane();
  await user.click(screen.getByRole("button", { name: "Write claim summary" }));
  await waitFor(() => expect(port.write).toHaveBeenCalledTimes(1), { timeout: 20000 });
  const output = port.write.mock.calls[0][0];
  expect(output.rosterColumns?.sheetName).toBe("Roster 2025-26");
  expect(output.sheets.map((s) => s.name)).toEqual(["ARRS Claim Summary", "ARRS Claim Lines", "ARRS Settings"]);
  const notice = await screen.findByText(/Wrote the columns "ARRS status", "ARRS claimable 2025\/26", "ARRS findings" beside "Roster 2025-26"/, IN_BAR);
  expect(notice.textContent).toMatch(/"ARRS Claim Summary", "ARRS Claim Lines" and "ARRS Settings" sheets/);
  expect(screen.getByRole("heading", { name: "Results" })).toBeTruthy();
  expect(await port.workbook.sheetNames()).toEqual(expect.arrayContaining(["ARRS Claim Summary", "ARRS Claim Lines"]));
});

test("Remove ARRS output asks first, then removes exactly what the tool wrote and says so", async () => {
  const { port, user } = await openedPane();
  const remove = screen.getByRole("button", { name: "Remove ARRS output" });
  await tabTo(user, remove);
  await user.keyboard("{Enter}");
  let dialog = await screen.findByRole("alertdialog", { name: "Remove ARRS output?" });
  expect(within(dialog).getByText(/removes only what the checker wrote/)).toBeTruthy();
  // Focus starts on Cancel (Enter twice must not remove anything), and stays inside the dialog.
  await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Cancel" })));
  for (let i = 0; i < 4; i++) {
    await user.tab();
    expect(dialog.contains(document.activeElement)).toBe(true);
  }
  await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
  await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
  expect(port.removeOutput).not.toHaveBeenCalled();
  // Focus is back where it was, and the page is no longer hidden behind the dialog.
  await waitFor(() => expect(document.activeElement).toBe(remove));
  expect(screen.getByRole("heading", { name: "ARRS checker" })).toBeTruthy();

  await user.click(remove);
  dialog = await screen.findByRole("alertdialog", { name: "Remove ARRS output?" });
  // Escape cancels too.
  await user.keyboard("{Escape}");
  await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
  expect(port.removeOutput).not.toHaveBeenCalled();

  await user.click(remove);
  dialog = await screen.findByRole("alertdialog", { name: "Remove ARRS output?" });
  await user.click(within(dialog).getByRole("button", { name: "Remove" }));
  await waitFor(() => expect(port.removeOutput).toHaveBeenCalledTimes(1));
  expect(await screen.findByText(/Removed the "ARRS Settings" sheet\. Your own data is as it was\./, IN_BAR)).toBeTruthy();
  expect(await port.workbook.sheetNames()).toEqual(["Notes", "Roster 2025-26", "ARRS max reimb 25-26"]);
  // The stored settings went with the sheet: the form asks for them again.
  expect(await screen.findByRole("textbox", { name: /Financial year/ })).toBeTruthy();
});

test("errors from the workbook are shown in a message bar, in plain words and without a stack", async () => {
  const port = spyPort(await sampleWorkbook());
  const failure = Object.assign(new Error("GeneralException at Excel.run (office-workbook.ts:120)"), {
    userMessage: "Excel could not write to the workbook: it is read-only. Save a copy, then try again.",
  });
  port.write.mockRejectedValueOnce(failure);
  const { user } = await openedPane(port);
  await user.click(screen.getByRole("button", { name: "Write claim summary" }));
  expect(await screen.findByText(/^Excel could not write to the workbook: it is read-only\. Save a copy, then try again\.$/, IN_BAR, { timeout: 20000 })).toBeTruthy();
  expect(screen.getByText("That did not work.")).toBeTruthy();
  expect(document.body.textContent).not.toMatch(/GeneralException|office-workbook\.ts|at Excel\.run/);
  await waitFor(() => expect(screen.getByTestId("announcer").textContent).toMatch(/read-only/));
});

test("a workbook that cannot be read says so, and can be read again", async () => {
  const port = spyPort(await sampleWorkbook());
  port.sheetNames.mockRejectedValueOnce(Object.assign(new Error("InvalidOperation"), { userMessage: "Excel is busy: finish editing the cell, then try again." }));
  const { user } = renderPane(port);
  expect(await screen.findByText(/Excel is busy: finish editing the cell, then try again\./, IN_BAR)).toBeTruthy();
  await user.click(screen.getByRole("button", { name: "Read the workbook again" }));
  expect(await screen.findByRole("combobox", { name: "Roster sheet" })).toBeTruthy();
  expect(screen.queryByText("That did not work.")).toBeNull();
});

test("light and dark themes: the FluentProvider's theme follows the theme source", async () => {
  const light = renderPane(spyPort(await sampleWorkbook()), "light");
  await screen.findByRole("combobox", { name: "Roster sheet" });
  const lightRoot = light.view.container.querySelector(".fui-FluentProvider") as HTMLElement;
  expect(lightRoot.dataset.theme).toBe("light");
  const lightVars = providerVariables(lightRoot);
  light.view.unmount();

  const dark = renderPane(spyPort(await sampleWorkbook()), "dark");
  await screen.findByRole("combobox", { name: "Roster sheet" });
  const darkRoot = dark.view.container.querySelector(".fui-FluentProvider") as HTMLElement;
  expect(darkRoot.dataset.theme).toBe("dark");
  const darkVars = providerVariables(darkRoot);
  expect(lightVars).toMatch(/--colorNeutralBackground1: #ffffff;/);
  expect(darkVars).toMatch(/--colorNeutralBackground1: #292929;/);
});

test("a theme change reported by the host re-renders the pane in the new theme", async () => {
  let notify: (theme: "light" | "dark") => void = () => undefined;
  const source = { current: () => "light" as const, subscribe: (cb: (t: "light" | "dark") => void) => { notify = cb; return () => undefined; } };
  const controller = new TaskpaneController(spyPort(await sampleWorkbook()), { today: TODAY });
  const { container } = render(<App mode="excel" controller={controller} themeSource={source} />);
  await screen.findByRole("combobox", { name: "Roster sheet" });
  expect((container.querySelector(".fui-FluentProvider") as HTMLElement).dataset.theme).toBe("light");
  act(() => notify("dark"));
  expect((container.querySelector(".fui-FluentProvider") as HTMLElement).dataset.theme).toBe("dark");
});

test("no roster: a warning that says what to do, only the controls that can act, and Insert sample roster", async () => {
  const port = spyPort(emptyWorkbook());
  const { user } = renderPane(port);
  expect(await screen.findByText("No staff roster found in this workbook")).toBeTruthy();
  expect(screen.getByText(/header row with a role or job title column/)).toBeTruthy();
  expect(screen.queryByRole("heading", { name: "PCN settings" })).toBeNull();
  expect(screen.queryByRole("button", { name: "Check roster" })).toBeNull();
  expect(screen.queryByRole("button", { name: "Remove ARRS output" })).toBeNull();
  const insert = screen.getByRole("button", { name: "Insert sample roster" });
  await tabTo(user, insert);
  await user.keyboard("{Enter}");

  await waitFor(() => expect(port.addSheet).toHaveBeenCalledTimes(1));
  const [name, values] = port.addSheet.mock.calls[0];
  expect(name).toBe(SAMPLE_SHEET_NAME);
  expect(values.length).toBeGreaterThanOrEqual(15);
  expect(await screen.findByText(/Inserted the sheet "Sample roster 2025-26"/, IN_BAR)).toBeTruthy();
  expect((screen.getByRole("combobox", { name: "Roster sheet" }) as HTMLSelectElement).value).toBe(SAMPLE_SHEET_NAME);
  expect(screen.queryByText("No staff roster found in this workbook")).toBeNull();
  // The settings are asked for now that there is a roster.
  expect(screen.getByRole("textbox", { name: /Financial year/ })).toBeTruthy();

  await user.click(screen.getByRole("button", { name: "Check roster" }));
  const list = await screen.findByRole("list", { name: "Findings" }, { timeout: 20000 });
  const cardOf = (name: RegExp) => within(list).getAllByRole("listitem").find((c) => name.test(c.textContent ?? ""))!;
  expect(cardOf(/Row 14 · Karen Lewis/).dataset.severity).toBe("error");
  expect(cardOf(/Row 15 · Liam Walsh/).dataset.severity).toBe("error");
});

/** The custom properties the provider's own style rule sets. */
function providerVariables(root: HTMLElement): string {
  const classes = Array.from(root.classList).filter((c) => c.startsWith("fui-FluentProvider") && c !== "fui-FluentProvider");
  const rules = Array.from(document.querySelectorAll("style")).flatMap((style) => {
    const sheet = style.sheet as CSSStyleSheet | null;
    return Array.from(sheet?.cssRules ?? []).map((r) => r.cssText).concat(style.textContent ?? "");
  });
  return rules.filter((text) => classes.some((c) => text.includes(`.${c}`))).join("\n");
}
