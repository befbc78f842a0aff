/**
 * @jest-environment jsdom
 *
 * Excel or a browser tab: Office.onReady decides, but outside Office the pane does not wait long for it.
 */
import { BROWSER_WAIT_MS, detectHost, looksHostedByOffice } from "../../src/taskpane/host";

const global = globalThis as unknown as { Office?: unknown };
afterEach(() => {
  delete global.Office;
  jest.useRealTimers();
  window.sessionStorage.clear();
});

function fakeWindow(parts: { search?: string; name?: string; framed?: boolean; external?: unknown } = {}): Window {
  const self = {} as Window;
  return Object.assign(self, {
    location: { search: parts.search ?? "", hash: "" },
    name: parts.name ?? "",
    sessionStorage: window.sessionStorage,
    external: parts.external,
    self,
    top: parts.framed ? ({} as Window) : self,
  }) as unknown as Window;
}

test("the signs of an Office host", () => {
  expect(looksHostedByOffice(fakeWindow())).toBe(false);
  expect(looksHostedByOffice(fakeWindow({ search: "?_host_Info=Excel$Win32$16.01$en-GB$$$$0" }))).toBe(true);
  expect(looksHostedByOffice(fakeWindow({ name: JSON.stringify({ hostInfo: "Excel|Web" }) }))).toBe(true);
  expect(looksHostedByOffice(fakeWindow({ framed: true }))).toBe(true);
  expect(looksHostedByOffice(fakeWindow({ external: { GetHostInfo: () => "" } }))).toBe(true);
  window.sessionStorage.setItem("hostInfoValue", "Excel$Web$16.00$en-GB");
  expect(looksHostedByOffice(fakeWindow())).toBe(true);
});

test("no office.js: the browser door", async () => {
  expect(await detectHost(fakeWindow())).toBe("browser");
});

test("Office.onReady says Excel: the Excel door", async () => {
  global.Office = { onReady: () => Promise.resolve({ host: "Excel", platform: "OfficeOnline" }), HostType: { Excel: "Excel" } };
  expect(await detectHost(fakeWindow({ framed: true }))).toBe("excel");
});

test("Office.onReady says no host: the browser door", async () => {
  global.Office = { onReady: () => Promise.resolve({ host: null, platform: null }), HostType: { Excel: "Excel" } };
  expect(await detectHost(fakeWindow())).toBe("browser");
});

test("outside Office, an office.js that never answers does not keep the pane waiting", async () => {
  jest.useFakeTimers();
  global.Office = { onReady: () => new Promise(() => undefined), HostType: { Excel: "Excel" } };
  const host = detectHost(fakeWindow());
  jest.advanceTimersByTime(BROWSER_WAIT_MS);
  expect(await host).toBe("browser");
});

test("inside an Office frame, a slow Office.onReady is waited for", async () => {
  jest.useFakeTimers();
  global.Office = {
    onReady: () => new Promise((resolve) => setTimeout(() => resolve({ host: "Excel" }), 10_000)),
    HostType: { Excel: "Excel" },
  };
  const host = detectHost(fakeWindow({ framed: true }));
  jest.advanceTimersByTime(10_000);
  expect(await host).toBe("excel");
});
