/**
 * The =ARRS.* worksheet functions as plain functions: one per worksheet function, taking what Excel
 * passes (single values, or ranges as arrays of rows) and returning a value, a matrix of values, or
 * CellErrors ({ error: "value" | "na", message }). They are thin wrappers: every figure comes from
 * rules/ (RuleSet look-ups) and every claim from engine/ (checkRoster), so a function and the task pane
 * cannot disagree.
 *
 * Pure: no Office, no globals, no clock. `today` and the rule set (with the workbook's own figures) are
 * passed in; functions.ts supplies them in Excel, tests and the bench supply their own.
 *
 * Matrix in, matrix out: any argument may be a range; 1×1 ranges and single values are used for every
 * cell; other ranges must be the same shape (else one #VALUE! for the call). Errors are per cell. A
 * call with no range among its arguments returns a single value.
 *
 * The functions live in lookups.ts (rules only), claims.ts and unspent.ts (the engine), so that the add-in can
 * load the engine only when a claim is asked for; this module is the one place that lists them all.
 */
export { cap, eligible, maxReimb, NO_CAP, role, roles, source, type FunctionContext, type RulesForYear } from "./lookups";
export { claim, entitlement, monthly } from "./claims";
export { unspent } from "./unspent";
export { BLANK, isCellError, type Cell, type CellError, type Result } from "./arguments";
