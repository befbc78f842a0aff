/**
 * The file adapter at the level of the file itself: the zip it writes, and the XML of every part it
 * changes. Excel refuses ("repairs") a workbook whose parts are not well-formed or whose elements are
 * out of the schema's order, so every part written for the sample and the fixtures, after a first
 * run, a second run and a removal, is parsed by a strict XML parser (saxes) and its worksheet and
 * workbook elements checked against ECMA-376's sequences.
 */
import { readFileSync } from "node:fs";
import { SaxesParser } from "saxes";
import { checkWorkbook } from "../../src/pipeline/check-workbook";
import { COMMAND_LINE_WORDS } from "../../src/pipeline/door-words";
import { patchColumns } from "../../src/workbook/xlsx/columns";
import { WORKBOOK_ORDER, WORKSHEET_ORDER, STYLESHEET_ORDER } from "../../src/workbook/xlsx/elements";
import { patchSheet } from "../../src/workbook/xlsx/patch-sheet";
import { activeTab, definedName, listSheets, removeSheet, setDefinedName } from "../../src/workbook/xlsx/workbook-part";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { crc32, entryBytes, newEntry, readZip, writeZip } from "../../src/workbook/xlsx/zip";
import { fixture, SAMPLE } from "../helpers/workbooks";

const TODAY = "2026-11-21";

/** Parses XML strictly; returns the root's child element names (local names), in order. */
function rootChildren(xml: string): string[] {
  const parser = new SaxesParser({ xmlns: false });
  const children: string[] = [];
  let depth = 0;
  parser.on("opentag", (tag) => {
    if (depth === 1) children.push(tag.name.replace(/^\w+:/, ""));
    if (!tag.isSelfClosing) depth += 1;
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) depth -= 1;
  });
  parser.write(xml).close();
  return children;
}

function inOrder(children: string[], order: readonly string[]): boolean {
  const ranks = children.map((name) => order.indexOf(name)).filter((rank) => rank !== -1);
  return ranks.every((rank, i) => i === 0 || rank >= ranks[i - 1]);
}

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of readZip(bytes)) {
    if (/\.(xml|rels)$/i.test(entry.name)) out.set(entry.name, new TextDecoder().decode(await entryBytes(entry, 1e9)));
  }
  return out;
}

async function expectValidParts(bytes: Uint8Array): Promise<void> {
  for (const [name, xml] of await parts(bytes)) {
    let children: string[] = [];
    expect(() => { children = rootChildren(xml); }).not.toThrow();
    if (name.startsWith("xl/worksheets/")) expect([name, inOrder(children, WORKSHEET_ORDER)]).toEqual([name, true]);
    if (name === "xl/workbook.xml") expect(inOrder(children, WORKBOOK_ORDER)).toBe(true);
    if (name === "xl/styles.xml") expect(inOrder(children, STYLESHEET_ORDER)).toBe(true);
  }
}

const CASES = [
  { name: "the sample", file: SAMPLE, settings: {} },
  { name: "minimal-2024-25", file: fixture("minimal-2024-25.xlsx"), settings: { financialYear: "2024/25", listSize: 45000, weightedPopulation: 48000 } },
  { name: "messy", file: fixture("messy.xlsx"), settings: { financialYear: "2025/26" } },
  { name: "london-2025-26", file: fixture("london-2025-26.xlsx"), settings: { financialYear: "2025/26", region: "outer-london" as const, listSize: 70000, weightedPopulation: 76000 } },
];

describe.each(CASES)("every part written for $name", ({ file, settings }) => {
  test("is well-formed XML with its elements in the schema's order, after a run, a second run and a removal", async () => {
    let bytes: Uint8Array = readFileSync(file);
    for (let run = 0; run < 2; run++) {
      const workbook = await XlsxWorkbook.fromBuffer(bytes);
      const checked = await checkWorkbook(workbook, { words: COMMAND_LINE_WORDS, settings, today: TODAY });
      if (checked.kind !== "checked") throw new Error(checked.message);
      await workbook.write(checked.output);
      bytes = await workbook.toBuffer();
      await expectValidParts(bytes);
    }
    const workbook = await XlsxWorkbook.fromBuffer(bytes);
    await workbook.removeOutput();
    await expectValidParts(await workbook.toBuffer());
  });
});

