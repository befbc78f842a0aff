/**
 * The task pane's entry. Inside Excel (Office.onReady says so) it works on the open workbook through
 * the Office adapter; anywhere else (office.js reports no host, or is not there at all) it offers
 * "Open a workbook" and works on a file read in the browser tab.
 */
import { createRoot } from "react-dom/client";
import { OfficeWorkbook } from "../workbook/office-workbook";
import { App } from "./components/App";
import { TaskpaneController } from "./controller";
import { detectHost } from "./host";
import { mediaTheme, officeTheme } from "./theme";
import { canUseWorkers, workerCheckRunner } from "./worker-runner";

/**
 * Checks run in a Web Worker (check.worker.ts), which webpack bundles from this URL. tsconfig.json
 * builds CommonJS for Node, where import.meta is refused; webpack builds this file as an ES module.
 */
// @ts-expect-error import.meta.url is webpack's (an ES module build), not tsc's CommonJS.
const startWorker = () => new Worker(new URL("./check.worker.ts", import.meta.url), { name: "arrs-check" });
const runner = canUseWorkers() ? workerCheckRunner(startWorker) : undefined;

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) return;
  const root = createRoot(container);
  const host = await detectHost();
  if (host === "excel") {
    root.render(<App mode="excel" controller={new TaskpaneController(new OfficeWorkbook(), { runner })} themeSource={officeTheme()} />);
  } else {
    root.render(<App mode="browser" runner={runner} themeSource={mediaTheme()} />);
  }
}

void start();
