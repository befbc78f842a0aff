/**
 * The CSV reader (src/workbook/csv.ts) on random tables: whatever the fields hold (separators,
 * quotes, line breaks of every kind, any Unicode), writing them as RFC 4180 and reading them back
 * gives the same table, with commas, semicolons or tabs, CRLF or LF, with or without a byte-order
 * mark; and no input at all makes it throw.
 */
import fc from "fast-check";
import { csvToWorkbookBytes, decodeCsv, detectDelimiter, parseCsv, sheetNameFor, type CsvDelimiter } from "../../src/workbook/csv";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { runs } from "./settings";

const field = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
  fc.constantFrom("", " ", ",", ";", "\t", '"', '""', "\r\n", "\n", "\r", "£24,000.00", "01/04/2025", "=1+2", "a\"b", " lead", "trail "),
);
const table = fc.array(fc.array(field, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 20 });

function write(rows: string[][], delimiter: CsvDelimiter, lineEnd: string): string {
  const quote = (f: string) => (/[",;\t\r\n]/.test(f) || f === "" ? `"${f.replace(/"/g, '""')}"` : f);
  return rows.map((r) => r.map(quote).join(delimiter)).join(lineEnd) + lineEnd;
}

describe("the CSV reader", () => {
  test("reads back any table written as RFC 4180, with any separator and line end", () => {
    fc.assert(fc.property(table, fc.constantFrom<CsvDelimiter>(",", ";", "\t"), fc.constantFrom("\r\n", "\n"), (rows, delimiter, lineEnd) => {
      expect(parseCsv(write(rows, delimiter, lineEnd), delimiter)).toEqual(rows);
    }), runs(500));
  });

  test("finds the separator from the header line, and reads UTF-8 with or without a byte-order mark", () => {
    fc.assert(fc.property(table, fc.constantFrom<CsvDelimiter>(",", ";", "\t"), fc.boolean(), (rows, delimiter, bom) => {
      const header = ["Name", "Role", "WTE", "Start date"];
      const text = write([header, ...rows], delimiter, "\r\n");
      expect(detectDelimiter(text).delimiter).toBe(delimiter);
      const bytes = new TextEncoder().encode(bom ? `\ufeff${text}` : text);
      const decoded = decodeCsv(bytes).replace(/^\ufeff/, "");
      expect(decoded).toBe(text);
    }), runs(300));
  });

  test("never throws, whatever the bytes, makes a workbook the file adapter reads, and every sheet name it makes is one Excel takes", async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.string({ maxLength: 60 }), async (bytes, name) => {
      const workbook = await XlsxWorkbook.fromBuffer(await csvToWorkbookBytes(bytes, `${name}.csv`));
      const names = await workbook.sheetNames();
      expect(names).toHaveLength(1);
      await workbook.readSheet(names[0]);
      const sheet = sheetNameFor(`${name}.csv`);
      expect(sheet.length).toBeGreaterThan(0);
      expect(sheet.length).toBeLessThanOrEqual(31);
      expect(sheet).not.toMatch(/[:\\/?*[\]]/);
    }), runs(100));
  });

  test("a file named like one of the tool's own sheets, or a rate sheet, or nothing, still gives a roster sheet", () => {
    for (const name of ["ARRS Claim Summary.csv", "arrs settings.CSV", "ARRS max reimb 25-26.csv", "History.csv", ".csv", "'''.csv", "C:\\data\\staff: 25-26?.csv", "/home/pm/staff: 25-26?.csv"]) {
      expect([name, sheetNameFor(name)]).toEqual([name, expect.stringMatching(/^(Roster|staff 25-26)$/)]);
    }
  });

  test("Excel's sep= hint line sets the separator and is not read as data", async () => {
    expect(detectDelimiter("sep=;\r\nName;Role\r\n")).toEqual({ delimiter: ";", skipFirstLine: true });
    const workbook = await XlsxWorkbook.fromBuffer(await csvToWorkbookBytes(new TextEncoder().encode("sep=;\r\nName;Role,with comma\r\nAsha;CP\r\n"), "x.csv"));
    const grid = await workbook.readSheet((await workbook.sheetNames())[0]);
    expect(grid.values[0]).toEqual(["Name", "Role,with comma"]);
  });
});
