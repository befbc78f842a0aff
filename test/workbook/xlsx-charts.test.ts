/**
 * The charts the file door draws on the tool's sheets: DrawingML parts that are well-formed and
 * linked (content types, relationships, the sheet's <drawing>), whose references and cached values
 * are the sheet's own cells; a rerun that gives the same parts, a removal that takes them away, and a
 * user's own drawings and charts (on their sheets, or on the tool's) left as they were.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { buildWorkbookOutput } from "../../src/report/build";
import { rangeAddress } from "../../src/report/cells";
import type { ChartSpec, OwnedSheet, WorkbookOutput } from "../../src/report/types";
import { chartXml } from "../../src/workbook/xlsx/chart-part";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { checkResult, person, rosterRead } from "../report/fixtures";
import { rosterWorkbookBytes } from "./workbooks";

const SUMMARY = "ARRS Claim Summary";
const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

function output(): WorkbookOutput {
  const result = checkResult({
    staff: [
      person({ rowNumber: 4, name: "Asha Patel", salary: 45000 }),
      person({ rowNumber: 5, name: "Ben Jones", role: "social-prescribing-link-worker", wte: 0.8, start: "2025-06-16", salary: 27000 }),
    ],
  });
  const roster = rosterRead({ sheetName: "Staff", headerRowNumber: 3, lastColumn: 7, ownedColumn: null, rowNumbers: [4, 5] });
  return buildWorkbookOutput(result, roster, { generatedOn: "2025-09-15", rosterSheet: "Staff", columnMapping: {} });
}

async function write(bytes: Uint8Array, out: WorkbookOutput = output()): Promise<Uint8Array> {
  const wb = await XlsxWorkbook.fromBuffer(bytes);
  await wb.write(out);
  return wb.toBuffer();
}

async function removed(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = await XlsxWorkbook.fromBuffer(bytes);
  await wb.removeOutput();
  return wb.toBuffer();
}

/** Every part as text (binary parts are not expected here). */
async function partsOf(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) parts.set(name, await file.async("string"));
  return parts;
}

/** Parsed strictly, namespaces included: throws on XML that is not well-formed or an unbound prefix. */
function assertWellFormed(xml: string): void {
  new SaxesParser({ xmlns: true }).write(xml).close();
}

