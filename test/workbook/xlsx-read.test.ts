/**
 * The xlsx adapter's readers (src/workbook/xlsx: shared-strings, styles-read, read-sheet): unit tests
 * on hand-written parts for each kind of cell, and differential tests against ExcelJS: for every
 * workbook in examples/ and test/fixtures/, for hand-written packages, and for random workbooks
 * written by ExcelJS, reading the parts gives exactly the grid readGrid gives from ExcelJS's model.
 * Where the readers differ from ExcelJS on purpose (see read-sheet.ts, "Unlike ExcelJS"), the tests
 * say so and check the reader's own answer.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import type { Grid } from "../../src/common/grid";
import { readGrid } from "../helpers/exceljs-grid";
import { excelSerialToDate } from "../../src/common/dates";
import { readSheetXml, workbookDate1904, type ReadSheetOptions } from "../../src/workbook/xlsx/read-sheet";
import { parseSharedStrings } from "../../src/workbook/xlsx/shared-strings";
import { dateStyles, isDateFormatCode } from "../../src/workbook/xlsx/styles-read";
import { attribute } from "../../src/workbook/xlsx/tag-scanner";
import { runs } from "../property/settings";
import { rosterWorkbookBytes } from "./workbooks";

const ROOT = path.join(__dirname, "..", "..");
const utc = (y: number, m: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => new Date(Date.UTC(y, m - 1, d, h, mi, s, ms));

// ---------------------------------------------------------------------------------------------
// Helpers: the readers over a whole package, ExcelJS over the same bytes, hand-written packages.

/** Every sheet of a package read by the new readers, by name, as the file adapter would. */
async function readParts(bytes: Uint8Array): Promise<Record<string, Grid>> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string) => (zip.file(name) ? zip.file(name)!.async("string") : null);
  const workbookXml = (await text("xl/workbook.xml"))!;
  const rels = (await text("xl/_rels/workbook.xml.rels"))!;
  const targets = new Map<string, { target: string; type: string }>();
  for (const [tag] of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    targets.set(attribute(tag, "Id")!, { target: attribute(tag, "Target")!, type: attribute(tag, "Type")! });
  }
  const partPath = (target: string) => (target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  const ofType = (suffix: string) => [...targets.values()].find((rel) => rel.type.endsWith(suffix));
  const sst = ofType("/sharedStrings");
  const styles = ofType("/styles");
  const sharedStrings = sst ? parseSharedStrings((await text(partPath(sst.target))) ?? "") : [];
  const options = { sharedStrings, dateStyles: dateStyles(styles ? await text(partPath(styles.target)) : null), date1904: workbookDate1904(workbookXml) };
  const grids: Record<string, Grid> = {};
  for (const [tag] of workbookXml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const name = attribute(tag, "name")!;
    const rel = targets.get(attribute(tag, "r:id")!)!;
    grids[name] = readSheetXml((await text(partPath(rel.target)))!, { sheetName: name, ...options });
  }
  return grids;
}

/** The same sheets loaded by ExcelJS and read by the file adapter's readGrid. */
async function readWithExcelJs(bytes: Uint8Array): Promise<Record<string, Grid>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return Object.fromEntries(wb.worksheets.map((ws) => [ws.name, readGrid(ws)]));
}

async function expectSameAsExcelJs(bytes: Uint8Array): Promise<void> {
  const [ours, theirs] = await Promise.all([readParts(bytes), readWithExcelJs(bytes)]);
  // The first difference, said briefly: a diff of two large grids takes Jest minutes to print.
  expect(firstDifference(ours, theirs)).toBeNull();
  expect(ours).toEqual(theirs);
}

