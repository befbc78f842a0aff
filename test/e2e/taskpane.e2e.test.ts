/**
 * The task pane end to end in Debian's Chromium, outside Excel: built with the project's
 * webpack.config.js (office.js served locally), served from 127.0.0.1, workbooks opened through the
 * file input. What a practice manager sees and does: the answer after Check (focused, scrolled to,
 * largest), grouped findings with the rule in words, the one-step download, the settings form, the
 * no-roster warning, a 2,000-row roster that never freezes the pane, axe-core's audit, and
 * screenshots (320, 350 and 500 px, dark, forced colours, 200% zoom) in test-output/taskpane/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import {
  axeSource, axeViolations, build, buildHarness, checkRoster, CHROMIUM, horizontalOverflow, isBlockedOfficeTelemetryFrame, launch, longRoster,
  noRosterWorkbook, OFFICE_TELEMETRY_FRAME_DELAY_MS, openPane, openWorkbook, OUTPUT, SAMPLE, sampleWithoutSettings, serve, type AxeViolation,
} from "./support";

jest.setTimeout(600_000);

/**
 * axe findings that are Fluent's, not the pane's, each with why (none yet: the pane passes as it is).
 * An entry is a rule id and the start of the offending element's HTML.
 */
const AXE_ALLOWED: { id: string; html: RegExp; why: string }[] = [];

const haveChromium = existsSync(CHROMIUM);

/** The computed style of the first element matching the locator. */
const styleOf = (page: Page, testId: string) => page.getByTestId(testId).evaluate((e) => {
  const s = getComputedStyle(e);
  return { fontSize: parseFloat(s.fontSize), whiteSpace: s.whiteSpace, height: e.getBoundingClientRect().height, lineHeight: parseFloat(s.lineHeight) };
});

/** The buttons drawn as primary (Fluent's brand background), by their text. */
const primaryButtons = (page: Page) => page.evaluate(() => {
  const brand = getComputedStyle(document.querySelector(".fui-FluentProvider")!).getPropertyValue("--colorBrandBackground").trim();
  const probe = document.createElement("div");
  probe.style.backgroundColor = brand;
  document.body.appendChild(probe);
  const brandRgb = getComputedStyle(probe).backgroundColor;
  probe.remove();
  return Array.from(document.querySelectorAll("button")).filter((b) => getComputedStyle(b).backgroundColor === brandRgb).map((b) => b.textContent?.trim());
});

function unexpected(violations: AxeViolation[]): AxeViolation[] {
  return violations
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !AXE_ALLOWED.some((a) => a.id === v.id && a.html.test(n.html))) }))
    .filter((v) => v.nodes.length > 0);
}

