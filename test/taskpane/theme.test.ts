/**
 * @jest-environment jsdom
 *
 * Light or dark from Office's theme (body background darkness) or, outside Office, from
 * prefers-color-scheme; followed when either changes.
 */
import { fixedTheme, luminance, mediaTheme, officeTheme, themeForBackground, type ThemeName } from "../../src/taskpane/theme";

test.each([
  ["#ffffff", "light"], ["#FFF", "light"], ["#f3f2f1", "light"], ["#e6e6e6", "light"],
  ["#262626", "dark"], ["#000000", "dark"], ["#444444", "dark"], ["#1f1f1f", "dark"],
])("body background %s is %s", (color, theme) => {
  expect(themeForBackground(color)).toBe(theme);
});

test("an unreadable colour gives no answer", () => {
  expect(luminance("blue")).toBeNull();
  expect(themeForBackground(undefined)).toBeNull();
});

function fakeMedia(dark: boolean) {
  const listeners: ((e: { matches: boolean }) => void)[] = [];
  const query = {
    matches: dark,
    addEventListener: (_: string, l: (e: { matches: boolean }) => void) => listeners.push(l),
    removeEventListener: jest.fn(),
  };
  const win = { matchMedia: () => query } as unknown as Window;
  return { win, change: (matches: boolean) => { query.matches = matches; listeners.forEach((l) => l({ matches })); } };
}

test("outside Office: prefers-color-scheme, followed as it changes", () => {
  const media = fakeMedia(true);
  const source = mediaTheme(media.win);
  expect(source.current()).toBe("dark");
  const seen: ThemeName[] = [];
  source.subscribe((t) => seen.push(t));
  media.change(false);
  expect(seen).toEqual(["light"]);
});

describe("inside Office", () => {
  const global = globalThis as unknown as { Office?: unknown };
  let background = "#262626";
  let handler: (() => void) | null = null;
  beforeEach(() => {
    global.Office = {
      EventType: { OfficeThemeChanged: "officeThemeChanged" },
      context: {
        get officeTheme() { return { bodyBackgroundColor: background }; },
        document: { addHandlerAsync: (_: string, h: () => void) => { handler = h; } },
      },
    };
  });
  afterEach(() => { delete global.Office; });

  test("the theme comes from Office's body background, not the browser, and follows a change", () => {
    const source = officeTheme(fixedTheme("light"));
    expect(source.current()).toBe("dark");
    const seen: ThemeName[] = [];
    const stop = source.subscribe((t) => seen.push(t));
    background = "#ffffff";
    handler?.();
    expect(seen).toEqual(["light"]);
    background = "#1f1f1f";
    window.dispatchEvent(new Event("focus"));
    expect(seen).toEqual(["light", "dark"]);
    stop();
  });

  test("with no Office theme it falls back to the browser's", () => {
    background = "";
    expect(officeTheme(fixedTheme("dark")).current()).toBe("dark");
    expect(officeTheme(fixedTheme("light")).current()).toBe("light");
  });
});
