/**
 * The browser-tab door: an .xlsx file the user chose, read into the file adapter in this tab. The
 * adapter is loaded here only, by a dynamic import, so that the add-in's own bundle never carries it. Nothing leaves the browser: the checked copy is handed back as a Blob.
 */
import type { WorkbookPort } from "../workbook/types";
import { TaskpaneController, type ControllerOptions } from "./controller";

export interface OpenedFile {
  controller: TaskpaneController;
  fileName: string;
  /** "<name>.arrs.xlsx" */
  downloadName: string;
  /** The workbook as it now is, as an .xlsx file. */
  toBlob(): Promise<Blob>;
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** "Roster 2025.xlsx" → "Roster 2025.arrs.xlsx". */
export function downloadNameFor(fileName: string): string {
  const base = fileName.replace(/\.xlsx$/i, "").replace(/\.arrs$/i, "") || "workbook";
  return `${base}.arrs.xlsx`;
}

/** Reads a chosen file; a file that is not an .xlsx workbook throws a WorkbookFileError with a plain message. */
export async function openWorkbookFile(file: File, options: ControllerOptions = {}): Promise<OpenedFile> {
  // The file's bytes are read (and unzipped on demand) in this thread, where the download is made;
  // the checks themselves run wherever options.runner says.
  const bytes = new Uint8Array(await readBytes(file));
  const { XlsxWorkbook } = await import("../workbook/xlsx/xlsx-workbook");
  const workbook = await XlsxWorkbook.fromBuffer(bytes);
  return openedFile(workbook, file.name, options);
}

/** Wraps an in-memory workbook that can save itself (the file adapter, or a test double). */
export function openedFile(workbook: WorkbookPort & { toBuffer(): Promise<Uint8Array> }, fileName: string, options: ControllerOptions = {}): OpenedFile {
  return {
    controller: new TaskpaneController(workbook, options),
    fileName,
    downloadName: downloadNameFor(fileName),
    async toBlob() {
      const bytes = await workbook.toBuffer();
      return new Blob([bytes as BlobPart], { type: XLSX_MIME });
    },
  };
}

/** File.arrayBuffer where the browser has it, else a FileReader. */
function readBytes(file: File): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read."));
    reader.readAsArrayBuffer(file);
  });
}

/** Hands a Blob to the browser as a download; the object URL is released afterwards. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.rel = "noopener";
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
