/**
 * @jest-environment jsdom
 *
 * manifest.xml: valid against Microsoft's add-in manifest schemas (with xmllint, where it and
 * ../shared/manifest-schemas are present), and, always, the promises the rest of the add-in relies on:
 * permission, shared runtime, icons that exist at the size named, the ribbon command's function name,
 * the custom functions namespace. (jsdom only for its XML parser.)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { CLAIM_SUMMARY_ACTION } from "../../src/commands/claim-summary";
import { ADDIN_VERSION } from "../../src/functions/functions";

const ROOT = path.join(__dirname, "..", "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const SCHEMAS = path.join(ROOT, "..", "shared", "manifest-schemas");
const SCHEMA = path.join(SCHEMAS, "OfficeAppManifestV1_1.xsd");
const DEV_URL = "https://localhost:3000/";
const OTHER_URL = "https://example.org/arrs/";

// webpack.config.js is CommonJS; its helpers are what the build uses to write dist/manifest.xml.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../webpack.config.js") as { withAddinUrl(xml: string, url: string): string; addinUrl(value?: string): string };

const text = readFileSync(MANIFEST, "utf8");
const xml = new DOMParser().parseFromString(text, "application/xml");

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

const all = (ns: string, name: string, within: Document | Element = xml) => Array.from(within.getElementsByTagNameNS(ns, name));
const one = (ns: string, name: string, within: Document | Element = xml) => {
  const found = all(ns, name, within);
  expect(found).toHaveLength(1);
  return found[0];
};
const xsiType = (el: Element) => el.getAttributeNS(NS.xsi, "type");
const resource = (kind: "Image" | "Url" | "String", id: string) => {
  const found = all(NS.bt, kind).filter((el) => el.getAttribute("id") === id && el.parentElement?.namespaceURI === NS.bt);
  expect({ id, count: found.length }).toEqual({ id, count: 1 });
  return found[0].getAttribute("DefaultValue")!;
};

/** The width and height in a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The file in assets/ an icon URL names. */
function assetFor(url: string): string {
  expect(url.startsWith(`${DEV_URL}assets/`)).toBe(true);
  return path.join(ROOT, "assets", url.slice(`${DEV_URL}assets/`.length));
}