function firstDifference(ours: Record<string, Grid>, theirs: Record<string, Grid>): string | null {
  const show = (v: unknown) => (v instanceof Date ? `Date(${v.toISOString()})` : JSON.stringify(v));
  if (Object.keys(ours).join("|") !== Object.keys(theirs).join("|")) return `sheets ${Object.keys(ours)} vs ${Object.keys(theirs)}`;
  for (const [name, a] of Object.entries(ours)) {
    const b = theirs[name];
    if (a.firstRow !== b.firstRow || a.firstColumn !== b.firstColumn || a.values.length !== b.values.length || (a.values[0]?.length ?? 0) !== (b.values[0]?.length ?? 0)) {
      return `${name}: range ${a.firstRow},${a.firstColumn} ${a.values.length}x${a.values[0]?.length} vs ${b.firstRow},${b.firstColumn} ${b.values.length}x${b.values[0]?.length}`;
    }
    for (let r = 0; r < a.values.length; r++) {
      for (let c = 0; c < a.values[r].length; c++) {
        const [x, y] = [a.values[r][c], b.values[r][c]];
        const same = x instanceof Date && y instanceof Date ? x.getTime() === y.getTime() : Object.is(x, y);
        if (!same) return `${name}!R${a.firstRow + r}C${a.firstColumn + c}: ${show(x)} vs ExcelJS ${show(y)}`;
      }
    }
  }
  return null;
}

