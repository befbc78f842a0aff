/**
 * Light or dark, as the host says: inside Office from the Office theme's body background colour (and
 * again whenever Office reports a theme change), in a browser tab from prefers-color-scheme. Never a
 * hard-coded light theme.
 */
export type ThemeName = "light" | "dark";

export interface ThemeSource {
  current(): ThemeName;
  /** Calls back with the new theme when it changes; returns the unsubscribe function. */
  subscribe(onChange: (theme: ThemeName) => void): () => void;
}

/** Relative luminance (WCAG) of "#RRGGBB" or "#RGB"; null when the text is not such a colour. */
export function luminance(color: string): number | null {
  let hex = color.trim().replace(/^#/, "");
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = hex.split("").map((c) => c + c).join("");
  if (!/^[0-9a-f]{6}$/i.test(hex)) return null;
  const channel = (i: number) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** Dark when the background is darker than mid-grey. */
export function themeForBackground(color: string | undefined | null): ThemeName | null {
  if (!color) return null;
  const l = luminance(color);
  return l === null ? null : l < 0.2 ? "dark" : "light";
}

/** A fixed theme (tests, or a host that says nothing). */
export function fixedTheme(theme: ThemeName): ThemeSource {
  return { current: () => theme, subscribe: () => () => undefined };
}

/** prefers-color-scheme, followed as it changes. */
export function mediaTheme(win: Window | undefined = typeof window === "undefined" ? undefined : window): ThemeSource {
  const query = win?.matchMedia?.("(prefers-color-scheme: dark)");
  return {
    current: () => (query?.matches ? "dark" : "light"),
    subscribe(onChange) {
      if (!query) return () => undefined;
      const listener = (event: MediaQueryListEvent) => onChange(event.matches ? "dark" : "light");
      query.addEventListener?.("change", listener);
      return () => query.removeEventListener?.("change", listener);
    },
  };
}

function officeBackground(): string | null {
  try {
    return typeof Office !== "undefined" ? Office.context?.officeTheme?.bodyBackgroundColor ?? null : null;
  } catch {
    return null;
  }
}

/**
 * Office's theme. Excel has no documented theme-changed event for task panes in every host, so the
 * theme is also read again when the pane gets focus back (after the user changed it in Office's
 * settings); where Office does raise OfficeThemeChanged, that is used too.
 */
export function officeTheme(fallback: ThemeSource = mediaTheme()): ThemeSource {
  const current = (): ThemeName => themeForBackground(officeBackground()) ?? fallback.current();
  return {
    current,
    subscribe(onChange) {
      let last = current();
      const recheck = () => {
        const now = current();
        if (now !== last) {
          last = now;
          onChange(now);
        }
      };
      const offFallback = fallback.subscribe(recheck);
      try {
        const eventType = (Office.EventType as unknown as Record<string, Office.EventType | undefined>).OfficeThemeChanged;
        if (eventType) Office.context.document?.addHandlerAsync?.(eventType, recheck, () => undefined);
      } catch {
        // Not in this host: the focus check below still follows a change.
      }
      window.addEventListener("focus", recheck);
      document.addEventListener("visibilitychange", recheck);
      return () => {
        offFallback();
        window.removeEventListener("focus", recheck);
        document.removeEventListener("visibilitychange", recheck);
      };
    },
  };
}
