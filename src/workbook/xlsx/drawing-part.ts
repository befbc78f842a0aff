/**
 * The charts on one of the tool's own sheets, as the package holds them (ECMA-376 Part 1, 20.5:
 * SpreadsheetML drawings): the sheet's <drawing r:id> points at a drawing part (xl/drawings/drawingN.xml),
 * which holds one anchor per chart, each pointing at a chart part (xl/charts/chartN.xml).
 *
 * The tool's charts are known by their names (chart-style.ts), which Excel keeps when it saves: a
 * rerun removes exactly those and their parts and writes the new ones, so part names are reused and
 * the output is the same from one run to the next; anything else in the drawing (a chart or picture
 * the user put on the sheet) stays, with its relationships. Part names are chosen free in the package
 * as the edit leaves it, so they never collide with the user's own drawings and charts.
 */
import type { ChartSpec, OwnedSheet } from "../../report/types";
import { chartName, isToolChartName } from "../chart-style";
import { CHART_CONTENT_TYPE, CHART_RELATIONSHIP, chartXml } from "./chart-part";
import { childElements, rootElement } from "./elements";
import { type PackageEdit, relsPathOf, sameRelationshipType } from "./package";
import { eachStartTag } from "./tag-scanner";
import { escapeXml } from "./xml";

export const DRAWING_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const DRAWING_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";

const XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface NewPart {
  path: string;
  contentType: string;
}

export interface SheetCharts {
  /** The sheet's relationship to its drawing, for its <drawing r:id>; null when it has none. */
  drawingId: string | null;
  /** Parts written, whose content types the caller declares (after the sheets', so reruns keep the order). */
  parts: NewPart[];
}

/**
 * Replaces the tool's charts on the sheet at `sheetPath` with `sheet.charts`, in `edit`. The drawing
 * keeps its part name if it had one; it goes when nothing is left in it.
 */
export async function replaceToolCharts(edit: PackageEdit, options: { sheetPath: string; quotedSheet: string; sheet: OwnedSheet }): Promise<SheetCharts> {
  const { sheetPath, quotedSheet, sheet } = options;
  const charts = sheet.charts ?? [];
  const drawingRel = (await edit.relationships(sheetPath)).find((r) => !r.external && sameRelationshipType(r.type, DRAWING_RELATIONSHIP));
  const previous = drawingRel ? await edit.text(drawingRel.path) : null;
  const kept = previous !== null ? await withoutToolCharts(edit, drawingRel!.path, previous) : null;

  if (charts.length === 0 && (kept === null || kept.anchors.length === 0)) {
    if (drawingRel) {
      await removePart(edit, drawingRel.path);
      await edit.removeRelationship(sheetPath, drawingRel.id);
    }
    return { drawingId: null, parts: [] };
  }

  const drawingPath = drawingRel?.path ?? edit.freePath("xl/drawings/drawing", ".xml");
  const parts: NewPart[] = [{ path: drawingPath, contentType: DRAWING_CONTENT_TYPE }];
  const anchors: string[] = [];
  let shapeId = (kept?.largestId ?? 1) + 1;
  for (const spec of charts) {
    const chartPath = edit.freePath("xl/charts/chart", ".xml");
    edit.set(chartPath, chartXml(spec, { quotedSheet, rows: sheet.rows }));
    parts.push({ path: chartPath, contentType: CHART_CONTENT_TYPE });
    const relId = await edit.addRelationship(drawingPath, CHART_RELATIONSHIP, chartPath);
    anchors.push(anchorXml(spec, relId, shapeId++));
  }
  if (kept === null || kept.anchors.length === 0) {
    edit.set(drawingPath, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      + `<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}">${anchors.join("")}</xdr:wsDr>`);
  } else {
    // The user's drawing keeps its own root (and the namespaces its anchors use); ours declare theirs.
    const declared = anchors.map((anchor) => anchor.replace("<xdr:twoCellAnchor", `<xdr:twoCellAnchor xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}"`));
    edit.set(drawingPath, kept.head + kept.anchors.join("") + declared.join("") + kept.tail);
  }
  const drawingId = drawingRel?.id ?? await edit.addRelationship(sheetPath, DRAWING_RELATIONSHIP, drawingPath);
  return { drawingId, parts };
}