/** Targets of a part's relationships by id, resolved against the part's folder. */
function relationshipsOf(parts: Map<string, string>, source: string): Map<string, { type: string; path: string }> {
  const slash = source.lastIndexOf("/");
  const rels = parts.get(`${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`) ?? "";
  const out = new Map<string, { type: string; path: string }>();
  for (const [tag] of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)![1];
    const folder = source.slice(0, slash).split("/");
    for (const piece of attr("Target").split("/")) {
      if (piece === "..") folder.pop();
      else folder.push(piece);
    }
    out.set(attr("Id"), { type: attr("Type").replace(/.*\//, ""), path: folder.join("/") });
  }
  return out;
}

function sheetPath(parts: Map<string, string>, name: string): string {
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(\\w+)"`).exec(parts.get("xl/workbook.xml")!)![1];
  return relationshipsOf(parts, "xl/workbook.xml").get(id)!.path;
}

function overrides(parts: Map<string, string>): Map<string, string> {
  const types = parts.get("[Content_Types].xml")!;
  return new Map([...types.matchAll(/<Override PartName="\/([^"]+)" ContentType="([^"]+)"\/>/g)].map((m) => [m[1], m[2]]));
}

/** The drawing and chart parts of the summary sheet, followed through the relationships. */
function summaryCharts(parts: Map<string, string>): { sheet: string; drawing: string; charts: string[] } {
  const sheet = sheetPath(parts, SUMMARY);
  const drawingId = /<drawing r:id="(\w+)"\/>/.exec(parts.get(sheet)!)![1];
  const drawing = relationshipsOf(parts, sheet).get(drawingId)!;
  expect(drawing.type).toBe("drawing");
  const links = relationshipsOf(parts, drawing.path);
  const ids = [...parts.get(drawing.path)!.matchAll(/<c:chart [^>]*r:id="(\w+)"/g)].map((m) => m[1]);
  return { sheet, drawing: drawing.path, charts: ids.map((id) => links.get(id)!.path) };
}

const xlsxParts = (parts: Map<string, string>, folder: string) => [...parts.keys()].filter((p) => p.startsWith(folder)).sort();

describe("a chart on the summary sheet", () => {
  let parts: Map<string, string>;
  let spec: ChartSpec;
  let summary: OwnedSheet;
  beforeAll(async () => {
    parts = await partsOf(await write(await rosterWorkbookBytes()));
    summary = output().sheets.find((s) => s.name === SUMMARY)!;
    spec = summary.charts![0];
  });

  it("is a drawing and a chart part, declared, linked and well-formed", () => {
    const { sheet, drawing, charts } = summaryCharts(parts);
    expect(charts).toHaveLength(1);
    const types = overrides(parts);
    expect(types.get(drawing)).toBe(DRAWING_TYPE);
    expect(types.get(charts[0])).toBe(CHART_TYPE);
    for (const part of [sheet, drawing, charts[0], "[Content_Types].xml"]) assertWellFormed(parts.get(part)!);
    // The drawing comes after the print settings, last of the sheet's children here (CT_Worksheet order).
    expect(parts.get(sheet)).toMatch(/<\/headerFooter><drawing r:id="\w+"\/><\/worksheet>$/);
    // Anchored over the spec's cells (0-based from, and to the corner past the last cell).
    const anchor = parts.get(drawing)!;
    expect(anchor).toContain(`<xdr:from><xdr:col>${spec.anchor.left - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${spec.anchor.top - 1}</xdr:row>`);
    expect(anchor).toContain(`<xdr:to><xdr:col>${spec.anchor.right}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${spec.anchor.bottom}</xdr:row>`);
    expect(anchor).toContain(`name="ARRS chart: ${spec.title}"`);
  });

  it("refers to the sheet's cells and caches the values they hold", async () => {
    const chart = parts.get(summaryCharts(parts).charts[0])!;
    const { top, bottom } = spec.categories;
    expect(chart).toContain(`<c:f>'${SUMMARY}'!$A$${top}:$A$${bottom}</c:f>`);
    expect(chart).toContain(`<c:f>'${SUMMARY}'!$B$${top}:$B$${bottom}</c:f>`);
    expect(chart).toContain(`<c:title><c:tx><c:rich>`);
    expect(chart).toContain(`<a:t>${spec.title}</a:t>`);
    const cached = (kind: string) => {
      const cache = new RegExp(`<c:${kind}>([\\s\\S]*?)</c:${kind}>`).exec(chart)![1];
      return [...cache.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map((m) => [Number(m[1]), m[2]]);
    };
    // The cells as the adapter itself reads them back from the written sheet.
    const wb = await XlsxWorkbook.fromBuffer(await write(await rosterWorkbookBytes()));
    const grid = await wb.readSheet(SUMMARY);
    const cell = (row: number, column: number) => grid.values[row - grid.firstRow]?.[column - grid.firstColumn];
    const months = Array.from({ length: bottom - top + 1 }, (_, i) => [i, String(cell(top + i, 1))]);
    expect(cached("strCache")).toEqual(months);
    expect(cached("numCache").map(([i, v]) => [i, Number(v)])).toEqual(months.map(([i]) => [i, cell(top + Number(i), 2)]));
    expect(chart).toContain(`<c:ptCount val="12"/>`);
    // One series: no legend.
    expect(chart).not.toContain("<c:legend>");
  });

  it("opens in ExcelJS", async () => {
    const bytes = await write(await rosterWorkbookBytes());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.getWorksheet(SUMMARY)).toBeDefined();
  });

  it("keeps its data bars on the role table, and none stand in for the chart any more", () => {
    const sheet = parts.get(summaryCharts(parts).sheet)!;
    const bars = [...sheet.matchAll(/<conditionalFormatting sqref="([^"]+)">/g)].map((m) => m[1]);
    expect(bars).toEqual((summary.dataBars ?? []).map((bar) => rangeAddress(bar.range)));
  });
});

describe("a rerun and a removal", () => {
  it("gives the same parts on a rerun, byte for byte, with no new ones", async () => {
    const first = await write(await rosterWorkbookBytes());
    const second = await write(first);
    const third = await write(second);
    const [a, b, c] = await Promise.all([first, second, third].map(partsOf));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, text] of b) expect([name, text]).toEqual([name, a.get(name)]);
    for (const [name, text] of c) expect([name, text]).toEqual([name, b.get(name)]);
    expect(xlsxParts(a, "xl/charts/")).toEqual(["xl/charts/chart1.xml"]);
  });

  it("takes the drawing and chart away with the sheet", async () => {
    const parts = await partsOf(await removed(await write(await rosterWorkbookBytes())));
    expect(xlsxParts(parts, "xl/drawings/")).toEqual([]);
    expect(xlsxParts(parts, "xl/charts/")).toEqual([]);
    expect(parts.get("[Content_Types].xml")).not.toMatch(/drawing/);
  });

  it("drops the style and colour parts Excel adds to a chart when it saves", async () => {
    const zip = await JSZip.loadAsync(await write(await rosterWorkbookBytes()));
    const chart = summaryCharts(await partsOf(await zip.generateAsync({ type: "uint8array" }))).charts[0];
    zip.file("xl/charts/style1.xml", '<cs:chartStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" id="201"/>');
    zip.file(chart.replace("charts/", "charts/_rels/") + ".rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/chartStyle" Target="style1.xml"/></Relationships>');
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file("[Content_Types].xml", types.replace("</Types>", '<Override PartName="/xl/charts/style1.xml" ContentType="application/vnd.ms-office.chartstyle+xml"/></Types>'));
    const rerun = await partsOf(await write(await zip.generateAsync({ type: "uint8array" })));
    expect(xlsxParts(rerun, "xl/charts/")).toEqual(["xl/charts/chart1.xml"]);
    expect(rerun.get("[Content_Types].xml")).not.toContain("style1");
  });
});

describe("a workbook with drawings and charts of its own", () => {
  const USER_DRAWING = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    + '<xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>'
    + '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>'
    + '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>';
  const USER_CHART = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:layout/></c:plotArea></c:chart></c:chartSpace>';
  const rels = (type: string, target: string) => '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/></Relationships>`;

  /** The roster workbook with a chart on its "Cover" sheet, as Excel saves one: drawing1 and chart1. */
  async function withUserChart(): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(await rosterWorkbookBytes());
    const parts = await partsOf(await zip.generateAsync({ type: "uint8array" }));
    const cover = sheetPath(parts, "Cover");
    zip.file(cover, parts.get(cover)!.replace("</worksheet>", '<drawing r:id="rIdUser"/></worksheet>'));
    zip.file(cover.replace("worksheets/", "worksheets/_rels/") + ".rels", rels("drawing", "../drawings/drawing1.xml").replace('Id="rId1"', 'Id="rIdUser"'));
    zip.file("xl/drawings/drawing1.xml", USER_DRAWING);
    zip.file("xl/drawings/_rels/drawing1.xml.rels", rels("chart", "../charts/chart1.xml"));
    zip.file("xl/charts/chart1.xml", USER_CHART);
    zip.file("[Content_Types].xml", parts.get("[Content_Types].xml")!.replace("</Types>", `<Override PartName="/xl/drawings/drawing1.xml" ContentType="${DRAWING_TYPE}"/><Override PartName="/xl/charts/chart1.xml" ContentType="${CHART_TYPE}"/></Types>`));
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }

  it("keeps the user's drawing and chart as they were, and names the tool's parts clear of them", async () => {
    const before = await partsOf(await withUserChart());
    const after = await partsOf(await write(await withUserChart()));
    for (const name of ["xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels", "xl/charts/chart1.xml", sheetPath(before, "Cover")]) {
      expect([name, after.get(name)]).toEqual([name, before.get(name)]);
    }
    const ours = summaryCharts(after);
    expect(ours.drawing).toBe("xl/drawings/drawing2.xml");
    expect(ours.charts).toEqual(["xl/charts/chart2.xml"]);
    expect(overrides(after).get("xl/charts/chart1.xml")).toBe(CHART_TYPE);

    const gone = await partsOf(await removed(await write(await withUserChart())));
    expect(xlsxParts(gone, "xl/charts/")).toEqual(["xl/charts/chart1.xml"]);
    expect(xlsxParts(gone, "xl/drawings/")).toEqual(["xl/drawings/_rels/drawing1.xml.rels", "xl/drawings/drawing1.xml"]);
    expect(gone.get("xl/charts/chart1.xml")).toBe(USER_CHART);
    expect(overrides(gone).get("xl/drawings/drawing1.xml")).toBe(DRAWING_TYPE);
  });

  it("keeps a chart the user drew on the tool's sheet, and replaces only the tool's", async () => {
    // The user adds a chart of their own (chart9) to the summary's drawing after the first run.
    const zip = await JSZip.loadAsync(await write(await rosterWorkbookBytes()));
    const first = await partsOf(await zip.generateAsync({ type: "uint8array" }));
    const { drawing } = summaryCharts(first);
    const userAnchor = /<xdr:twoCellAnchor>[\s\S]*<\/xdr:twoCellAnchor>/.exec(USER_DRAWING)![0].replace('id="2"', 'id="7"').replace('r:id="rId1"', 'r:id="rId9"');
    zip.file(drawing, first.get(drawing)!.replace("<xdr:twoCellAnchor>", `${userAnchor}<xdr:twoCellAnchor>`));
    const drawingRels = drawing.replace("drawings/", "drawings/_rels/") + ".rels";
    zip.file(drawingRels, first.get(drawingRels)!.replace("</Relationships>", '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart9.xml"/></Relationships>'));
    zip.file("xl/charts/chart9.xml", USER_CHART);
    zip.file("[Content_Types].xml", first.get("[Content_Types].xml")!.replace("</Types>", `<Override PartName="/xl/charts/chart9.xml" ContentType="${CHART_TYPE}"/></Types>`));

    const rerun = await partsOf(await write(await zip.generateAsync({ type: "uint8array" })));
    const after = summaryCharts(rerun);
    expect(after.drawing).toBe(drawing);
    expect(after.charts).toEqual(["xl/charts/chart9.xml", "xl/charts/chart1.xml"]);
    expect(rerun.get("xl/charts/chart9.xml")).toBe(USER_CHART);
    expect(rerun.get(drawing)).toContain('name="Chart 1"');
    expect(rerun.get(drawing)!.match(/name="ARRS chart: /g)).toHaveLength(1);
    // The tool's shape ids stay clear of the user's.
    expect(rerun.get(drawing)).toMatch(/<xdr:cNvPr id="8" name="ARRS chart: /);
    assertWellFormed(rerun.get(drawing)!);
    expect(xlsxParts(rerun, "xl/charts/")).toEqual(["xl/charts/chart1.xml", "xl/charts/chart9.xml"]);
  });
});

describe("chartXml", () => {
  const rows = [
    [{ value: "Month" }, { value: "Actual" }, { value: "Forecast" }],
    [{ value: "Apr 2026" }, { value: 100.5 }, { value: null }],
    [{ value: "May 2026" }, { value: null }, { value: 200 }],
    [{ value: { date: "2026-06-01" as const }, format: "month" as const }, { value: "n/a" }, { value: 300 }],
  ];
  const spec = (type: ChartSpec["type"]): ChartSpec => ({
    type,
    title: "Cumulative claims & the ARRS sum",
    categories: { top: 2, left: 1, bottom: 4, right: 1 },
    series: [{ name: "Actual", values: { top: 2, left: 2, bottom: 4, right: 2 } }, { name: "Forecast", values: { top: 2, left: 3, bottom: 4, right: 3 } }],
    anchor: { top: 1, left: 5, bottom: 18, right: 12 },
    valueAxisTitle: "£",
  });
  const xml = (type: ChartSpec["type"]) => chartXml(spec(type), { quotedSheet: "'My ''PCN'''", rows });

  it("draws clustered and stacked columns, and lines with markers", () => {
    for (const type of ["column", "stackedColumn", "line"] as const) assertWellFormed(xml(type));
    expect(xml("column")).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(xml("column")).not.toContain("<c:overlap");
    expect(xml("stackedColumn")).toContain('<c:grouping val="stacked"/>');
    expect(xml("stackedColumn")).toContain('<c:overlap val="100"/>');
    expect(xml("line")).toContain("<c:lineChart>");
    expect(xml("line")).toContain('<c:marker><c:symbol val="circle"/>');
  });

  it("names each series, shows a legend for more than one, titles the value axis, and leaves blanks as gaps", () => {
    const column = xml("column");
    expect(column.match(/<c:ser>/g)).toHaveLength(2);
    expect(column).toContain("<c:tx><c:v>Actual</c:v></c:tx>");
    expect(column).toContain('<c:legend><c:legendPos val="b"/>');
    expect(column).toContain("<a:t>Cumulative claims &amp; the ARRS sum</a:t>");
    expect(column).toContain("<a:t>£</a:t>");
    expect(column).toContain("<c:f>'My ''PCN'''!$A$2:$A$4</c:f>");
    expect(column).toContain('<c:strCache><c:ptCount val="3"/><c:pt idx="0"><c:v>Apr 2026</c:v></c:pt><c:pt idx="1"><c:v>May 2026</c:v></c:pt><c:pt idx="2"><c:v>Jun 2026</c:v></c:pt></c:strCache>');
    expect(column).toContain('<c:ptCount val="3"/><c:pt idx="0"><c:v>100.5</c:v></c:pt></c:numCache>');
    expect(column).toContain('<c:ptCount val="3"/><c:pt idx="1"><c:v>200</c:v></c:pt><c:pt idx="2"><c:v>300</c:v></c:pt></c:numCache>');
    expect(column).toContain('<c:dispBlanksAs val="gap"/>');
  });
});
