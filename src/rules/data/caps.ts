/** The caps of caps.json, under the names other modules import from here (see ../load.ts). */
export { CAP_RULES, LARGE_PCN_LIST_SIZE } from "../load";
