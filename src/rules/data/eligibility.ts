/** The conditions of eligibility.json, under the names other modules import from here (see ../load.ts). */
export { ELIGIBILITY_CONDITIONS, GP_YEARS_AFTER_CCT } from "../load";
