export * from "./types";
export { checkRoster, InvalidSettingsError } from "./check";
export { entitlementFor } from "./totals";
