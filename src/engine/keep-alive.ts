/**
 * Example objects kept for as long as the engine is loaded, and never read.
 *
 * V8 gives the objects of a class a hidden class (a "map") and collects it once no object of the class
 * is left; the optimised code that relied on it is thrown away with it. A check's MonthTable,
 * StaffMonths and FindingList objects all go when its result is let go, so every check after that (the
 * next click in the task pane, or a program that checks several rosters in one process) began again
 * in unoptimised code. One live example of each keeps the hidden class, and with it the optimised code.
 */
const examples: object[] = [];

export function keepHiddenClassOf(example: object): void {
  examples.push(example);
}
