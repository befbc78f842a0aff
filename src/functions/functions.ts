/**
 * The =ARRS.* custom functions (namespace ARRS in manifest.xml). They load in the shared runtime
 * (taskpane.html) beside the task pane and the ribbon commands.
 *
 * custom-functions-metadata-plugin (webpack.config.js) reads the JSDoc of every function below tagged
 * @customfunction, writes dist/functions.json from it, and appends a CustomFunctions.associate(...) call
 * for each to this module when it is bundled; office.js defines CustomFunctions, even outside Excel.
 *
 * For now there is one placeholder, =ARRS.VERSION(), so that the build, the manifest's custom functions
 * extension point and functions.json can be tried end to end. The real functions (thin wrappers over
 * engine/ and rules/, matrix in and matrix out) come next and may replace it.
 */

/** The add-in's version; kept in step with package.json by test/build/manifest.test.ts. */
export const ADDIN_VERSION = "0.1.0";

/**
 * The version of the ARRS checker add-in that is loaded.
 * @customfunction VERSION
 * @returns The version number, for example "0.1.0".
 */
export function version(): string {
  return ADDIN_VERSION;
}
