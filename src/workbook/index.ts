export type { WorkbookPort } from "./types";
export { FileWorkbook, WorkbookFileError, WorkbookWriteError, readGrid } from "./file-workbook";
