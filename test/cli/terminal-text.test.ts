/**
 * Roster text on its way to a terminal (src/cli/terminal-text.ts): nothing that moves the cursor,
 * changes the screen or reorders what is shown reaches it raw, and nothing starts a new line.
 */
import { forTerminal, jsonForTerminal } from "../../src/cli/terminal-text";

describe("forTerminal", () => {
  test.each([
    ["plain text, accents and symbols as they are", "Ní Bhriain · £45,000 – 0.8 WTE", "Ní Bhriain · £45,000 – 0.8 WTE"],
    ["ESC sequences (title, clear screen, hidden text)", "A\u001b]0;x\u0007B\u001b[2J\u001b[8m", "A\\x1b]0;x\\x07B\\x1b[2J\\x1b[8m"],
    ["NUL, tab, DEL", "a\u0000b\tc\u007f", "a\\x00b\\tc\\x7f"],
    ["C1 controls, CSI among them", "a\u009b31mb\u0080", "a\\x9b31mb\\x80"],
    ["bidi overrides and isolates", "x\u202ey\u2066z\u2069\u202a", "x\\u202ey\\u2066z\\u2069\\u202a"],
    ["each kind of line break, CRLF as one", "a\r\nb\nc\rd\u2028e\u2029f\u0085g\u000bh\u000ci", "a⏎b⏎c⏎d⏎e⏎f⏎g⏎h⏎i"],
  ])("%s", (_what, text, shown) => {
    expect(forTerminal(text)).toBe(shown);
  });

  test("whatever the text, the result is one line with no control character", () => {
    const every = Array.from({ length: 0x2100 }, (_, code) => String.fromCharCode(code)).join("");
    // eslint-disable-next-line no-control-regex
    expect(forTerminal(every)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
  });
});

describe("jsonForTerminal", () => {
  test("escapes what JSON.stringify leaves raw, and parses back to the same value", () => {
    const value = { name: "a\u007fb\u009bc\u2028d\u2029e\u202ef\u2067g\u001bh\ni" };
    const json = jsonForTerminal(JSON.stringify(value, null, 2));
    // eslint-disable-next-line no-control-regex
    expect(json.replace(/\n/g, "")).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
