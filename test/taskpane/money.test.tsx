/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The money, answer first: the claimable amount is the first line; the ARRS sum and what is left of
 * it say what they mean; claims over the ARRS sum are a problem, said in words and shown with an
 * icon, with the amount over (never a bare negative); an unknown ARRS sum says how to get it.
 */
import "./jsdom-layout";
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { MoneySummary, statusWords } from "../../src/taskpane/components/MoneySummary";
import { TaskpaneController } from "../../src/taskpane/controller";
import { sampleWorkbook, spyPort } from "./port";

const today = () => "2025-11-21";

async function checkWith(weightedPopulation: number | null) {
  const controller = new TaskpaneController(spyPort(await sampleWorkbook()), { today });
  await controller.saveSettings({ financialYear: "2025/26", weightedPopulation }, "Roster 2025-26");
  return controller.check();
}

test("claims within the ARRS sum: what is left of it, in words", async () => {
  const view = await checkWith(61532.4);
  expect(view.totals[0].label).toBe("Claimable for 2025/26");
  const left = view.totals.find((t) => t.label === "Left in the ARRS sum")!;
  expect(left.value).toMatch(/^£[\d,]+\.\d\d$/);
  expect(left.explain).toBe("The ARRS sum less what this roster claims: still there to claim this year.");
  expect(left.problem).toBeUndefined();
});

test("claims over the ARRS sum: a problem, the amount over with an icon, never a bare negative", async () => {
  const view = await checkWith(1000);
  const over = view.totals.find((t) => t.label === "Over the ARRS sum")!;
  expect(over.problem).toBe(true);
  expect(over.value).toMatch(/^£[\d,]+\.\d\d$/);
  expect(view.totals.some((t) => t.value.startsWith("-"))).toBe(false);
  render(<FluentProvider theme={webLightTheme}><MoneySummary check={view} labelledBy="x" /></FluentProvider>);
  const amount = screen.getByText(over.value);
  expect(amount.querySelector("svg")).toBeTruthy();
  expect(screen.getByText(/no more than the sum is reimbursed: the PCN funds the rest/)).toBeTruthy();
});

test("with no weighted population, the ARRS sum says how to get it", async () => {
  const view = await checkWith(null);
  expect(view.totals.find((t) => t.label === "ARRS sum")).toMatchObject({ value: "Not known", explain: expect.stringMatching(/weighted population/) });
  expect(view.totals.some((t) => /the ARRS sum$/.test(t.label))).toBe(false);
});

test.each([
  [{ error: 6, warning: 10, info: 3 }, "6 errors to fix before you claim · 10 warnings to check"],
  [{ error: 1, warning: 0, info: 0 }, "1 error to fix before you claim"],
  [{ error: 0, warning: 0, info: 2 }, "No errors or warnings; 2 notes"],
  [{ error: 0, warning: 0, info: 0 }, "No problems found"],
])("statusWords %j", (counts, words) => {
  expect(statusWords({ counts })).toBe(words);
});
