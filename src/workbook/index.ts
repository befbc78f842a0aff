export type { WorkbookPort } from "./types";
export { WorkbookFileError, WorkbookWriteError } from "./file-errors";
export { XlsxWorkbook } from "./xlsx/xlsx-workbook";