describe("manifest.xml against the add-in manifest schemas", () => {
  const xmllint = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  const canValidate = existsSync(SCHEMA) && !xmllint.error;
  if (!canValidate) {
    test("schema check (skipped)", () => {
      console.log("SKIPPED: manifest schema check needs ../shared/manifest-schemas and xmllint (apt-get install libxml2-utils); .ci/run provides both");
    });
    return;
  }

  const validate = (file: string) => spawnSync("xmllint", ["--noout", "--schema", SCHEMA, file], { encoding: "utf8" });

  test("manifest.xml is valid", () => {
    const result = validate(MANIFEST);
    expect({ status: result.status, stderr: result.stderr.trim() }).toEqual({ status: 0, stderr: `${MANIFEST} validates` });
  });

  test(`the manifest the build writes for ADDIN_URL=${OTHER_URL} is valid`, () => {
    const dir = mkdtempSync(path.join(tmpdir(), "arrs-manifest-"));
    try {
      const file = path.join(dir, "manifest.xml");
      writeFileSync(file, webpackConfig.withAddinUrl(text, OTHER_URL));
      const result = validate(file);
      expect({ status: result.status, stderr: result.stderr.trim() }).toEqual({ status: 0, stderr: `${file} validates` });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the check has teeth: an unknown permission fails", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "arrs-manifest-"));
    try {
      const file = path.join(dir, "manifest.xml");
      writeFileSync(file, text.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>"));
      expect(validate(file).status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("manifest.xml promises", () => {
  test("parses as XML", () => {
    expect(xml.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(xml.documentElement.localName).toBe("OfficeApp");
    expect(xsiType(xml.documentElement)).toBe("TaskPaneApp");
  });

  test("an Excel workbook add-in with a fixed Id, its name, provider and version", () => {
    expect(one(NS.app, "Id").textContent).toBe("d90d4832-c15d-4aca-b501-d4fd4df24149");
    expect(one(NS.app, "DisplayName").getAttribute("DefaultValue")).toBe("ARRS checker");
    expect(one(NS.app, "ProviderName").textContent!.trim()).not.toBe("");
    expect(one(NS.app, "Description").getAttribute("DefaultValue")).toMatch(/ARRS/);
    expect(all(NS.app, "Host").map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(one(NS.app, "Version").textContent).toBe(`${pkg.version}.0`);
    expect(ADDIN_VERSION).toBe(pkg.version);
  });

  test("asks for ReadWriteDocument only", () => {
    expect(all(NS.app, "Permissions").map((p) => p.textContent)).toEqual(["ReadWriteDocument"]);
  });

  test("requires SharedRuntime 1.1, and runs one long-lived runtime on taskpane.html", () => {
    const requirements = one(NS.app, "Requirements");
    const sets = all(NS.app, "Set", requirements).map((s) => `${s.getAttribute("Name")} ${s.getAttribute("MinVersion")}`);
    expect(sets).toContain("SharedRuntime 1.1");
    const runtime = one(NS.ov, "Runtime");
    expect(runtime.getAttribute("lifetime")).toBe("long");
    expect(resource("Url", runtime.getAttribute("resid")!)).toBe(`${DEV_URL}taskpane.html`);
    // Microsoft: the task pane, the function file and the custom functions page use the same resid.
    const resid = runtime.getAttribute("resid");
    expect(one(NS.ov, "FunctionFile").getAttribute("resid")).toBe(resid);
    const page = one(NS.ov, "Page");
    expect(one(NS.ov, "SourceLocation", page).getAttribute("resid")).toBe(resid);
    const showTaskpane = all(NS.ov, "Action").filter((a) => xsiType(a) === "ShowTaskpane");
    expect(showTaskpane).toHaveLength(1);
    expect(one(NS.ov, "SourceLocation", showTaskpane[0]).getAttribute("resid")).toBe(resid);
    expect(one(NS.app, "SourceLocation", one(NS.app, "DefaultSettings")).getAttribute("DefaultValue")).toBe(`${DEV_URL}taskpane.html`);
  });

  test("a Home tab group, \"ARRS checker\", with Open checker and the one-click Write claim summary, each with its own icon", () => {
    const tab = one(NS.ov, "OfficeTab");
    expect(tab.getAttribute("id")).toBe("TabHome");
    const controls = all(NS.ov, "Control", tab).map((c) => ({
      label: resource("String", one(NS.ov, "Label", c).getAttribute("resid")!),
      action: xsiType(one(NS.ov, "Action", c)),
    }));
    expect(controls).toEqual([
      { label: "Open checker", action: "ShowTaskpane" },
      // As the pane's button says it.
      { label: "Write claim summary", action: "ExecuteFunction" },
    ]);
    // One name: the group is the add-in's name, and no button repeats it.
    const groupLabel = Array.from(one(NS.ov, "Group", tab).children).find((c) => c.localName === "Label")!;
    expect(resource("String", groupLabel.getAttribute("resid")!)).toBe("ARRS checker");
    // The two buttons have different icons, at the same sizes.
    const icons = all(NS.ov, "Control", tab).map((c) => all(NS.bt, "Image", one(NS.ov, "Icon", c)).map((i) => `${i.getAttribute("size")}:${resource("Image", i.getAttribute("resid")!)}`));
    expect(icons[0].map((i) => i.split(":")[0])).toEqual(icons[1].map((i) => i.split(":")[0]));
    for (let i = 0; i < icons[0].length; i++) expect(icons[0][i]).not.toBe(icons[1][i]);
  });

  test("the ExecuteFunction's name is the action commands.ts associates", () => {
    const names = all(NS.ov, "FunctionName").map((f) => f.textContent);
    expect(names).toEqual([CLAIM_SUMMARY_ACTION]);

    const associate = jest.fn();
    const office = { onReady: (callback: (info: unknown) => void) => { callback({ host: "Excel", platform: "OfficeOnline" }); return Promise.resolve(); }, actions: { associate } };
    (globalThis as unknown as { Office: unknown }).Office = office;
    try {
      jest.isolateModules(() => {
        // The Excel adapter is not what this checks (and needs Excel to do anything): a stand-in.
        jest.doMock("../../src/workbook/office-workbook", () => ({ OfficeWorkbook: class {} }), { virtual: true });
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require("../../src/commands/commands");
      });
    } finally {
      delete (globalThis as unknown as { Office?: unknown }).Office;
    }
    expect(associate).toHaveBeenCalledTimes(1);
    expect(associate.mock.calls[0][0]).toBe(names[0]);
    expect(typeof associate.mock.calls[0][1]).toBe("function");
  });

  test("custom functions: namespace ARRS, functions.json and functions.js from the dev URL", () => {
    const point = all(NS.ov, "ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions")!;
    expect(point).toBeDefined();
    expect(resource("String", one(NS.ov, "Namespace", point).getAttribute("resid")!)).toBe("ARRS");
    const metadata = one(NS.ov, "Metadata", point);
    expect(resource("Url", one(NS.ov, "SourceLocation", metadata).getAttribute("resid")!)).toBe(`${DEV_URL}functions.json`);
    const script = one(NS.ov, "Script", point);
    expect(resource("Url", one(NS.ov, "SourceLocation", script).getAttribute("resid")!)).toBe(`${DEV_URL}functions.js`);
  });

  test("every icon it names is a PNG in assets/ of the size it is named at", () => {
    const checked: string[] = [];
    const expectSize = (url: string, size: number) => {
      const file = assetFor(url);
      expect({ url, exists: existsSync(file) }).toEqual({ url, exists: true });
      expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
      checked.push(`${path.basename(file)}@${size}`);
    };
    expectSize(one(NS.app, "IconUrl").getAttribute("DefaultValue")!, 32);
    expectSize(one(NS.app, "HighResolutionIconUrl").getAttribute("DefaultValue")!, 64);
    // Each use of an image (group and buttons) says the size it wants; the file must have it.
    const uses = all(NS.bt, "Image").filter((el) => el.hasAttribute("size"));
    expect(uses.length).toBeGreaterThanOrEqual(9);
    for (const use of uses) expectSize(resource("Image", use.getAttribute("resid")!), Number(use.getAttribute("size")));
    // And every image resource is used at some size.
    const defined = all(NS.bt, "Image").filter((el) => el.hasAttribute("id"));
    for (const image of defined) expect(uses.some((u) => u.getAttribute("resid") === image.getAttribute("id"))).toBe(true);
    const sizes = [16, 20, 24, 32, 40, 48, 64, 80];
    expect(new Set(checked)).toEqual(new Set([...sizes.map((n) => `icon-${n}.png@${n}`), ...sizes.map((n) => `claim-summary-${n}.png@${n}`)]));
  });

  test("every address is under the dev URL, so that ADDIN_URL replaces them all", () => {
    const urls = [...text.matchAll(/DefaultValue="(https?:[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(DEV_URL)).toBe(true);
    const moved = webpackConfig.withAddinUrl(text, OTHER_URL);
    expect(moved).not.toContain("localhost");
    expect(moved).toContain(`${OTHER_URL}taskpane.html`);
    // The support page the manifest names is one the build copies.
    expect(existsSync(path.join(ROOT, "assets", "support.html"))).toBe(true);
  });

  test("ADDIN_URL must be an https:// folder address", () => {
    expect(webpackConfig.addinUrl(undefined)).toBe(DEV_URL);
    expect(webpackConfig.addinUrl("https://example.org/arrs")).toBe(OTHER_URL);
    expect(() => webpackConfig.addinUrl("http://example.org/arrs/")).toThrow(/https/);
    expect(() => webpackConfig.addinUrl("example.org")).toThrow(/not a URL/);
  });
});
