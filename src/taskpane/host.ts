/**
 * Excel or a plain browser tab? office.js answers through Office.onReady (host "Excel", or null
 * outside Office), but outside Office it can take a long time to answer, or never answer when its
 * locale files cannot be fetched. So the page first looks for the signs office.js itself reads (the
 * _host_Info query parameter, window.name, its session storage, the desktop's window.external, or
 * being framed by Excel on the web): with them it waits for Office as long as Office needs; without
 * them, only briefly.
 */
export type HostKind = "excel" | "browser";

/** True when the page shows any of the signs of running inside an Office host. */
export function looksHostedByOffice(win: Window): boolean {
  try {
    if (/[?&#]_host_Info=/i.test(`${win.location.search}${win.location.hash}`)) return true;
    if (typeof win.name === "string" && win.name.includes("hostInfo")) return true;
    if (win.sessionStorage?.getItem("hostInfoValue")) return true;
    const external = (win as unknown as { external?: { GetHostInfo?: unknown } }).external;
    if (external && typeof external.GetHostInfo === "function") return true;
  } catch {
    // Storage or external refused: fall through to the framing check.
  }
  try {
    return win.top !== win.self;
  } catch {
    // A cross-origin parent: framed, as by Excel on the web.
    return true;
  }
}

export const HOSTED_WAIT_MS = 30_000;
export const BROWSER_WAIT_MS = 1_500;

export async function detectHost(win: Window = window): Promise<HostKind> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return "browser";
  const wait = looksHostedByOffice(win) ? HOSTED_WAIT_MS : BROWSER_WAIT_MS;
  const info = await Promise.race([
    Office.onReady().catch(() => null),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), wait)),
  ]);
  return info?.host === Office.HostType.Excel ? "excel" : "browser";
}
