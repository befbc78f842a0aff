/**
 * @jest-environment jsdom
 *
 * The box the ribbon's Write claim summary opens (commands.html, filled in by notice.ts): a main
 * landmark and no alertdialog role, the notice's words, its state by kind (with errors, a warning
 * state whose main action opens the checker), the main action first and focused, Fluent's colours.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { mainAction, renderNotice } from "../../src/commands/notice";
import { noticeQuery } from "../../src/commands/notice-message";

const HTML = readFileSync(path.join(__dirname, "..", "..", "src", "commands", "commands.html"), "utf8");

function load(): Document {
  document.documentElement.innerHTML = HTML.replace(/^<!doctype html>\s*<html[^>]*>/i, "").replace(/<\/html>\s*$/i, "");
  return document;
}

const buttons = (doc: Document) => Array.from(doc.querySelectorAll("#notice-actions button")).map((b) => `${b.textContent}${b.classList.contains("primary") ? " (main)" : ""}`);

test("a main landmark named by the title, and no alertdialog", () => {
  const doc = load();
  const main = doc.querySelector("main")!;
  expect(main.getAttribute("role")).toBeNull();
  expect(main.getAttribute("aria-labelledby")).toBe("notice-title");
  expect(doc.querySelector("[role=alertdialog]")).toBeNull();
});

test.each([
  ["done", "Claim summary written", ["Close (main)", "Open the ARRS checker"]],
  ["attention", "Claim summary written: 6 errors to fix", ["Open the ARRS checker (main)", "Close"]],
  ["problem", "The claim summary was not written", ["Open the ARRS checker (main)", "Close"]],
  ["failed", "Something went wrong", ["Open the ARRS checker (main)", "Close"]],
] as const)("%s: its words, its state, and its main action first", (kind, title, expected) => {
  const doc = load();
  const main = renderNotice(doc, `?${noticeQuery({ kind, title, message: "Words." })}`);
  expect(doc.body.dataset.kind).toBe(kind);
  expect(doc.getElementById("notice-title")!.textContent).toBe(title);
  expect(doc.getElementById("notice-message")!.textContent).toBe("Words.");
  expect(buttons(doc)).toEqual(expected);
  expect(main.id).toBe(mainAction(kind));
});

test("Fluent's colours: the brand blue for the main button, not the old teal", () => {
  expect(HTML).toMatch(/--brand: #0f6cbd/);
  expect(HTML).not.toMatch(/#00796b/i);
  // Each kind shows an icon as well as a colour.
  for (const kind of ["done", "attention", "failed"]) expect(HTML).toContain(`class="icon-${kind}"`);
});
