/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The year ahead in the pane, over a fixture Forecast: the sentence, a chart that is one image with a
 * name saying what it shows, the same figures in a table, and lines for the ARRS sum, the claims to
 * date, the forecast and the planned posts.
 */
import "./jsdom-layout";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { runCheckJob } from "../../src/taskpane/check-job";
import { App } from "../../src/taskpane/components/App";
import { TaskpaneController } from "../../src/taskpane/controller";
import { fixedTheme } from "../../src/taskpane/theme";
import { sampleWorkbook, spyPort } from "./port";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { chartLabel, ForecastPanel, forecastSeries } from "../../src/taskpane/components/ForecastPanel";
import type { Forecast } from "../../src/engine/forecast-types";

const MONTH_STARTS = ["2026-04-01", "2026-05-01", "2026-06-01", "2026-07-01", "2026-08-01", "2026-09-01", "2026-10-01", "2026-11-01", "2026-12-01", "2027-01-01", "2027-02-01", "2027-03-01"];

/** As of 7 December 2026: nine months to date at £40,000 a month, then £40,000 a month plus £5,000 for a planned post. */
function fixtureForecast(): Forecast {
  let cumulative = 0;
  let cumulativeClaimable = 0;
  const months = MONTH_STARTS.map((month, i) => {
    const toDate = i < 9;
    const planned = toDate ? 0 : 5000;
    cumulative += 40000 + planned;
    cumulativeClaimable += 40000;
    return { month, claimable: 40000, toDate, planned, cumulative, cumulativeClaimable };
  });
  return {
    asOf: "2026-12-07", yearEnd: "2027-03-31", monthsToDate: 9, toDate: 360000, restOfYear: 120000, plannedPosts: 15000,
    entitlement: 600000, unspent: 105000, months, unspentAs: null,
    planned: [{ rowNumber: 30, label: "Vacancy", roleText: "Paramedic", role: "paramedic", roleName: "Paramedic", band: "7", wte: 1, start: null, end: null,
      annualSalary: null, employerNi: null, employerPension: null, annualCost: null, amount: 15000, months: [9, 10, 11], note: null }],
  };
}

test("the series: people in post, and with the planned posts", () => {
  const { inPost, withPlanned } = forecastSeries(fixtureForecast());
  expect(inPost[8]).toBe(360000);
  expect(inPost[11]).toBe(480000);
  expect(withPlanned[11]).toBe(495000);
  expect(chartLabel(fixtureForecast())).toBe("Claims through the year, April to March: £360,000.00 claimed to date, £480,000.00 by 31 March for the people in post, £495,000.00 with the planned posts, against an ARRS sum of £600,000.00.");
});

test("the panel: the sentence, an image with its name, every series, and the figures in a table", () => {
  const sentence = "At this rate £105,000.00 of the ARRS sum would be left unspent on 31 March 2027.";
  render(<FluentProvider theme={webLightTheme}><ForecastPanel forecast={fixtureForecast()} sentence={sentence} /></FluentProvider>);
  const region = screen.getByRole("region", { name: "The year ahead" });
  expect(within(region).getByText(sentence)).toBeTruthy();
  const chart = within(region).getByRole("img");
  expect(chart.getAttribute("aria-label")).toBe(chartLabel(fixtureForecast()));
  const series = Array.from(chart.querySelectorAll("[data-series]")).map((e) => e.getAttribute("data-series"));
  expect(series.sort()).toEqual(["forecast", "planned", "sum", "to-date"]);
  const table = within(region).getByRole("table", { name: "Claims by month, running totals" });
  const rows = within(table).getAllByRole("row");
  expect(rows).toHaveLength(13);
  expect(rows[9].textContent).toBe("Dec£360,000£360,000actual");
  expect(rows[12].textContent).toBe("Mar£480,000£495,000forecast");
});

test("with no ARRS sum and no planned posts, only the claims are drawn", () => {
  const forecast = { ...fixtureForecast(), entitlement: null, unspent: null, plannedPosts: 0, planned: [] };
  forecast.months = forecast.months.map((m) => ({ ...m, planned: 0 }));
  render(<FluentProvider theme={webLightTheme}><ForecastPanel forecast={forecast} sentence="The ARRS sum is not known." /></FluentProvider>);
  const chart = screen.getByRole("img");
  expect(Array.from(chart.querySelectorAll("[data-series]")).map((e) => e.getAttribute("data-series")).sort()).toEqual(["forecast", "to-date"]);
  expect(chart.getAttribute("aria-label")).not.toMatch(/ARRS sum|planned/);
});

test("in the pane: when a check gives a forecast, the year ahead follows the money", async () => {
  const sentence = "At this rate £105,000.00 of the ARRS sum would be left unspent on 31 March 2027.";
  // The pipeline's forecast is wired in by the forecast work; here a runner adds the fixture.
  const controller = new TaskpaneController(spyPort(await sampleWorkbook()), {
    today: () => "2026-12-07",
    runner: async (port, request, progress) => {
      const run = await runCheckJob(port, request, progress);
      return { ...run, view: { ...run.view, forecast: { forecast: fixtureForecast(), sentence } } };
    },
  });
  render(<App mode="excel" controller={controller} themeSource={fixedTheme("light")} />);
  const check = await screen.findByRole("button", { name: "Check roster" }, { timeout: 10000 });
  await userEvent.setup().click(check);
  const region = await screen.findByRole("region", { name: "The year ahead" }, { timeout: 20000 });
  const results = screen.getByTestId("results");
  expect(results.textContent!.indexOf("Claimable for")).toBeLessThan(results.textContent!.indexOf("The year ahead"));
  expect(results.textContent!.indexOf("The year ahead")).toBeLessThan(results.textContent!.indexOf("Findings"));
  expect(within(region).getByText(sentence)).toBeTruthy();
});
