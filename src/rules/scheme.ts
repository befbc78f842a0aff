/**
 * Facts about the scheme itself that need none of the rule tables, in a module of their own so that
 * the task pane can import them without loading data/*.json (ruleset.ts re-exports them).
 */
import type { IsoDate } from "./types";

/** The first date any rule covers: the scheme began on 1 July 2019. */
export const SCHEME_START: IsoDate = "2019-07-01";