/** When one of the tool's sheets is removed: its drawing and every chart in it go with it. */
export async function removeSheetDrawings(edit: PackageEdit, sheetPath: string): Promise<void> {
  for (const rel of await edit.relationships(sheetPath)) {
    if (rel.external || !sameRelationshipType(rel.type, DRAWING_RELATIONSHIP)) continue;
    for (const link of await edit.relationships(rel.path)) {
      if (!link.external && sameRelationshipType(link.type, CHART_RELATIONSHIP)) await removeChartPart(edit, link.path);
    }
    await removePart(edit, rel.path);
  }
}

/**
 * A drawing's XML split round its anchors, with the tool's charts taken out (their chart parts and
 * relationships removed in `edit`): what is before the first child, the other anchors, what follows.
 */
async function withoutToolCharts(edit: PackageEdit, drawingPath: string, xml: string): Promise<{ head: string; anchors: string[]; tail: string; largestId: number }> {
  const root = rootElement(xml);
  const links = await edit.relationships(drawingPath);
  const anchors: string[] = [];
  let largestId = 1;
  // Each child of the root is one anchor (or an mc:AlternateContent wrapping one): kept or dropped whole.
  for (const child of childElements(xml, root.contentStart, root.contentEnd)) {
    const text = xml.slice(child.start, child.end);
    const shape = firstShapeProperties(text);
    if (shape.name === null || !isToolChartName(shape.name)) {
      anchors.push(text);
      largestId = Math.max(largestId, Number(shape.id) || 0);
      continue;
    }
    for (const id of chartRelationshipIds(text)) {
      const link = links.find((l) => l.id === id && !l.external);
      if (!link) continue;
      await removeChartPart(edit, link.path);
      await edit.removeRelationship(drawingPath, link.id);
    }
  }
  return { head: xml.slice(0, root.contentStart), anchors, tail: xml.slice(root.contentEnd), largestId };
}

/** The name and id of an anchor's shape: its first cNvPr element (any prefix). */
function firstShapeProperties(anchor: string): { name: string | null; id: string | null } {
  const found: { name: string | null; id: string | null } = { name: null, id: null };
  let seen = false;
  eachStartTag(anchor, "cNvPr", (scan) => {
    if (seen) return;
    seen = true;
    found.name = scan.attribute("name");
    found.id = scan.attribute("id");
  });
  return found;
}

/** The relationship id (r:id, whatever the prefix) of each chart element in an anchor. */
function chartRelationshipIds(anchor: string): string[] {
  const ids: string[] = [];
  eachStartTag(anchor, "chart", (scan) => {
    const id = scan.attributes().find(([name]) => /^[\w.-]+:id$/.test(name))?.[1];
    if (id) ids.push(id);
  });
  return ids;
}

/**
 * A chart part and the parts only it uses (the style and colour parts Excel adds when it saves, a
 * drawing of shapes over the chart), each with its relationships and content type.
 */
async function removeChartPart(edit: PackageEdit, path: string): Promise<void> {
  for (const link of await edit.relationships(path)) {
    if (!link.external) await removePart(edit, link.path);
  }
  await removePart(edit, path);
}

async function removePart(edit: PackageEdit, path: string): Promise<void> {
  await edit.removeContentType(path);
  edit.remove(path);
  edit.remove(relsPathOf(path));
}

/**
 * One chart over the anchor's cells, moving and sizing with them: from the top-left cell's corner to
 * the corner past the bottom-right cell (xdr:from and xdr:to count columns and rows from 0).
 */
function anchorXml(spec: ChartSpec, relId: string, shapeId: number): string {
  const { top, left, bottom, right } = spec.anchor;
  const corner = (column: number, row: number) => `<xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  // The chart's description, read out by screen readers in place of the picture.
  const description = `${spec.title}: ${spec.series.map((s) => s.name).join(", ")}`;
  return "<xdr:twoCellAnchor>"
    + `<xdr:from>${corner(left - 1, top - 1)}</xdr:from><xdr:to>${corner(right, bottom)}</xdr:to>`
    + `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${escapeXml(chartName(spec))}" descr="${escapeXml(description)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`
    + '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>'
    + `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${REL_NS}" r:id="${relId}"/></a:graphicData></a:graphic>`
    + "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>";
}
