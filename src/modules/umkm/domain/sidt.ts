/**
 * The SIDT UMKM layout (Sistem Informasi Data Tunggal, the national single-data system): 49
 * columns, "SIDT 2026-04-15 schema" as the Jawa Barat DISKUK system ingests it. It is Sinergi's
 * import and export contract for the registry. Pure rules: a spreadsheet row in, a business and its
 * dated figures out, or every problem of the row named by column.
 *
 * Two separations of the layout are kept: the owner's domicile (`*_pengusaha`) apart from the
 * business's location (`*_usaha`), and the business (*usaha*) as the unit counted, not the owner.
 *
 * Split by meaning: the columns (sidt-columns.ts); one cell (sidt-cells.ts, sidt-dates.ts); places
 * (sidt-places.ts); one row (sidt-row-reader.ts, sidt-rows.ts); the rows of a file together
 * (sidt-import-plan.ts); the way out (sidt-export.ts). Callers import from here.
 */
export { isMasked, parseHeadcount, parseRupiah } from './sidt-cells.ts'
export {
  missingColumns,
  SIDT_COLUMNS,
  SIDT_SOURCE_NOTE,
  type SidtCell,
  type SidtColumn,
  type SidtProblem,
  type SidtRawRow,
} from './sidt-columns.ts'
export { localDateOf, parseSidtDate, parseSidtMoment } from './sidt-dates.ts'
export {
  type SidtExportCell,
  type SidtExportOptions,
  type SidtExportRow,
  type SidtExportSource,
  toSidtRow,
} from './sidt-export.ts'
export {
  type ExistingBusinessKey,
  findDuplicates,
  planSidtImport,
  type SidtImportPlan,
  statedOtherCity,
} from './sidt-import-plan.ts'
export {
  indexPlaces,
  type RegionLevel,
  regionCodeOf,
  type SidtCityIndex,
  type SidtPlaces,
} from './sidt-places.ts'
export {
  type ParseSidtRowOptions,
  parseSidtRow,
  type SidtBusiness,
  type SidtFigures,
  type SidtRecord,
  type SidtRowResult,
} from './sidt-rows.ts'