describe("the zip", () => {
  test("round-trips entries, keeps unchanged ones byte for byte, and detects damage", async () => {
    const a = await newEntry("a.xml", ["<a>", "ü".repeat(3), "</a>"]);
    const b = await newEntry("xl/b.xml", ["x".repeat(100_000)]);
    const bytes = writeZip([a, b]);
    const read = readZip(bytes);
    expect(read.map((e) => e.name)).toEqual(["a.xml", "xl/b.xml"]);
    expect(new TextDecoder().decode(await entryBytes(read[0], 1e9))).toBe("<a>üüü</a>");
    expect(read[1].raw).toEqual(b.raw);
    expect(read[1].crc32).toBe(crc32(new TextEncoder().encode("x".repeat(100_000))));
    const damaged = bytes.slice();
    damaged[40] ^= 0xff; // inside a.xml's compressed data
    await expect(entryBytes(readZip(damaged)[0], 1e9)).rejects.toThrow(/damaged/);
    expect(() => readZip(bytes.subarray(0, bytes.length - 30))).toThrow(/cut short|damaged/);
  });

  test("a workbook the adapter opens and saves without changes is the same workbook, part for part", async () => {
    const original = new Uint8Array(readFileSync(SAMPLE));
    const saved = await (await XlsxWorkbook.fromBuffer(original)).toBuffer();
    const before = readZip(original);
    const after = readZip(saved);
    expect(after.map((e) => e.name)).toEqual(before.map((e) => e.name));
    after.forEach((entry, i) => expect([entry.name, Buffer.from(entry.raw).equals(Buffer.from(before[i].raw))]).toEqual([entry.name, true]));
  });
});

describe("column widths", () => {
  test("setting one column inside a user's run splits the run; the others keep what they had", () => {
    const cols = '<cols><col min="1" max="5" width="12" style="3" customWidth="1"/></cols>';
    expect(patchColumns(cols, new Map([[3, 20]]), "")).toBe('<cols><col min="1" max="2" width="12" style="3" customWidth="1"/>'
      + '<col min="3" max="3" style="3" width="20" customWidth="1"/><col min="4" max="5" width="12" style="3" customWidth="1"/></cols>');
    expect(patchColumns("", new Map([[9, 14], [10, null]]), "x:")).toBe('<x:cols><x:col min="9" max="9" width="14" customWidth="1"/></x:cols>');
    expect(patchColumns('<cols><col min="9" max="9" width="14" customWidth="1"/></cols>', new Map([[9, null]]), "")).toBe("");
  });
});

describe("the workbook part", () => {
  const workbook = '<?xml version="1.0"?><workbook xmlns="m" xmlns:r="r"><bookViews><workbookView activeTab="2" firstSheet="1"/></bookViews>'
    + '<sheets><sheet name="A" sheetId="1" r:id="rId1"/><sheet name="ARRS Claim Summary" sheetId="2" r:id="rId2"/><sheet name="B &amp; C" sheetId="3" r:id="rId3"/></sheets>'
    + '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="2">\'B &amp; C\'!$A$1:$B$2</definedName><definedName name="Mine" localSheetId="1">x</definedName><definedName name="Payroll">A!$E$4</definedName></definedNames>'
    + '<calcPr calcId="191029"/></workbook>';

  test("removing a sheet renumbers names scoped by position, drops its own, and keeps the active tab on the same sheet", () => {
    const after = removeSheet(workbook, 1);
    expect(listSheets(after).map((s) => s.name)).toEqual(["A", "B & C"]);
    expect(after).toContain('<definedName name="_xlnm.Print_Area" localSheetId="1">');
    expect(after).not.toContain('name="Mine"');
    expect(activeTab(after)).toBe(1);
    expect(rootChildren(after)).toEqual(["bookViews", "sheets", "definedNames", "calcPr"]);
  });

  test("the tool's name is set and removed without touching the user's names; the last name removed takes its list with it", () => {
    const withName = setDefinedName(workbook, "ARRS_Output", "'B & C'!$I$3:$K$7");
    expect(definedName(withName, "ARRS_Output")).toBe("'B &amp; C'!$I$3:$K$7");
    expect(definedName(withName, "Payroll")).toBe("A!$E$4");
    expect(setDefinedName(withName, "ARRS_Output", null)).toBe(workbook);
    const bare = '<workbook xmlns="m"><sheets><sheet name="A" sheetId="1"/></sheets><calcPr/></workbook>';
    const named = setDefinedName(bare, "ARRS_Output", "A!$A$1");
    expect(rootChildren(named)).toEqual(["sheets", "definedNames", "calcPr"]);
    expect(setDefinedName(named, "ARRS_Output", null)).toBe(bare);
  });
});

