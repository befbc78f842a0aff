"use strict";
/**
 * The bench's zip bomb: a workbook of about 10 MB whose roster sheet inflates to 10 GiB of zeros
 * while its zip entry records 100,000 bytes (issue 19). `arrs check` must refuse it with one line
 * and exit code 2 in under 5 s, with peak memory under 512 MiB; measured in a fresh process with
 * a 512 MiB V8 heap, its max RSS counting the inflater's buffers too.
 *
 * Made in milliseconds: 1 MiB of zeros deflated with a full flush is a byte-aligned, non-final run
 * of deflate blocks; that run repeated 10,240 times and closed by an empty final block inflates to
 * 10 GiB. The test suite's hostile-door tests make the same file and more like it.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { performance } = require("perf_hooks");
const zlib = require("zlib");

const ROOT = path.join(__dirname, "..");
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MEBIBYTES = 10 * 1024;

function zeroBomb(mebibytes) {
  const block = zlib.deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const out = Buffer.alloc(block.length * mebibytes + 5);
  for (let i = 0; i < mebibytes; i++) block.copy(out, i * block.length);
  Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]).copy(out, block.length * mebibytes);
  return out;
}

/** Writes the bombed workbook into `dir` and returns its path. */
function bombFile(dir) {
  const { crc32, writeZip } = require("../lib/workbook/xlsx/zip.js");
  const part = (name, text) => {
    const data = Buffer.from(text);
    return { name, method: 8, crc32: crc32(data), uncompressedSize: data.length, raw: zlib.deflateRawSync(data), time: 0, date: 0x21 };
  };
  const entries = [
    part("[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`),
    part("_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    part("xl/workbook.xml", `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Staff" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    part("xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    { name: "xl/worksheets/sheet1.xml", method: 8, crc32: 0, uncompressedSize: 100000, raw: zeroBomb(MEBIBYTES), time: 0, date: 0x21 },
  ];
  const file = path.join(dir, "bomb.xlsx");
  fs.writeFileSync(file, writeZip(entries));
  return file;
}

/** `node bin/arrs.js check bomb.xlsx` in a fresh process: seconds, peak RSS, exit code and what it said. */
function measureBomb(dir) {
  const file = bombFile(dir);
  const bin = path.join(ROOT, "bin", "arrs.js");
  const measure = `process.on("exit", () => process.stderr.write("\\n@maxRSS " + process.resourceUsage().maxRSS * 1024 + "\\n"));`
    + `process.argv.splice(1, 0, ${JSON.stringify(bin)}); require(${JSON.stringify(bin)});`;
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ["--max-old-space-size=512", "-e", measure, "check", file], { encoding: "utf8", timeout: 120000 });
  const ms = performance.now() - t0;
  const maxRss = Number(/@maxRSS (\d+)/.exec(run.stderr || "")?.[1] ?? NaN);
  const said = (run.stderr || "").replace(/\n?@maxRSS \d+\n/, "").trim();
  const result = { fileBytes: fs.statSync(file).size, inflatesTo: MEBIBYTES * 2 ** 20, ms, maxRss, code: run.status, said };
  fs.rmSync(file, { force: true });
  return result;
}

module.exports = { measureBomb };
