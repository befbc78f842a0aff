export * from "./types";
export * from "./ruleset";
export * from "./finding-codes";
export { LARGE_PCN_LIST_SIZE, GP_YEARS_AFTER_CCT, BAND_DEPENDENT_ALIASES, RuleDataError } from "./load";
