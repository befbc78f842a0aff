/**
 * xl/sharedStrings.xml → the table a cell with t="s" indexes into (ECMA-376 Part 1, 18.4.9 sst).
 * Each <si> (18.4.8) is either one <t> or rich-text runs <r><rPr/><t/></r> (18.4.4), whose texts
 * make the string Excel shows; phonetic runs <rPh> (18.4.6) are reading aids for East Asian text,
 * not part of it, and <phoneticPr> holds only settings.
 */
import { TagScanner, xmlText } from "./tag-scanner";

export function parseSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  const scan = new TagScanner(xml);
  let current: string | null = null;
  while (scan.next()) {
    if (scan.is("si")) {
      if (scan.closing) {
        strings.push(current ?? "");
        current = null;
      } else if (scan.selfClosing) {
        strings.push("");
      } else {
        current = "";
      }
    } else if (current !== null && !scan.closing) {
      // Inside an <si>: the text of each <t>, directly or in a run; never a phonetic run's.
      if (scan.is("rPh")) scan.skipElement();
      else if (scan.is("t")) current += xmlText(scan.rawText());
    }
  }
  return strings;
}