describe("patching a worksheet", () => {
  const block = { headerRow: 2, firstColumn: 4, lastColumn: 5 };
  const cells = (row: number, xml: string) => new Map([[row, { first: 4, last: 5, xml }]]);

  test("with a namespace prefix, rows without r, an empty row and a row extension, cells go in column order", () => {
    const sheet = '<x:worksheet xmlns:x="m"><x:dimension ref="A1:C3"/><x:sheetData>'
      + '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>'
      + '<x:row><x:c r="A2"><x:v>2</x:v></x:c><x:c r="F2" t="s"><x:v>0</x:v></x:c><x:extLst/></x:row>'
      + '<x:row r="3" spans="1:3"/>'
      + "</x:sheetData><x:pageMargins/></x:worksheet>";
    const patch = { clear: [block], cells: new Map([...cells(2, '<c r="D2"><v>9</v></c>'), ...cells(3, '<c r="E3"><v>8</v></c>'), ...cells(5, '<c r="D5"><v>7</v></c>')]), widths: new Map([[4, 11]]), conditionalFormats: [] };
    const xml = patchSheet(sheet, patch).xml.join("");
    expect(xml).toContain('<x:row><x:c r="A2"><x:v>2</x:v></x:c><x:c r="D2"><x:v>9</x:v></x:c><x:c r="F2" t="s"><x:v>0</x:v></x:c><x:extLst/></x:row>');
    expect(xml).toContain('<x:row r="3"><x:c r="E3"><x:v>8</x:v></x:c></x:row><x:row r="5"><x:c r="D5"><x:v>7</x:v></x:c></x:row>');
    expect(xml).toContain('<x:dimension ref="A1:E5"/>');
    expect(rootChildren(xml)).toEqual(["dimension", "cols", "sheetData", "pageMargins"]);
  });

  test("clearing keeps the user's merged cells that reach in from outside, and reports a removed formula", () => {
    const sheet = '<worksheet xmlns="m"><sheetData>'
      + '<row r="2"><c r="D2" t="inlineStr"><is><t>ARRS status</t></is></c><c r="E2"><f>1+1</f><v>2</v></c></row>'
      + '<row r="9"><c r="B9" t="s"><v>1</v></c><c r="D9" s="4"/></row>'
      + '</sheetData><mergeCells count="1"><mergeCell ref="B9:E9"/></mergeCells>'
      + '<conditionalFormatting sqref="D3:D9"><cfRule type="cellIs" priority="4"/></conditionalFormatting>'
      + '<conditionalFormatting sqref="A1:D9"><cfRule type="cellIs" priority="1"/></conditionalFormatting></worksheet>';
    const result = patchSheet(sheet, { clear: [block], cells: new Map(), widths: new Map(), conditionalFormats: [] });
    const xml = result.xml.join("");
    expect(result.removedFormula).toBe(true);
    expect(xml).toContain('<row r="2"/>');
    expect(xml).toContain('<row r="9"><c r="B9" t="s"><v>1</v></c><c r="D9" s="4"/></row>');
    expect(xml).not.toContain('sqref="D3:D9"');
    expect(xml).toContain('sqref="A1:D9"');
  });
});
