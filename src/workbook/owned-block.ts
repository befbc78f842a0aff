/** Where an earlier run's roster columns are: their header row and first and last column. */
export interface OwnedBlock {
  headerRow: number;
  firstColumn: number;
  lastColumn: number;
}