(haveChromium ? describe : describe.skip)("the task pane in Chromium, outside Excel", () => {
  let dist: string;
  let scratch: string;
  let site: Awaited<ReturnType<typeof serve>>;
  let browser: Browser;
  const axe = axeSource();

  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), "arrs-taskpane-"));
    scratch = mkdtempSync(path.join(os.tmpdir(), "arrs-taskpane-files-"));
    await build(dist);
    site = await serve(dist);
    browser = await launch();
    mkdirSync(OUTPUT, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.server.close(resolve));
    for (const dir of [dist, scratch]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("open the sample, check it: the answer focused and largest, findings grouped with the rule in words; download in one step", async () => {
    const { context, page, pageErrors } = await openPane(browser, site.url, { width: 350 });
    const loaded = Date.now();
    const cspViolations: string[] = [];
    page.on("console", (message) => { if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text()); });
    const offsite: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(site.url) && !request.url().startsWith("blob:") && !request.url().startsWith("data:")) offsite.push(request.url());
    });
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")).toMatch(/worker-src 'self'/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("ARRS checker");
    await openWorkbook(page, SAMPLE);
    expect(await page.getByRole("combobox", { name: "Roster sheet" }).inputValue()).toBe("Roster 2025-26");
    // The columns are one line, so Check roster is in view at 700 px.
    await page.setViewportSize({ width: 320, height: 700 });
    const check = page.getByRole("button", { name: "Check roster" });
    const box = await check.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(700);
    expect(await primaryButtons(page)).toEqual(["Check roster"]);

    await check.click();
    const summary = page.getByTestId("results-summary");
    await summary.waitFor({ timeout: 60_000 });
    // Focus and view move to the answer.
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "results-summary");
    const inView = await summary.evaluate((e) => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; });
    expect(inView).toBe(true);
    // The claimable amount: the largest text, at least 20 px, never broken.
    const claimable = await styleOf(page, "claimable");
    expect(claimable.fontSize).toBeGreaterThanOrEqual(20);
    expect(claimable.whiteSpace).toBe("nowrap");
    const largest = await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll("main *")).filter((e) => e.childElementCount === 0 && e.textContent?.trim()).map((e) => parseFloat(getComputedStyle(e).fontSize))));
    expect(claimable.fontSize).toBe(largest);

    // The same cards as the controller groups; fewer cards than findings; no path or code in a rule line.
    const { expectedCheck } = await import("./expected");
    const expected = await expectedCheck(SAMPLE);
    const cards = page.getByTestId("finding-cards").getByRole("listitem");
    expect(await cards.count()).toBe(Math.min(expected.cards.length, 25));
    expect(expected.cards.length).toBeLessThan(expected.counts.error + expected.counts.warning + expected.counts.info);
    const rules = await page.getByText(/^Rule: /).allTextContents();
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule).not.toMatch(/\b[A-Z]+_[A-Z_]+\b|\.md\b|\w\/[\w-]+\.\w{2,4}\b/);
    // Filter by severity and search by name.
    await page.getByRole("combobox", { name: "Show" }).selectOption("error");
    expect(await page.locator('[data-testid="finding-cards"] > li:not([data-severity="error"])').count()).toBe(0);
    await page.getByRole("combobox", { name: "Show" }).selectOption("");
    await page.getByRole("searchbox", { name: "Search by name" }).fill("Tomasz");
    expect(await cards.count()).toBeGreaterThan(0);
    for (const text of await cards.allTextContents()) expect(text).toMatch(/Tomasz Nowicki/);
    await page.getByRole("searchbox", { name: "Search by name" }).fill("");
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await cards.first().getByRole("button", { name: /^Details/ }).click();
    expect(unexpected(await axeViolations(page, axe))).toEqual([]);

    // One action in a browser tab: Download checked workbook writes the output into the copy, then downloads.
    expect(await page.getByRole("button", { name: "Write claim summary" }).count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByRole("button", { name: "Download checked workbook" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("sample-pcn-2025-26.arrs.xlsx");
    await page.locator(".fui-MessageBarBody", { hasText: /^Done\.Downloaded "sample-pcn-2025-26\.arrs\.xlsx": your roster with the ARRS columns/ }).waitFor();
    const saved = path.join(scratch, "downloaded.xlsx");
    await download.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(expect.arrayContaining(["Roster 2025-26", "ARRS Claim Summary", "ARRS Claim Lines", "ARRS Settings"]));
    const roster = workbook.getWorksheet("Roster 2025-26")!;
    const headers = (roster.getRow(4).values as unknown[]).map((v) => (typeof v === "string" ? v : ""));
    expect(String(roster.getRow(10).getCell(headers.indexOf("ARRS findings")).value)).toMatch(/INVALID_DATE/);

    // Outside Office, office.js adds a hidden telemetry frame 3 s after it loads; the policy blocks it.
    await page.waitForTimeout(Math.max(0, loaded + OFFICE_TELEMETRY_FRAME_DELAY_MS + 1_000 - Date.now()));
    expect(pageErrors).toEqual([]);
    expect(cspViolations.filter((v) => !isBlockedOfficeTelemetryFrame(v))).toEqual([]);
    expect(offsite).toEqual([]);
    await context.close();
  });

  test("settings: nothing stored, the form has no value-like placeholder and the one primary button; the check states its assumption; Change settings focuses the form", async () => {
    const file = path.join(scratch, "no-settings.xlsx");
    await sampleWithoutSettings(file);
    const { context, page, pageErrors } = await openPane(browser, site.url, { width: 350 });
    await openWorkbook(page, file);
    const year = page.getByRole("textbox", { name: /Financial year/ });
    await year.waitFor();
    expect(await year.getAttribute("placeholder")).toBeNull();
    expect(await primaryButtons(page)).toEqual(["Save settings"]);
    await page.screenshot({ path: path.join(OUTPUT, "settings-350.png"), fullPage: true });
    expect(unexpected(await axeViolations(page, axe))).toEqual([]);

    await checkRoster(page);
    const results = page.getByTestId("results");
    const assumed = results.locator(".fui-MessageBar").first();
    expect(await assumed.textContent()).toMatch(/^Assumed:No financial year was given: checked 2025\/26, the year the roster sheet's name gives\./);
    // Said at the top of the results, before the money.
    const order = await results.evaluate((r) => r.textContent!.indexOf("Assumed:") < r.textContent!.indexOf("Claimable for"));
    expect(order).toBe(true);
    await assumed.getByRole("button", { name: "Change settings" }).click();
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.closest(".fui-Field")?.textContent?.startsWith("Financial year") === true);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test("no roster: a warning that says what to do, and only the controls that can act", async () => {
    const file = path.join(scratch, "budget.xlsx");
    await noRosterWorkbook(file);
    const { context, page, pageErrors } = await openPane(browser, site.url, { width: 350 });
    await openWorkbook(page, file);
    await page.getByText("No staff roster found in this workbook").waitFor();
    expect(await page.getByText("Getting started").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Check roster" }).count()).toBe(0);
    expect(await page.getByRole("heading", { name: "PCN settings" }).count()).toBe(0);
    await page.screenshot({ path: path.join(OUTPUT, "no-roster-350.png"), fullPage: true });
    expect(unexpected(await axeViolations(page, axe))).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test("2,000 staff rows: the check runs off the main thread, no task on it over 200 ms, also at 4x CPU throttling", async () => {
    const file = path.join(scratch, "long-roster.xlsx");
    await longRoster(file, 2000);
    const longTasks = async (rate: 1 | 4) => {
      const { context, page, pageErrors } = await openPane(browser, site.url, { width: 350 });
      await openWorkbook(page, file);
      await page.getByRole("button", { name: "Check roster" }).waitFor({ timeout: 60_000 });
      if (rate > 1) await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate });
      await page.evaluate(() => {
        const w = window as unknown as { longTasks: number[] };
        w.longTasks = [];
        new PerformanceObserver((list) => { for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration)); }).observe({ type: "longtask" });
      });
      const started = Date.now();
      await checkRoster(page);
      const seconds = (Date.now() - started) / 1000;
      await page.waitForTimeout(500);
      const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
      const staff = await page.getByTestId("results-summary").textContent();
      if (rate === 1) {
        // Grouped: a few tens of cards for 2,000 rows, listed a page at a time.
        const cards = page.getByTestId("finding-cards").getByRole("listitem");
        expect(await cards.count()).toBeLessThanOrEqual(25);
        expect(await page.getByText(/^Error · Rows \d+, \d+, \d+ and [\d,]+ more$|^Warning · Rows \d+, \d+, \d+ and [\d,]+ more$/).count()).toBeGreaterThan(0);
        await page.getByTestId("finding-cards").scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(OUTPUT, "results-2000-rows-350.png") });
      }
      expect(pageErrors).toEqual([]);
      await context.close();
      return { tasks, seconds, staff };
    };
    const plain = await longTasks(1);
    console.log(`2,000 rows: check ${plain.seconds.toFixed(1)} s; main-thread long tasks (ms): ${JSON.stringify(plain.tasks)}`);
    expect(Math.max(0, ...plain.tasks)).toBeLessThan(200);
    const throttled = await longTasks(4);
    console.log(`2,000 rows at 4x CPU throttling: check ${throttled.seconds.toFixed(1)} s; main-thread long tasks (ms): ${JSON.stringify(throttled.tasks)}`);
    // As the issue measured it, on a CPU four times slower (the longest seen here was 88 ms).
    expect(Math.max(0, ...throttled.tasks)).toBeLessThan(200);
  });

  test("screenshots: 320, 350 and 500 px, dark, forced colours, 200% zoom; nothing overflows, amounts never break", async () => {
    const shots: { name: string; width: number; zoom?: 1 | 2; dark?: boolean; forced?: boolean }[] = [
      { name: "results-320", width: 320 },
      { name: "results-350", width: 350 },
      { name: "results-500", width: 500 },
      { name: "results-350-dark", width: 350, dark: true },
      { name: "results-350-forced-colours", width: 350, forced: true },
      { name: "results-350-zoom-200", width: 350, zoom: 2 },
      { name: "results-320-zoom-200", width: 320, zoom: 2 },
    ];
    for (const shot of shots) {
      const { context, page, pageErrors } = await openPane(browser, site.url, { width: shot.width, height: 900, zoom: shot.zoom, dark: shot.dark });
      if (shot.forced) await page.emulateMedia({ forcedColors: "active" });
      await openWorkbook(page, SAMPLE);
      await checkRoster(page);
      await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "results-summary");
      // The whole pane, written before the assertions so that a failure can be looked at.
      await page.screenshot({ path: path.join(OUTPUT, `${shot.name}-full.png`), fullPage: true });
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      const claimable = await styleOf(page, "claimable");
      // One line: an amount never breaks mid-number.
      expect(claimable.height).toBeLessThan(claimable.lineHeight * 1.5);
      const values = await page.locator("[data-testid=results-summary] [data-amount]").evaluateAll((spans) => spans.map((s) => s.getBoundingClientRect().height));
      expect(values.length).toBeGreaterThan(1);
      for (const h of values) expect(h).toBeLessThan(claimable.lineHeight);
      await page.screenshot({ path: path.join(OUTPUT, `${shot.name}.png`) });
      expect(pageErrors).toEqual([]);
      await context.close();
    }
  });

  test("the Remove dialog (inside Excel only, so on a page of its own): focus on Cancel, the whole message visible at 200% zoom, axe", async () => {
    const harness = mkdtempSync(path.join(os.tmpdir(), "arrs-harness-"));
    try {
      await buildHarness(harness);
      const own = await serve(harness);
      for (const zoom of [1, 2] as const) {
        const context = await browser.newContext({ viewport: { width: Math.round(350 / zoom), height: Math.round(900 / zoom) }, deviceScaleFactor: zoom });
        const page = await context.newPage();
        await page.goto(`${own.url}/harness.html`);
        await page.getByRole("button", { name: "Remove ARRS output" }).click();
        const dialog = page.getByRole("alertdialog", { name: "Remove ARRS output?" });
        await dialog.waitFor();
        // Enter twice must never remove: focus starts on Cancel.
        await page.waitForFunction(() => document.activeElement?.textContent === "Cancel");
        // Once it has finished opening: inside the pane, and nothing in it scrolled or cut off.
        await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
        const box = await dialog.evaluate((d) => {
          const r = d.getBoundingClientRect();
          const clipped = [d, ...Array.from(d.querySelectorAll("*"))].filter((e) => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1)
            .filter((e) => getComputedStyle(e).overflow !== "visible").map((e) => e.className.toString().split(" ")[0]);
          return { right: r.right, bottom: r.bottom, left: r.left, top: r.top, clipped };
        });
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.top).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(350 / zoom);
        expect(box.bottom).toBeLessThanOrEqual(900 / zoom);
        expect(box.clipped).toEqual([]);
        await page.screenshot({ path: path.join(OUTPUT, `remove-dialog-350${zoom === 2 ? "-zoom-200" : ""}.png`) });
        expect(unexpected(await axeViolations(page, axe))).toEqual([]);
        await page.keyboard.press("Enter");
        await page.getByTestId("said").filter({ hasText: "cancelled" }).waitFor();
        await context.close();
      }
      await new Promise((resolve) => own.server.close(resolve));
    } finally {
      rmSync(harness, { recursive: true, force: true });
    }
  });

  test("the Write claim summary box: a warning state with errors, Open the ARRS checker first and focused; light and dark; axe", async () => {
    const query = new URLSearchParams({
      kind: "attention", title: "Claim summary written: 6 errors to fix",
      message: "Claimable for 2025/26: £563,674.81 of an ARRS sum of £1,638,658.69, which leaves £1,074,983.88 of it to claim. 6 errors and 10 warnings to look at: open the ARRS checker to see them, or read the ARRS columns beside the roster.",
    });
    for (const dark of [false, true]) {
      const context = await browser.newContext({ viewport: { width: 480, height: 320 }, colorScheme: dark ? "dark" : "light" });
      const page = await context.newPage();
      await page.goto(`${site.url}/commands.html?${query}`);
      await page.getByRole("heading", { name: "Claim summary written: 6 errors to fix" }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Open the ARRS checker");
      expect(await page.getByRole("main").count()).toBe(1);
      expect(await page.locator(".icon-attention").isVisible()).toBe(true);
      await page.screenshot({ path: path.join(OUTPUT, `claim-summary-box${dark ? "-dark" : ""}.png`) });
      expect(unexpected(await axeViolations(page, axe))).toEqual([]);
      await context.close();
    }
  });

  test("2026/27: the year ahead with its chart; the results offer the rates sheet; it goes into the download, and once filled every role claims on it", async () => {
    const { context, page, pageErrors } = await openPane(browser, site.url, { width: 350 });
    await openWorkbook(page, SAMPLE);
    await page.getByRole("button", { name: "Change settings" }).click();
    await page.getByRole("textbox", { name: /Financial year/ }).fill("2026/27");
    expect(await page.getByRole("checkbox", { name: "Claim up to earlier years' maximums while this year's are missing" }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByRole("button", { name: "Change settings" }).waitFor({ timeout: 60_000 });
    await checkRoster(page);
    await page.locator(".fui-MessageBarBody span").getByText(/^No 2026\/27 maximum amounts are built in for \d+ roles on this roster: until you add them, their claims rest on earlier years' figures\.$/).waitFor();
    await page.getByText(/of this rests on earlier years' maximums$/).waitFor();
    // The year ahead (the forecast at today's date): its sentence and its chart, after the money.
    const yearAhead = page.getByRole("region", { name: "The year ahead" });
    await yearAhead.waitFor();
    await yearAhead.getByText(/ARRS sum/).first().waitFor();
    expect(await yearAhead.getByRole("img").count()).toBe(1);
    await yearAhead.scrollIntoViewIfNeeded();
    await yearAhead.screenshot({ path: path.join(OUTPUT, "year-ahead-2026-27-350.png") });

    await page.getByRole("button", { name: "Add the 2026/27 rates sheet" }).click();
    await page.locator(".fui-MessageBarBody span", { hasText: /^Added the sheet "ARRS max reimb 26-27" at the end of the workbook\. Download the workbook/ }).waitFor({ timeout: 60_000 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(OUTPUT, "rates-2026-27-350.png") });

    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByRole("button", { name: "Download checked workbook" }).click(),
    ]);
    const saved = path.join(scratch, "with-rates.xlsx");
    await download.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const rates = workbook.getWorksheet("ARRS max reimb 26-27")!;
    expect(rates.getCell("A7").value).toBe("Clinical Pharmacist");
    expect(rates.getCell("C7").value).toBeNull();
    // Filled in (any figures: each blank a little over last year's), then opened and checked again.
    rates.eachRow((row, rowNumber) => {
      if (rowNumber <= 6) return;
      for (let c = 3; c <= 5; c++) {
        if (row.getCell(c).value === null) row.getCell(c).value = Math.round((Number(row.getCell(c + 4).value) || 50000) * 1.03);
      }
    });
    const filled = path.join(scratch, "filled.xlsx");
    await workbook.xlsx.writeFile(filled);
    await openWorkbook(page, filled);
    await checkRoster(page);
    await page.getByText("Claimable for 2026/27").waitFor();
    expect(await page.getByText(/maximum amounts are built in for/).count()).toBe(0);
    expect(await page.getByText(/rests on earlier years' maximums/).count()).toBe(0);
    expect(await page.getByRole("combobox", { name: "Code" }).locator("option", { hasText: /RATE_FLOOR|NO_RATE/ }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

if (!haveChromium) {
  test("the browser test", () => {
    console.log("SKIPPED: the browser test needs Chromium (apt-get install chromium); .ci/run installs it");
  });
}
