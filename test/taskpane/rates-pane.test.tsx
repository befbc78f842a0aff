/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The year's maximum amounts in the pane inside Excel (the sample workbook over a fake port): the year
 * set to 2026/27 in the settings form, the results open with the roles that have no 2026/27 maximum and
 * a button that adds the rates sheet, reached and pressed from the keyboard; the rate floor turned off
 * with its checkbox; the money says what it rests on.
 */
import "./jsdom-layout";
import { configure, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/components/App";
import { TaskpaneController } from "../../src/taskpane/controller";
import { fixedTheme } from "../../src/taskpane/theme";
import { sampleWorkbook, spyPort } from "./port";

configure({ asyncUtilTimeout: 5000 });

const FLOOR = "Claim up to earlier years' maximums while this year's are missing";

async function tabTo(user: ReturnType<typeof userEvent.setup>, element: HTMLElement, limit = 80) {
  for (let i = 0; i < limit && document.activeElement !== element; i++) await user.tab();
  expect(document.activeElement).toBe(element);
}

async function paneFor2026(options: { rateFloor: boolean }) {
  const port = spyPort(await sampleWorkbook());
  const user = userEvent.setup();
  render(<App mode="excel" controller={new TaskpaneController(port, { today: () => "2026-12-01" })} themeSource={fixedTheme("light")} />);
  await user.click(await screen.findByRole("button", { name: "Change settings" }));
  const year = screen.getByRole("textbox", { name: /Financial year/ });
  await user.clear(year);
  await user.type(year, "2026/27");
  const floor = screen.getByRole("checkbox", { name: FLOOR });
  // On unless turned off; described by its hint.
  expect((floor as HTMLInputElement).checked).toBe(true);
  expect(floor.getAttribute("aria-describedby")).toBeTruthy();
  if (!options.rateFloor) {
    await tabTo(user, floor);
    await user.keyboard(" ");
    expect((floor as HTMLInputElement).checked).toBe(false);
  }
  await user.click(screen.getByRole("button", { name: "Save settings" }));
  await screen.findByRole("button", { name: "Change settings" });
  const check = screen.getByRole("button", { name: "Check roster" });
  await waitFor(() => expect(check.getAttribute("aria-disabled")).not.toBe("true"));
  await user.click(check);
  await screen.findByRole("heading", { name: "Results" }, { timeout: 20000 });
  return { port, user };
}

test("2026/27: the results open with the missing maximums; the button adds the rates sheet from the keyboard, once", async () => {
  const { port, user } = await paneFor2026({ rateFloor: true });
  expect(screen.getByText("While this year's maximums are missing").nextElementSibling?.textContent).toBe("Claim up to earlier years'");
  const sentence = screen.getByText(/^No 2026\/27 maximum amounts are built in for \d+ roles on this roster: until you add them, their claims rest on earlier years' figures\.$/);
  const button = screen.getByRole("button", { name: "Add the 2026/27 rates sheet" });
  // The sentence comes first in the results, before the status and the money.
  const results = screen.getByRole("region", { name: "Results" });
  expect(results.textContent!.indexOf(sentence.textContent!)).toBeLessThan(results.textContent!.indexOf("Claimable for 2026/27"));
  expect(screen.getByText(/^(All|£[\d,]+\.\d\d) of this rests on earlier years' maximums$/)).toBeTruthy();
  // Said beside the ARRS sum and what is left of it (or how far over it the claims go).
  expect(screen.getAllByText("(not confirmed)")).toHaveLength(2);

  await tabTo(user, button);
  await user.keyboard("{Enter}");
  await waitFor(() => expect(port.addFormattedSheet).toHaveBeenCalledTimes(1));
  expect(port.addFormattedSheet.mock.calls[0][0].name).toBe("ARRS max reimb 26-27");
  expect(port.addFormattedSheet.mock.calls[0][1]).toEqual({ select: "C7" });
  expect(await screen.findByText(/^Added the sheet "ARRS max reimb 26-27" and selected C7, its first blank cell\./, { selector: ".fui-MessageBarBody span" })).toBeTruthy();
  await waitFor(() => expect(screen.getByTestId("announcer").textContent).toMatch(/^Added the sheet "ARRS max reimb 26-27"/));
  // Focus stays on the button; pressed again, the sheet there is selected, not written over.
  expect(document.activeElement).toBe(button);
  await waitFor(() => expect(button.getAttribute("aria-disabled")).not.toBe("true"));
  await user.keyboard("{Enter}");
  expect(await screen.findByText(/^This workbook already has a sheet "ARRS max reimb 26-27", so nothing was added: it is selected now\./, { selector: ".fui-MessageBarBody span" })).toBeTruthy();
  expect(port.addFormattedSheet).toHaveBeenCalledTimes(1);
  expect(port.selectCell).toHaveBeenCalledWith("ARRS max reimb 26-27", "A1");
});

test("with the checkbox unticked, the setting is saved and the sentence says nothing is claimed", async () => {
  const { port } = await paneFor2026({ rateFloor: false });
  expect(screen.getByText("While this year's maximums are missing").nextElementSibling?.textContent).toBe("Claim nothing");
  const settings = (await port.workbook.readSheet("ARRS Settings")).values.map((row) => row.join("|"));
  expect(settings).toContainEqual(expect.stringMatching(/^Claim up to earlier maximums when a figure is missing\|No/));
  expect(screen.getByText(/until you add them, nothing is claimed for those roles\.$/)).toBeTruthy();
  expect(screen.queryByText(/rests on earlier years' maximums/)).toBeNull();
});
