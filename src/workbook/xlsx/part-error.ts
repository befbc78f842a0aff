/** The bytes are a zip, but not one this adapter can read as a workbook: a part is damaged or not as the standard lays it out. */
export class PackageError extends Error {
  override name = "PackageError";
}
