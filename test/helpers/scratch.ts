/**
 * Scratch folders for tests that write files. Each folder made through `scratchFolders` is removed
 * after the test file's last test, so `npm test` leaves nothing in the user's temporary folder (the
 * bad-file tests alone write about 21 MB a run).
 */
import { mkdtempSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** Call once at the top of a test file; the function it returns makes a new, empty folder. */
export function scratchFolders(prefix: string): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}
