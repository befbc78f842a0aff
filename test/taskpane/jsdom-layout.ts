import { CompressionStream as NodeCompressionStream, DecompressionStream as NodeDecompressionStream } from "node:stream/web";
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "node:util";

/**
 * jsdom lays nothing out: every offsetParent is null and the body measures 0 × 0. Tabster (Fluent's
 * focus manager, which moves Tab focus and traps it in dialogs) then takes every element for hidden
 * and lets focus fall to <body>. Here elements count as shown unless display:none, and the body has
 * the size of a task pane.
 */
Object.defineProperty(HTMLElement.prototype, "offsetParent", {
  configurable: true,
  get(this: HTMLElement) {
    return this.style?.display === "none" ? null : this.parentElement;
  },
});

const PANE = { x: 0, y: 0, top: 0, left: 0, right: 350, bottom: 900, width: 350, height: 900 };
document.body.getBoundingClientRect = () => ({ ...PANE, toJSON: () => PANE }) as DOMRect;

// jsdom has no TextEncoder, TextDecoder, CompressionStream or DecompressionStream, which every
// current browser has (the file adapter unzips and decodes the workbook's parts with them): lend it Node's.
const globals = globalThis as unknown as Record<string, unknown>;
globals.TextDecoder ??= NodeTextDecoder;
globals.TextEncoder ??= NodeTextEncoder;
globals.CompressionStream ??= NodeCompressionStream;
globals.DecompressionStream ??= NodeDecompressionStream;

export {};
