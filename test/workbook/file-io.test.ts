import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openWorkbookFile, saveWorkbookFile } from "../../src/workbook/file-io";
import { WorkbookFileError } from "../../src/workbook/file-workbook";
import { writeFile } from "node:fs/promises";
import { rosterWorkbookBytes, load } from "./workbooks";

describe("file-io", () => {
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), "arrs-io-")); });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  it("saves a workbook and opens it again, leaving no temporary file behind", async () => {
    const path = join(dir, "roster.xlsx");
    await saveWorkbookFile(await load(await rosterWorkbookBytes()), path);
    expect(await (await openWorkbookFile(path)).sheetNames()).toEqual(["Cover", "Staff", "ARRS max reimb 25-26"]);
    expect(await readdir(dir)).toEqual(["roster.xlsx"]);
  });

  it("rejects a CSV saved with an .xlsx name", async () => {
    const path = join(dir, "roster.xlsx");
    await writeFile(path, "Name,Role\n");
    await expect(openWorkbookFile(path)).rejects.toThrow(WorkbookFileError);
  });
});
