/** The roles of roles.json, under the names other modules import from here (see ../load.ts). */
export { ROLES, BAND_DEPENDENT_ALIASES } from "../load";
