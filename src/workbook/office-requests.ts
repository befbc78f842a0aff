/**
 * Filling Excel requests up to a size, so a large write takes a few `context.sync()` calls rather
 * than one per row, and no request comes near Excel on the web's 5 MB payload limit (docs: "Resource
 * limits and performance optimization for Office Add-ins": 5 MB for requests and responses).
 *
 * Sizes are estimates made before queuing: the JSON length of the values sent plus a fixed allowance
 * for each call's envelope (object path, method name), which is larger than Office's own.
 */

/** The most a request may hold: well under the 5 MB limit, and the figure the tests hold us to. */
export const REQUEST_LIMIT_BYTES = 4_000_000;
/** What a request is filled to, leaving room for estimates that fall short. */
export const REQUEST_BUDGET_BYTES = 3_700_000;
/** Allowance for one queued call besides its values. */
export const CALL_BYTES = 400;

export interface RequestQueueOptions {
  /** Suspend calculation and screen updating in every request (writes only). */
  suspend: { calculation: boolean; screen: boolean } | null;
  budget?: number;
}

/**
 * One Excel.run's queue of calls, sent whenever the next piece would not fit. Calls are queued by the
 * caller on Office's own proxies; this only decides when to sync and what each request starts with.
 */
export class RequestQueue {
  private queued = 0;
  private open = false;
  readonly budget: number;

  constructor(private readonly context: Excel.RequestContext, private readonly options: RequestQueueOptions) {
    this.budget = options.budget ?? REQUEST_BUDGET_BYTES;
  }

  /** Bytes still free in the request being filled (the whole budget when none is open). */
  get room(): number {
    return this.open ? this.budget - this.queued : this.budget;
  }

  /**
   * Makes room for a piece of `bytes` that must travel in one request: sends the open request first
   * if the piece would not fit in it. A piece larger than the budget goes alone.
   */
  async reserve(bytes: number): Promise<void> {
    if (this.open && this.queued + bytes > this.budget) await this.send();
    this.begin();
    this.queued += bytes;
  }

  /** Sends the open request, if any. */
  async send(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    this.queued = 0;
    await this.context.sync();
  }

  /**
   * Suspension lasts only until the next sync (ExcelApi 1.6 / 1.9), so every request that writes
   * starts by asking for it again. Excel leaves recalculation to us afterwards; see recalculate().
   */
  private begin(): void {
    if (this.open) return;
    this.open = true;
    const suspend = this.options.suspend;
    if (!suspend) return;
    const application = this.context.workbook.application;
    if (suspend.calculation) application.suspendApiCalculationUntilNextSync();
    if (suspend.screen) application.suspendScreenUpdatingUntilNextSync();
    this.queued += 2 * CALL_BYTES;
  }

  /**
   * After writing with calculation suspended, "it is the developer's responsibility to re-calc the
   * workbook" (ExcelApi docs for suspendApiCalculationUntilNextSync). "Recalculate" recalculates only
   * the cells made dirty, such as a user's formula over the ARRS columns; it goes in a request of its
   * own, so that it runs after the suspension has ended.
   */
  async recalculate(): Promise<void> {
    await this.send();
    this.context.workbook.application.calculate("Recalculate");
    await this.context.sync();
  }
}

/** The size in bytes of a value as Office would send it: its JSON, in UTF-8 ("£" is two bytes). */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "null");
}

export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is two UTF-16 units and four bytes, so each half adds one.
    if (code >= 0x80) bytes += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}
