/**
 * What the browser tests share: the pane built with the project's webpack.config.js (office.js served
 * locally) and served from 127.0.0.1, Chromium launched headless, axe-core where it is installed, and
 * workbooks made in code (a long roster, a workbook with no roster, the sample without its settings).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";

export const ROOT = path.join(__dirname, "..", "..");
export const SAMPLE = path.join(ROOT, "examples", "sample-pcn-2025-26.xlsx");
export const OUTPUT = path.join(ROOT, "test-output", "taskpane");
export const CHROMIUM = "/usr/bin/chromium";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".css": "text/css",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** A tiny static server for the built folder, on 127.0.0.1 only. */
export function serve(dir: string): Promise<{ server: Server; url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    requests.push(pathname);
    const file = path.join(dir, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ""));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => {
    resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests });
  }));
}

/** webpack.config.js through webpack's Node API, into a folder, with office.js copied in. */
export async function build(outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require("webpack") as typeof import("webpack");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (env: Record<string, unknown>, argv: Record<string, unknown>) => import("webpack").Configuration;
  const config = makeConfig({ localOffice: true }, { mode: "production" });
  config.output = { ...config.output, path: outDir };
  config.devtool = false;
  await new Promise<void>((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

/** The Remove dialog on a page of its own (remove-dialog-harness.tsx), built into `outDir` as harness.html. */
export async function buildHarness(outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require("webpack") as typeof import("webpack");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const HtmlWebpackPlugin = require("html-webpack-plugin") as typeof import("html-webpack-plugin");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (env: Record<string, unknown>, argv: Record<string, unknown>) => import("webpack").Configuration;
  const config = makeConfig({ localOffice: true }, { mode: "production" });
  config.entry = { harness: path.join(__dirname, "remove-dialog-harness.tsx") };
  config.output = { ...config.output, path: outDir, clean: false };
  config.devtool = false;
  config.optimization = {};
  config.plugins = [new HtmlWebpackPlugin({
    filename: "harness.html",
    templateContent: '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Remove dialog</title></head><body style="margin:0"><div id="root"></div></body></html>',
  })];
  await new Promise<void>((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

export async function launch(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

/** A pane in a new page: `width` CSS pixels wide; at 200% zoom, half the width at twice the pixels. */
export async function openPane(browser: Browser, url: string, options: { width: number; height?: number; zoom?: 1 | 2; dark?: boolean } & BrowserContextOptions) {
  const zoom = options.zoom ?? 1;
  const context = await browser.newContext({
    viewport: { width: Math.round(options.width / zoom), height: Math.round((options.height ?? 900) / zoom) },
    deviceScaleFactor: zoom,
    acceptDownloads: true,
    colorScheme: options.dark ? "dark" : "light",
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${url}/taskpane.html`);
  await page.getByLabel("Open a workbook (.xlsx)").waitFor({ timeout: 30_000 });
  return { context, page, pageErrors };
}

/** Opens a workbook file in the pane and waits for its roster (or its no-roster warning). */
export async function openWorkbook(page: Page, file: string): Promise<void> {
  await page.getByLabel("Open a workbook (.xlsx)").setInputFiles(file);
  await page.getByTestId("open-file").filter({ hasText: path.basename(file) }).waitFor({ timeout: 60_000 });
}

export async function checkRoster(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Check roster" }).click();
  await page.getByTestId("results-summary").waitFor({ timeout: 120_000 });
}

/** Nothing wider than the pane. */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** axe-core's script (a dev dependency; AXE_CORE_JS names another copy). */
export function axeSource(): string {
  const file = process.env.AXE_CORE_JS ?? require.resolve("axe-core/axe.min.js");
  return readFileSync(file, "utf8");
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/**
 * axe-core's violations on the page as it is now. The page's policy refuses injected script tags, so
 * axe is evaluated through the DevTools protocol, as any script the test runs.
 */
export async function axeViolations(page: Page, source: string): Promise<AxeViolation[]> {
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, options: object): Promise<{ violations: AxeViolation[]; passes: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    // An audit that passed nothing did not look at the page.
    if (result.passes.length === 0) throw new Error("axe-core checked nothing on this page");
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 200) })) }));
  });
}

/** The sample's roster rows repeated, renamed and renumbered, to `rows` staff rows. */
export async function longRoster(file: string, rows: number): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE);
  const roster = book.getWorksheet("Roster 2025-26")!;
  const people: ExcelJS.CellValue[][] = [];
  roster.eachRow((row, n) => { if (n > 4 && row.getCell(3).value) people.push((row.values as ExcelJS.CellValue[]).slice(1)); });
  for (let i = 0; i < rows - people.length; i++) {
    const from = people[i % people.length].map((v) => (v && typeof v === "object" && "result" in v ? (v as { result: ExcelJS.CellValue }).result : v));
    from[0] = `GEN${String(i + 1).padStart(5, "0")}`;
    from[1] = `Person ${i + 1} ${String(from[1]).split(" ")[1] ?? ""}`.trim();
    roster.addRow(from);
  }
  await book.xlsx.writeFile(file);
}

/** A workbook with a sheet that is not a roster. */
export async function noRosterWorkbook(file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Budget");
  sheet.addRow(["Item", "Amount"]);
  sheet.addRow(["Room hire", 1200]);
  await book.xlsx.writeFile(file);
}

/** The sample without its ARRS Settings sheet: the check assumes the year and the region. */
export async function sampleWithoutSettings(file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE);
  book.removeWorksheet(book.getWorksheet("ARRS Settings")!.id);
  await book.xlsx.writeFile(file);
}

/** How long office.js waits, once loaded outside Office, before it adds its telemetry frame (ULSEndpointProxy). */
export const OFFICE_TELEMETRY_FRAME_DELAY_MS = 3_000;

/** Chromium's message for the telemetry frame office.js adds, blocked by the page's frame-src. */
export function isBlockedOfficeTelemetryFrame(message: string): boolean {
  return /^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/.*' violates the following Content Security Policy directive: "frame-src /.test(message)
    && /The request has been blocked/.test(message);
}
