export * from "./types";
export * from "./ruleset";
export * from "./finding-codes";
export { LARGE_PCN_LIST_SIZE } from "./data/caps";
export { GP_YEARS_AFTER_CCT } from "./data/eligibility";
