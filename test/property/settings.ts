/**
 * Shared fast-check settings for the property tests. A failure prints its seed and counterexample
 * (fast-check's own report); run it again with that seed:
 *   FC_SEED=123456 FC_PATH="4:1:0" npx jest test/property
 * FC_RUNS raises or lowers the number of cases for a longer or a quicker run.
 */
import fc from "fast-check";

export function runs(defaultRuns: number): fc.Parameters<unknown> {
  const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
  const path = process.env.FC_PATH || undefined;
  const numRuns = process.env.FC_RUNS ? Number(process.env.FC_RUNS) : defaultRuns;
  return { numRuns, ...(seed !== undefined ? { seed } : {}), ...(path ? { path } : {}), verbose: 1 };
}