async function writeWithExcelJs(wb: ExcelJS.Workbook, options: Partial<ExcelJS.XlsxWriteOptions> = {}): Promise<Uint8Array> {
  const out = await wb.xlsx.writeBuffer(options);
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A minimal package around hand-written parts: one sheet "S", with styles and shared strings if given. */
async function handPackage(parts: { sheetData: string; after?: string; styles?: string; sst?: string; workbookPr?: string }): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${parts.styles ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : ""}${parts.sst ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ""}</Types>`);
  zip.file("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  zip.file("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}>${parts.workbookPr ?? ""}<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>${parts.styles ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' : ""}${parts.sst ? '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : ""}</Relationships>`);
  zip.file("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${parts.sheetData}</sheetData>${parts.after ?? ""}</worksheet>`);
  if (parts.styles) zip.file("xl/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>${parts.styles}</styleSheet>`);
  if (parts.sst) zip.file("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><sst ${NS}>${parts.sst}</sst>`);
  return zip.generateAsync({ type: "uint8array" });
}

/** cellXfs for the unit tests: 0 General, 1 built-in 14 (a date), 2 custom 164 "dd/mm/yyyy", 3 "0.00". */
const STYLES = '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>';
const DATE_STYLES = dateStyles(`<styleSheet>${STYLES}</styleSheet>`);

function read(sheetData: string, options: Partial<ReadSheetOptions> & { after?: string } = {}): Grid {
  const xml = `<worksheet ${NS}><sheetData>${sheetData}</sheetData>${options.after ?? ""}</worksheet>`;
  return readSheetXml(xml, { sheetName: "S", sharedStrings: ["zero", "one", "two"], dateStyles: DATE_STYLES, date1904: false, ...options });
}

// ---------------------------------------------------------------------------------------------

describe("parseSharedStrings", () => {
  test("plain strings, rich-text runs joined, phonetic runs and settings left out", () => {
    const xml = `<sst ${NS} count="5" uniqueCount="5">
      <si><t>Plain</t></si>
      <si><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">Rich </t></r><r><t>text</t></r></si>
      <si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>
      <si><r><t>run</t></r><rPh sb="0" eb="1"><r><t>ignored</t></r></rPh></si>
      <si><t/></si>
      <si/>
    </sst>`;
    expect(parseSharedStrings(xml)).toEqual(["Plain", "Rich text", "東京", "run", "", ""]);
  });

  test("any namespace prefix, entities, _xHHHH_ escapes and line ends", () => {
    const xml = '<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:si><x:t>a &amp; b &lt;c&gt; &quot;&apos; &#163;&#x20AC;</x:t></x:si><x:si><x:r><x:t>tab_x0009_here _x005F_x0041_</x:t></x:r></x:si><x:si><x:t>one\r\ntwo&#13;</x:t></x:si></x:sst>';
    expect(parseSharedStrings(xml)).toEqual(["a & b <c> \"' £€", "tab\there _x0041_", "one\ntwo\r"]);
  });

  test("an empty table", () => {
    expect(parseSharedStrings(`<sst ${NS}/>`)).toEqual([]);
  });
});

describe("dateStyles", () => {
  test("built-in date formats, custom date formats, and formats that are not dates", () => {
    const xml = `<styleSheet ${NS}><numFmts count="6">
      <numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="&quot;£&quot;#,##0.00"/>
      <numFmt numFmtId="166" formatCode="[$-809]dd mmmm yyyy;@"/><numFmt numFmtId="167" formatCode="[Red]0.00;[Blue]-0.00"/>
      <numFmt numFmtId="168" formatCode="0 &quot;days&quot;"/><numFmt numFmtId="169" formatCode="[h]:mm"/>
      <numFmt numFmtId="14" formatCode="0.0"/>
    </numFmts>
    <cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs>
    <cellXfs count="13"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="167"/>
      <xf numFmtId="168"/><xf numFmtId="169"><alignment wrapText="1"/></xf><xf numFmtId="22"/><xf numFmtId="46"/><xf numFmtId="4"/><xf numFmtId="30"/><xf/></cellXfs>
    <dxfs count="1"><dxf><numFmt numFmtId="170" formatCode="yyyy"/></dxf></dxfs></styleSheet>`;
    // 14 is redefined as "0.0" here, and a custom code wins over the built-in one, as in ExcelJS.
    expect(dateStyles(xml)).toEqual([false, false, true, false, true, false, false, true, true, true, false, false, false]);
  });

  test("ExcelJS's rules: ids 27–36 and 50–58 are not dates, tokens are case-sensitive, escapes count", () => {
    const ids = [14, 22, 27, 36, 45, 47, 50, 58];
    const xml = `<styleSheet><cellXfs>${ids.map((id) => `<xf numFmtId="${id}"/>`).join("")}</cellXfs></styleSheet>`;
    expect(dateStyles(xml)).toEqual([true, true, false, false, true, true, false, false]);
    expect(["DD/MM/YYYY", "YYYY", "0\\h", "General", "@", "#,##0.00_);(#,##0.00)", "mmm-yy", "[$£-809]#,##0"].map(isDateFormatCode))
      .toEqual([true, false, true, false, false, false, true, false]);
  });

  test("no styles part, a prefixed one, and an empty one", () => {
    expect(dateStyles(null)).toEqual([]);
    expect(dateStyles('<x:styleSheet xmlns:x="urn:x"><x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="15"/></x:cellXfs></x:styleSheet>')).toEqual([false, true]);
    expect(dateStyles("<styleSheet/>")).toEqual([]);
  });
});

describe("workbookDate1904", () => {
  test.each([
    [`<workbook ${NS}><workbookPr date1904="1"/></workbook>`, true],
    [`<workbook ${NS}><workbookPr defaultThemeVersion="164011" date1904="true"/></workbook>`, true],
    [`<x:workbook xmlns:x="urn:x"><x:workbookPr date1904="1"></x:workbookPr></x:workbook>`, true],
    [`<workbook ${NS}><workbookPr date1904="0"/></workbook>`, false],
    [`<workbook ${NS}><workbookPr/></workbook>`, false],
    [`<workbook ${NS}><sheets/></workbook>`, false],
  ])("%s → %s", (xml, expected) => {
    expect(workbookDate1904(xml)).toBe(expected);
  });
});

describe("readSheetXml: each kind of cell", () => {
  test("numbers, shared strings, booleans, errors, formula strings", () => {
    const grid = read('<row r="1"><c r="A1"><v>42</v></c><c r="B1" t="n"><v>-1.5E-3</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c><c r="F1" t="e"><v>#N/A</v></c><c r="G1" t="str"><v>a &amp; b</v></c></row>');
    expect(grid).toEqual({ sheetName: "S", firstRow: 1, firstColumn: 1, values: [[42, -0.0015, "one", true, false, "#N/A", "a & b"]] });
  });

  test("formulas show their cached result; no result shows nothing; shared formula clones too", () => {
    const grid = read(`<row r="1">
      <c r="A1"><f>1+1</f><v>2</v></c>
      <c r="B1" t="str"><f>"x"&amp;"y"</f><v>xy</v></c>
      <c r="C1" t="b"><f>TRUE()</f><v>1</v></c>
      <c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c>
      <c r="E1"><f>NOW()</f></c>
      <c r="F1" s="1"><f>DATE(2025,4,1)</f><v>45748</v></c>
    </row><row r="2"><c r="A2"><f t="shared" ref="A2:A3" si="0">A1*2</f><v>4</v></c></row><row r="3"><c r="A3"><f t="shared" si="0"/><v>8</v></c></row>`);
    expect(grid.values).toEqual([[2, "xy", true, "#DIV/0!", null, utc(2025, 4, 1)], [4, null, null, null, null, null], [8, null, null, null, null, null]]);
  });

  test("inline strings: plain, rich runs, phonetic runs left out", () => {
    const grid = read('<row r="1"><c r="A1" t="inlineStr"><is><t>inline_x000A_</t></is></c><c r="B1" t="inlineStr"><is><r><t xml:space="preserve">rich </t></r><r><rPr><b/></rPr><t>runs</t></r></is></c><c r="C1" t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></is></c><c r="D1" t="inlineStr"><is/></c></row>');
    expect(grid.values).toEqual([["inline\n", "rich runs", "漢字"]]);
  });

  test("numbers in date styles become dates as ExcelJS converts them; style 0 never does", () => {
    const grid = read('<row r="1"><c r="A1" s="1"><v>45748</v></c><c r="B1" s="2"><v>45748.75</v></c><c r="C1" s="3"><v>45748</v></c><c r="D1" s="0"><v>45748</v></c><c r="E1" s="9"><v>1</v></c><c r="F1" s="1"><v>1</v></c><c r="G1" s="1"><v>-1</v></c><c r="H1" s="1"><v>1E300</v></c><c r="I1"><v>2</v></c></row>');
    // 1E300 days is past the end of JavaScript's dates: an invalid Date, which readGrid shows as blank.
    expect(grid.values).toEqual([[utc(2025, 4, 1), utc(2025, 4, 1, 18), 45748, 45748, 1, utc(1899, 12, 31), utc(1899, 12, 29), null, 2]]);
  });

  test("the 1904 date system", () => {
    const grid = read('<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>44286</v></c></row>', { date1904: true });
    expect(grid.values).toEqual([[utc(1904, 1, 1), utc(2025, 4, 1)]]);
    expect(excelSerialToDate(44286, true)).toEqual(excelSerialToDate(45748, false));
  });

  test("t=\"d\" cells hold ISO 8601 dates (unlike ExcelJS, which reads them with parseFloat)", () => {
    const grid = read('<row r="1"><c r="A1" t="d"><v>2025-04-01</v></c><c r="B1" t="d"><v>2025-04-01T13:45:30.5</v></c><c r="C1" t="d"><v>2025-04-01T13:45:00+01:00</v></c><c r="D1" t="d"><v>someday</v></c></row>');
    expect(grid.values).toEqual([[utc(2025, 4, 1), utc(2025, 4, 1, 13, 45, 30, 500), utc(2025, 4, 1, 12, 45), "someday"]]);
  });

  test("the used range is trimmed to cells that show a value; empty strings and styled blanks count as blank", () => {
    const grid = read('<row r="2"><c r="A2" s="1"/><c r="B2" t="str"><v></v></c></row><row r="3"><c r="C3"><v>1</v></c><c r="D3" t="inlineStr"><is><t></t></is></c></row><row r="4"/><row r="5"><c r="E5" t="s"><v>0</v></c><c r="F5" s="2"/></row><row r="6"><c r="A6" t="str"><v/></c></row>');
    expect(grid).toEqual({ sheetName: "S", firstRow: 3, firstColumn: 3, values: [[1, null, null], [null, null, null], [null, null, "zero"]] });
  });

  test("an empty sheet, and one without sheetData", () => {
    expect(read("")).toEqual({ sheetName: "S", firstRow: 1, firstColumn: 1, values: [] });
    expect(readSheetXml(`<worksheet ${NS}><sheetData/></worksheet>`, { sheetName: "E", sharedStrings: [], dateStyles: [], date1904: false })).toEqual({ sheetName: "E", firstRow: 1, firstColumn: 1, values: [] });
    expect(readSheetXml(`<worksheet ${NS}/>`, { sheetName: "E", sharedStrings: [], dateStyles: [], date1904: false }).values).toEqual([]);
  });

  test("rows and cells without r follow on from the one before (ECMA-376 18.3.1.73, 18.3.1.4)", () => {
    const grid = read('<row><c><v>1</v></c><c><v>2</v></c></row><row r="3"><c r="B3"><v>3</v></c><c><v>4</v></c><c/><c><v>5</v></c></row><row><c r="C4"><v>6</v></c></row>');
    expect(grid).toEqual({ sheetName: "S", firstRow: 1, firstColumn: 1, values: [[1, 2, null, null, null], [null, null, null, null, null], [null, 3, 4, null, 5], [null, null, 6, null, null]] });
  });

  test("every cell of a merged range but its top-left shows nothing", () => {
    const after = '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="D2:C1"/></mergeCells>';
    const grid = read('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c><c r="D1"><v>4</v></c><c r="E1"><v>5</v></c></row><row r="2"><c r="A2"><v>6</v></c><c r="D2"><v>7</v></c></row>', { after });
    expect(grid.values).toEqual([[1, null, 3, null, 5]]);
  });

  test("any namespace prefix, self-closing cells, comments, whitespace, '>' in attributes, sparse far cells", () => {
    const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
      <x:sheetData>
        <!-- a comment <c r="A1"><v>9</v></c> -->
        <x:row r="2" spans="2:3" x14ac:dyDescent="0.25" note="a>b">
          <x:c r="B2" s="2" />
          <x:c r = "C2" t = 's' >
            <x:v>2</x:v>
          </x:c>
        </x:row>
        <x:row r="40"><x:c r="AB40"><x:v>7</x:v></x:c></x:row>
      </x:sheetData>
      <x:mergeCells><x:mergeCell ref="C40:C41"/></x:mergeCells>
    </x:worksheet>`;
    const grid = readSheetXml(xml, { sheetName: "P", sharedStrings: ["a", "b", "c"], dateStyles: DATE_STYLES, date1904: false });
    expect(grid.firstRow).toBe(2);
    expect(grid.firstColumn).toBe(3);
    expect(grid.values.length).toBe(39);
    expect(grid.values[0].length).toBe(26);
    expect(grid.values[0][0]).toBe("c");
    expect(grid.values[38][25]).toBe(7);
    expect(grid.values.flat().filter((v) => v !== null)).toEqual(["c", 7]);
  });

  test("a malformed tag costs no more than its own length and does not throw", () => {
    const grid = read('<row r="1"><c r="A1" broken><v>1</v></c><c r="B1" t=s><v>2</v></c><c r="C1"><v>3</v></c></row>');
    expect(grid.values[0][2]).toBe(3);
  });

  test("rows out of order are sorted; a repeated row replaces the earlier one (as ExcelJS does)", () => {
    const grid = read('<row r="3"><c r="A3"><v>3</v></c></row><row r="1"><c r="A1"><v>1</v></c></row><row r="3"><c r="B3"><v>33</v></c></row>');
    expect(grid).toEqual({ sheetName: "S", firstRow: 1, firstColumn: 1, values: [[1, null], [null, null], [null, 33]] });
  });

  test("line ends in text are normalised as an XML parser does; a written &#13; stays", () => {
    const grid = read('<row r="1"><c r="A1" t="str"><v>a\r\nb\rc&#13;</v></c></row>');
    expect(grid.values).toEqual([["a\nb\nc\r"]]);
  });

  test("numbers are read exactly as parseFloat reads them", () => {
    const texts = ["0", "-0", "7", "0.1", "-45.67", "123456789012345", "1234567890123456789", "0.000001", "1.5E-3", "1e21", "2.2250738585072014E-308", "18629.4", "1.", ".5", "+3", " 4", "abc", "1.7976931348623157E308"];
    const row = texts.map((t, i) => `<c r="${String.fromCharCode(65 + i)}1"><v>${t}</v></c>`).join("");
    const expected = texts.map((t) => (Number.isFinite(parseFloat(t)) ? parseFloat(t) : null));
    expect(read(`<row r="1">${row}</row>`).values[0]).toEqual(expected);
  });

  test("unlike ExcelJS, formula string results decode entities once and decode _xHHHH_", () => {
    const grid = read('<row r="1"><c r="A1" t="str"><f>"&amp;lt;"</f><v>&amp;lt;</v></c><c r="B1" t="str"><v>a_x0009_b</v></c></row>');
    expect(grid.values).toEqual([["&lt;", "a\tb"]]);
  });

  test("unlike ExcelJS, a formula whose cached result is 0 or FALSE shows it (ExcelJS's cell.value drops falsy results)", () => {
    const grid = read('<row r="1"><c r="A1"><f>1-1</f><v>0</v></c><c r="B1" t="b"><f>FALSE()</f><v>0</v></c></row>');
    expect(grid.values).toEqual([[0, false]]);
  });

  test("unlike ExcelJS, a date style on a formula's text or boolean result leaves it as it is", () => {
    const grid = read('<row r="1"><c r="A1" s="1" t="str"><f>"TBC"</f><v>TBC</v></c><c r="B1" s="1" t="b"><f>TRUE()</f><v>1</v></c></row>');
    expect(grid.values).toEqual([["TBC", true]]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("the same grid as ExcelJS", () => {
  const workbooks = ["examples", "test/fixtures"].flatMap((dir) => xlsxFilesUnder(path.join(ROOT, dir)));

  test.each(workbooks.map((file) => [path.relative(ROOT, file)]))("%s", async (relative) => {
    const bytes = new Uint8Array(readFileSync(path.join(ROOT, relative)));
    let excel: Record<string, Grid>;
    try {
      excel = await readWithExcelJs(bytes);
    } catch {
      // not-a-workbook.xlsx and the like: nothing to compare.
      return;
    }
    expect(await readParts(bytes)).toEqual(excel);
  });

  test("the tests' roster workbook: merged title, shared formulas, rich text, hyperlink, error, dates", async () => {
    await expectSameAsExcelJs(await rosterWorkbookBytes());
  });

  test("hand-written packages: merged cells holding values, Excel's own cell forms, phonetic runs, styles", async () => {
    const sst = '<si><t>head</t></si><si><r><t>ri</t></r><r><rPr><i/></rPr><t>ch</t></r></si><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="0"/></si><si><t xml:space="preserve"> a &amp; b </t></si>';
    const sheetData = `<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="1"/><c r="D1"><v>9</v></c></row>
      <row r="2"><c r="A2" s="1"><v>45748</v></c><c r="B2" s="2"><v>45748.5</v></c><c r="C2" s="3"><v>45748</v></c><c r="D2" t="s"><v>2</v></c></row>
      <row r="3"><c r="A3"><f t="shared" ref="A3:A4" si="0">A2+1</f><v>45749</v></c><c r="B3" t="str"><f>B1</f><v>rich</v></c><c r="C3" t="b"><f>TRUE</f><v>1</v></c><c r="D3" t="e"><f>#REF!</f><v>#REF!</v></c></row>
      <row r="4"><c r="A4"><f t="shared" si="0"/><v>45750</v></c><c r="B4" t="s"><v>3</v></c><c r="C4" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c></row>`;
    const after = '<mergeCells count="1"><mergeCell ref="B1:D1"/></mergeCells>';
    await expectSameAsExcelJs(await handPackage({ sheetData, after, styles: STYLES, sst }));
  });

  test("a 1904-dated workbook", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("Dates");
    ws.addRow([utc(1904, 1, 1), utc(2025, 4, 1), utc(2025, 4, 1, 9, 30), { formula: "A1+1", result: utc(1904, 1, 2) }, 45748]);
    const bytes = await writeWithExcelJs(wb);
    const grids = await readParts(bytes);
    expect(grids.Dates.values).toEqual([[utc(1904, 1, 1), utc(2025, 4, 1), utc(2025, 4, 1, 9, 30), utc(1904, 1, 2), 45748]]);
    expect(grids).toEqual(await readWithExcelJs(bytes));
  });

  test("custom number formats, date and not", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Formats");
    const formats = ["dd/mm/yyyy", "d mmmm yyyy", "[h]:mm:ss", "hh:mm AM/PM", "[$-809]dd/mm/yyyy;@", "yyyy", "YYYY", "0.00", "£#,##0.00", '0 "days"', '"month "0', "[Red]0;[Blue]-0", "0\\h", "@", "mm-dd-yy", "General"];
    formats.forEach((numFmt, i) => {
      const cell = ws.getCell(1, i + 1);
      cell.value = 45748.25;
      cell.numFmt = numFmt;
    });
    const bytes = await writeWithExcelJs(wb);
    const grids = await readParts(bytes);
    expect(grids).toEqual(await readWithExcelJs(bytes));
    expect(grids.Formats.values[0].map((v) => v instanceof Date)).toEqual([true, true, true, true, true, true, false, false, false, false, false, false, true, false, true, false]);
  });

  test("a single cell at the sheet's far corner", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Far").getCell("XFD1048576").value = "corner";
    const bytes = await writeWithExcelJs(wb);
    expect((await readParts(bytes)).Far).toEqual({ sheetName: "Far", firstRow: 1048576, firstColumn: 16384, values: [["corner"]] });
    await expectSameAsExcelJs(bytes);
  });

  test("random workbooks written by ExcelJS", async () => {
    await fc.assert(fc.asyncProperty(randomWorkbook, async (spec) => {
      const bytes = await writeWithExcelJs(buildWorkbook(spec), { useSharedStrings: spec.sharedStrings });
      await expectSameAsExcelJs(bytes);
    }), { ...runs(50), seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : 20251121 });
  });
});

function xlsxFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? xlsxFilesUnder(full) : name.endsWith(".xlsx") ? [full] : [];
  });
}

// ---------------------------------------------------------------------------------------------
// Random workbooks. Strings leave out the two things ExcelJS reads wrongly on purpose-tested paths
// (entity-looking text, which it decodes twice in t="str" cells, and _xHHHH_-looking text, which it
// decodes only in upper case and never in t="str"), and U+FFFE/U+FFFF, which ExcelJS writes as they
// are and then cannot parse.

const text = fc.oneof(
  fc.string({ maxLength: 16 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.constantFrom("", " ", "=SUM(A1:A2)", "+44 20 7946 0000", "-", "@handle", "a\r\nb", "line\nbreak", "cr\ronly", " lead", "trail ", "<tag/>", "a & b", '"quoted"', "it's", "\t", "\u0001\u001fctrl", "£1,234.50", "01/04/2025", "😀 emoji", "e\u0301", "_x", "TRUE", "#N/A"),
).filter((s) => !/&[a-zA-Z#0-9]*;|_x[0-9A-Fa-f]{4}_|[\uFFFE\uFFFF]/.test(s));

const number = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 0.1, 0.6, 1e-7, 1e21, 18629.4, -45.67, 5e-324, Number.MAX_VALUE, 45748, 60, 61),
);

const date = fc.oneof(
  fc.date({ min: utc(1800, 1, 1), max: utc(2200, 1, 1), noInvalidDate: true }),
  fc.constantFrom(utc(1899, 12, 30), utc(1899, 12, 31), utc(1900, 1, 1), utc(1900, 2, 28), utc(1900, 3, 1), utc(1904, 1, 1), utc(1904, 1, 1, 12, 30), utc(2025, 4, 1, 23, 59, 59, 999)),
);

const error = fc.constantFrom("#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!").map((e) => ({ error: e }));

const formula = fc.record({
  formula: fc.constantFrom("1+1", "A1*2", "NOW()", 'IF(TRUE,"a","b")', "SUM(A1:B2)"),
  // Not 0 or FALSE, nor the date written as serial 0 in either date system: ExcelJS's cell.value
  // leaves out a formula's falsy result (tested above).
  result: fc.option(fc.oneof(number, text, fc.boolean(), date, error), { nil: undefined })
    .filter((r) => r !== 0 && r !== false && !(r instanceof Date && [Date.UTC(1899, 11, 30), Date.UTC(1904, 0, 1)].includes(r.getTime()))),
});

const value: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  number,
  text,
  fc.boolean(),
  date,
  error,
  formula as fc.Arbitrary<ExcelJS.CellValue>,
  fc.array(fc.record({ text, bold: fc.boolean() }), { minLength: 1, maxLength: 3 }).map((runs) => ({ richText: runs.map((run) => ({ text: run.text, ...(run.bold ? { font: { bold: true } } : {}) })) })),
  fc.record({ text, hyperlink: fc.constantFrom("https://example.org/a", "mailto:someone@example.org") }),
  fc.constant(null),
);

const numFmt = fc.constantFrom("dd/mm/yyyy", "mm-dd-yy", "[h]:mm", "yyyy", "0.00", "£#,##0", '0 "days"', "[Red]0", "@", "General");

/** Near cells (a roster's corner) and a few far away. */
const address = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 12 })) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 200, max: 1500 }), fc.integer({ min: 20, max: 60 })) },
);

const cell = fc.record({ at: address, value, numFmt: fc.option(numFmt, { nil: undefined }), bold: fc.boolean() });

const merge = fc.tuple(address, fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }));

const sheet = fc.record({ cells: fc.array(cell, { maxLength: 40 }), merges: fc.array(merge, { maxLength: 3 }) });

const randomWorkbook = fc.record({
  sheets: fc.array(sheet, { minLength: 1, maxLength: 3 }),
  names: fc.shuffledSubarray(["Roster", "Staff & Pay", "Bob's sheet", "Données", "<1>", "ARRS"], { minLength: 3, maxLength: 3 }),
  date1904: fc.boolean(),
  sharedStrings: fc.boolean(),
});

type WorkbookSpec = typeof randomWorkbook extends fc.Arbitrary<infer T> ? T : never;

function buildWorkbook(spec: WorkbookSpec): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  if (spec.date1904) wb.properties.date1904 = true;
  spec.sheets.forEach((s, i) => {
    const ws = wb.addWorksheet(spec.names[i]);
    // One value per address (the last): a format left on a cell by an earlier value would otherwise
    // reach a formula's text result, which the builder keeps date formats away from.
    const last = new Map(s.cells.map((c) => [`${c.at[0]}:${c.at[1]}`, c]));
    for (const c of last.values()) {
      const target = ws.getCell(c.at[0], c.at[1]);
      target.value = c.value;
      // Not a date format on a formula's text or boolean result: there the reader differs from
      // ExcelJS on purpose (tested above).
      const result = c.value !== null && typeof c.value === "object" && "formula" in c.value ? (c.value as ExcelJS.CellFormulaValue).result : 0;
      const resultIsNumeric = result === undefined || typeof result === "number" || result instanceof Date;
      if (c.numFmt && resultIsNumeric) target.numFmt = c.numFmt;
      if (c.bold) target.font = { bold: true };
    }
    // Merges that do not overlap (ExcelJS refuses overlapping ones).
    const taken: [number, number, number, number][] = [];
    for (const [[top, left], down, across] of s.merges) {
      const box: [number, number, number, number] = [top, left, top + down, left + across];
      if (down === 0 && across === 0) continue;
      if (taken.some(([t, l, b, r]) => box[0] <= b && t <= box[2] && box[1] <= r && l <= box[3])) continue;
      taken.push(box);
      ws.mergeCells(box[0], box[1], box[2], box[3]);
    }
  });
  return wb;
}
