/**
 * The 49 columns of the SIDT UMKM layout, as SIDT spells them, and the shapes of a row and of a
 * problem found in one.
 */
export const SIDT_COLUMNS = [
  'id_data_badan_usaha',
  'nik_pengusaha',
  'nama_pengusaha',
  'nib',
  'jenis_kelamin',
  'is_disabilitas',
  'tanggal_lahir',
  'pendidikan_formal',
  'kontak_hp',
  'prov_pengusaha',
  'kab_pengusaha',
  'kec_pengusaha',
  'kel_pengusaha',
  'alamat_pengusaha',
  'rt_pengusaha',
  'rw_pengusaha',
  'nama_usaha',
  'kegiatan_utama',
  'produk_utama',
  'kategori_kbli',
  'kode_kbli',
  'status_badan_usaha',
  'skala_usaha',
  'modal_pendirian',
  'bulan_mulai_operasi',
  'tahun_mulai_operasi',
  'omzet_tahunan',
  'asset',
  'prov_usaha',
  'kab_usaha',
  'kec_usaha',
  'kel_usaha',
  'alamat_usaha',
  'rt_usaha',
  'rw_usaha',
  'foto_usaha',
  'alamat_latitude',
  'alamat_longitude',
  'tk_dibayar_laki',
  'tk_dibayar_perempuan',
  'tk_dibayar_disabil_laki',
  'tk_dibayar_disabil_perempuan',
  'tk_not_dibayar_laki',
  'tk_not_dibayar_perempuan',
  'tk_not_dibayar_disabil_laki',
  // Cut at 31 characters in SIDT itself (a column-name limit upstream); kept as SIDT spells it.
  'tk_not_dibayar_disabil_perempua',
  'pulled_at',
  'updated_at',
  'source_page',
] as const

export type SidtColumn = (typeof SIDT_COLUMNS)[number]

/** A cell as the reader hands it over: text, a number typed in a spreadsheet, a yes/no, or empty. */
export type SidtCell = string | number | boolean | null | undefined
export type SidtRawRow = Partial<Record<SidtColumn, SidtCell>>

/** Figures in the file become a dated figures record with this source. */
export const SIDT_SOURCE_NOTE = 'SIDT'

export interface SidtProblem {
  /** The spreadsheet row (the header is row 1), as the person fixing the file sees it. */
  row: number
  column: SidtColumn
  code: string
  params?: Record<string, unknown>
}

/** The header row: every one of the 49 columns must be there (any order, any case); others are ignored. */
export function missingColumns(headers: readonly string[]): SidtColumn[] {
  const present = new Set(
    headers.map((header) =>
      header
        .replace(/^\uFEFF/, '')
        .trim()
        .toLowerCase(),
    ),
  )
  return SIDT_COLUMNS.filter((column) => !present.has(column))
}
