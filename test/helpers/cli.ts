import { main } from "../../src/cli/main";

/** Runs the arrs command in-process on a fixed date, collecting what it prints and its exit code. */
export async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, today: () => "2026-11-21" });
  return { code, stdout, stderr };
}
