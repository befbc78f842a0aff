/**
 * The byte-order mark at the start of a CSV: the decoder drops one, and csvToWorkbookBytes drops a
 * second (a file saved twice as "CSV UTF-8" by a tool that adds one each time), which the decoder
 * keeps. So csv.ts's own strip is not dead code: this pins why it stays.
 */
import { csvToWorkbookBytes, decodeCsv } from "../../src/workbook/csv";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("a CSV's byte-order mark", () => {
  it("is dropped by the decoder once, and only once", () => {
    expect(decodeCsv(utf8("\ufeffName,Role"))).toBe("Name,Role");
    expect(decodeCsv(utf8("\ufeff\ufeffName,Role"))).toBe("\ufeffName,Role");
    // Not UTF-8 (a lone £ byte): read as Windows-1252, where the mark's bytes are three letters, not a mark.
    expect(decodeCsv(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0xa3])).charCodeAt(0)).toBe(0xef);
  });

  it("is not left in the first cell, even when there are two", async () => {
    for (const text of ["Name,Role\nAsha,SPLW\n", "\ufeffName,Role\nAsha,SPLW\n", "\ufeff\ufeffName,Role\nAsha,SPLW\n"]) {
      const wb = await XlsxWorkbook.fromBuffer(await csvToWorkbookBytes(utf8(text), "roster.csv"));
      expect((await wb.readSheet("roster")).values[0]).toEqual(["Name", "Role"]);
    }
  });
});
