import { describe, expect, it } from 'vitest'
import {
  findDuplicates,
  indexPlaces,
  missingColumns,
  parseRupiah,
  parseSidtDate,
  parseSidtMoment,
  parseSidtRow,
  planSidtImport,
  regionCodeOf,
  SIDT_COLUMNS,
  type SidtExportSource,
  type SidtRawRow,
  type SidtRecord,
  type SidtRowResult,
  statedOtherCity,
  toSidtRow,
} from './sidt.ts'

const BATU = indexPlaces({
  city: {
    code: '35.79',
    name: 'Kota Batu',
    provinceCode: '35',
    provinceName: 'Jawa Timur',
    timezone: 'Asia/Jakarta',
  },
  districts: [
    { code: '35.79.01', name: 'Batu' },
    { code: '35.79.02', name: 'Bumiaji' },
    { code: '35.79.03', name: 'Junrejo' },
  ],
  villages: [
    { code: '35.79.01.2006', name: 'Oro-Oro Ombo', districtCode: '35.79.01' },
    { code: '35.79.02.2001', name: 'Punten', districtCode: '35.79.02' },
    { code: '35.79.01.1001', name: 'Sisir', districtCode: '35.79.01' },
    // Two desa of one name in different kecamatan: a name alone does not say which.
    { code: '35.79.02.2009', name: 'Sumberejo', districtCode: '35.79.02' },
    { code: '35.79.03.2007', name: 'Sumberejo', districtCode: '35.79.03' },
  ],
  knownOwnerVillages: new Set(['35.07.01.2001']),
})

const TODAY = '2026-05-01'
const NOW = new Date('2026-05-01T03:00:00Z')

const GOOD: SidtRawRow = {
  id_data_badan_usaha: 'SIDT-0001',
  nik_pengusaha: '3579014107800001',
  nama_pengusaha: 'Sri Wahyuningsih',
  nib: '9120001234567',
  jenis_kelamin: 'P',
  is_disabilitas: '0',
  tanggal_lahir: '1980-07-01',
  pendidikan_formal: 'SMA',
  kontak_hp: '081234567890',
  kel_pengusaha: '35.79.02.2001',
  nama_usaha: 'Keripik Apel Bu Sri',
  kegiatan_utama: 'Membuat keripik apel',
  produk_utama: 'Keripik apel manalagi',
  kategori_kbli: 'C',
  kode_kbli: '10794',
  status_badan_usaha: 'Perorangan',
  skala_usaha: 'Mikro',
  modal_pendirian: '25000000',
  bulan_mulai_operasi: '3',
  tahun_mulai_operasi: '2015',
  omzet_tahunan: '180.000.000',
  asset: '',
  prov_usaha: '35',
  kab_usaha: '35.79',
  kec_usaha: '35.79.01',
  kel_usaha: '35.79.01.2006',
  alamat_usaha: 'Jl. Raya Oro-Oro Ombo 12',
  rt_usaha: '2',
  rw_usaha: '05',
  alamat_latitude: '-7,8833',
  alamat_longitude: '112.5139',
  tk_dibayar_laki: '0',
  tk_dibayar_perempuan: '3',
  tk_dibayar_disabil_perempuan: '1',
  tk_not_dibayar_laki: '1',
  updated_at: '2026-04-15 08:30:00',
  pulled_at: '2026-04-20T00:00:00Z',
  source_page: '12',
}

function parse(changes: SidtRawRow = {}, row = 2): SidtRowResult {
  return parseSidtRow({ row, raw: { ...GOOD, ...changes }, index: BATU, today: TODAY, now: NOW })
}

function record(changes: SidtRawRow = {}): SidtRecord {
  const result = parse(changes)
  if (!('record' in result)) throw new Error(`expected a record, got ${JSON.stringify(result.problems)}`)
  return result.record
}

/** The problems of one row as `column code`, the way a reader of the error table sees them. */
function problems(changes: SidtRawRow): string[] {
  const result = parse(changes)
  return 'problems' in result ? result.problems.map((p) => `${p.column} ${p.code}`) : []
}

describe('the SIDT layout', () => {
  it('has the 49 columns in the order of the national export', () => {
    expect(SIDT_COLUMNS).toHaveLength(49)
    expect(new Set(SIDT_COLUMNS).size).toBe(49)
    expect(SIDT_COLUMNS[0]).toBe('id_data_badan_usaha')
    expect(SIDT_COLUMNS[20]).toBe('kode_kbli')
    expect(SIDT_COLUMNS.at(-1)).toBe('source_page')
  })

  it('names the columns a header lacks, in any order and case, ignoring extra columns', () => {
    expect(missingColumns([...SIDT_COLUMNS].reverse())).toEqual([])
    expect(missingColumns(['\uFEFFID_DATA_BADAN_USAHA', ...SIDT_COLUMNS.slice(1), 'catatan'])).toEqual([])
    expect(missingColumns(SIDT_COLUMNS.filter((c) => c !== 'nib' && c !== 'asset'))).toEqual(['nib', 'asset'])
  })
})

describe('a good row', () => {
  it('becomes a business with owner and place kept apart, and dated figures', () => {
    const parsed = record()
    expect(parsed.business).toMatchObject({
      sidtId: 'SIDT-0001',
      name: 'Keripik Apel Bu Sri',
      kbliCode: '10794',
      nib: '9120001234567',
      ownerName: 'Sri Wahyuningsih',
      ownerNik: '3579014107800001',
      ownerPhone: '081234567890',
      ownerSex: 'P',
      ownerHasDisability: false,
      ownerBirthDate: '1980-07-01',
      ownerVillageCode: '35.79.02.2001',
      villageCode: '35.79.01.2006',
      selfReportedScale: 'mikro',
      startedMonth: 3,
      startedYear: 2015,
      rt: '002',
      rw: '005',
      latitude: '-7.883300',
      longitude: '112.513900',
      workersPaidFemale: 3,
      workersPaidMale: 0,
      workersUnpaidMale: 1,
      workersDisabledFemale: 1,
      sidtSourcePage: '12',
    })
    // 08:30 WIB is 01:30 UTC.
    expect(parsed.business.sidtUpdatedAt?.toISOString()).toBe('2026-04-15T01:30:00.000Z')
    expect(parsed.figures).toEqual({
      asOf: '2026-04-15',
      capitalRupiah: 25_000_000,
      annualSalesRupiah: 180_000_000,
      assetsRupiah: null,
      workers: 4,
    })
  })

  it('leaves blank cells out, so an update keeps what the registry holds', () => {
    const parsed = record({ nib: '', kontak_hp: '-', skala_usaha: null, tk_dibayar_disabil_perempuan: '' })
    expect(parsed.business).not.toHaveProperty('nib')
    expect(parsed.business).not.toHaveProperty('ownerPhone')
    expect(parsed.business).not.toHaveProperty('selfReportedScale')
    expect(parsed.business).not.toHaveProperty('workersDisabledFemale')
  })

  it('has no figures record when the row states no money figure', () => {
    expect(record({ modal_pendirian: '', omzet_tahunan: '', asset: '' }).figures).toBeNull()
  })

  it('dates figures by the SIDT pull when there is no change stamp, else today', () => {
    expect(record({ updated_at: '' }).figures?.asOf).toBe('2026-04-20')
    expect(record({ updated_at: '', pulled_at: '' }).figures?.asOf).toBe(TODAY)
  })

  it('adds paid and unpaid disabled workers into the one count per sex', () => {
    const parsed = record({ tk_dibayar_disabil_laki: '1', tk_not_dibayar_disabil_laki: '2' })
    expect(parsed.business.workersDisabledMale).toBe(3)
  })

  it('reads places by name as well as by code', () => {
    const parsed = record({
      prov_usaha: 'JAWA TIMUR',
      kab_usaha: 'KOTA BATU',
      kec_usaha: 'Kec. Bumiaji',
      kel_usaha: 'PUNTEN',
      kel_pengusaha: 'Sisir',
      kec_pengusaha: 'Batu',
    })
    expect(parsed.business.villageCode).toBe('35.79.02.2001')
    expect(parsed.business.ownerVillageCode).toBe('35.79.01.1001')
  })

  it('keeps an owner living outside the city by the desa code the reference knows', () => {
    expect(record({ kel_pengusaha: '3507012001' }).business.ownerVillageCode).toBe('35.07.01.2001')
    expect(problems({ kel_pengusaha: '35.07.01.2999' })).toEqual([
      'kel_pengusaha umkm.sidt_owner_village_unknown',
    ])
  })

  it('takes what a spreadsheet made of numbers back to what they were', () => {
    const parsed = record({
      kode_kbli: 1111,
      kategori_kbli: 'A',
      kontak_hp: 81234567890,
      nib: 9120001234567,
      kel_usaha: 3579012006,
      rt_usaha: 1,
      modal_pendirian: 25_000_000,
    })
    expect(parsed.business).toMatchObject({
      kbliCode: '01111',
      ownerPhone: '081234567890',
      nib: '9120001234567',
      villageCode: '35.79.01.2006',
      rt: '001',
    })
  })

  it('treats masked personal data from an earlier export as "keep what is stored"', () => {
    const parsed = record({
      nik_pengusaha: '3579********0001',
      kontak_hp: '0812****7890',
      tanggal_lahir: '1980-**-**',
      nama_pengusaha: 'S** W*****',
    })
    expect(parsed.business).not.toHaveProperty('ownerNik')
    expect(parsed.business).not.toHaveProperty('ownerPhone')
    expect(parsed.business).not.toHaveProperty('ownerBirthDate')
    expect(parsed.business).not.toHaveProperty('ownerName')
    expect(parsed.isOwnerNameMasked).toBe(true)
  })
})

describe('a bad row', () => {
  it('refuses an NIB of 12 or 14 digits and takes exactly 13 or none', () => {
    expect(problems({ nib: '912000123456' })).toEqual(['nib umkm.nib_invalid'])
    expect(problems({ nib: '91200012345678' })).toEqual(['nib umkm.nib_invalid'])
    expect(problems({ nib: '91200012345AB' })).toEqual(['nib umkm.nib_invalid'])
    expect(problems({ nib: '9120001234567' })).toEqual([])
    expect(problems({ nib: '912.000.123.4567' })).toEqual([])
    expect(problems({ nib: '' })).toEqual([])
  })

  it('refuses a NIK that is not 16 digits, and one Excel turned into a number', () => {
    expect(problems({ nik_pengusaha: '357901410780000' })).toEqual(['nik_pengusaha umkm.sidt_nik_invalid'])
    expect(problems({ nik_pengusaha: '35790141078000012' })).toEqual(['nik_pengusaha umkm.sidt_nik_invalid'])
    expect(problems({ nik_pengusaha: 3579014107800000 })).toEqual(['nik_pengusaha umkm.sidt_nik_number_cell'])
  })

  it('refuses a KBLI code of the wrong shape, an unknown division, and a category that disagrees', () => {
    expect(problems({ kode_kbli: '1079' })).toEqual(['kode_kbli umkm.kbli_invalid'])
    expect(problems({ kode_kbli: '107945' })).toEqual(['kode_kbli umkm.kbli_invalid'])
    // Golongan pokok 04 does not exist in KBLI 2020 (category A ends at 03, B starts at 05).
    expect(problems({ kode_kbli: '04111', kategori_kbli: '' })).toEqual(['kode_kbli umkm.kbli_unknown'])
    expect(problems({ kode_kbli: '' })).toEqual(['kode_kbli umkm.sidt_required'])
    expect(problems({ kategori_kbli: 'G' })).toEqual(['kategori_kbli umkm.sidt_kbli_category_mismatch'])
    expect(problems({ kategori_kbli: 'Industri Pengolahan' })).toEqual([])
  })

  it('refuses a kelompok missing from the loaded KBLI table, and takes one that is in it', () => {
    const table = new Set(['10794', '13134'])
    const withTable = (kode_kbli: string) => {
      const result = parseSidtRow({
        row: 2,
        raw: { ...GOOD, kode_kbli, kategori_kbli: '' },
        index: BATU,
        today: TODAY,
        now: NOW,
        kbliKelompok: table,
      })
      return 'problems' in result ? result.problems.map((p) => `${p.column} ${p.code}`) : []
    }
    expect(withTable('10799')).toEqual(['kode_kbli umkm.kbli_not_in_table'])
    expect(withTable('13134')).toEqual([])
    // Without a table the same code passes on its division alone.
    expect(problems({ kode_kbli: '10799', kategori_kbli: '' })).toEqual([])
  })

  it('refuses a business in another city, and a desa of another city', () => {
    expect(problems({ kab_usaha: '73.73' })).toEqual(['kab_usaha umkm.sidt_other_city'])
    expect(problems({ kab_usaha: 'Kota Palopo' })).toEqual(['kab_usaha umkm.sidt_other_city'])
    // Same name, other kind of place: Kabupaten Batu is not Kota Batu.
    expect(problems({ kab_usaha: 'Kabupaten Batu' })).toEqual(['kab_usaha umkm.sidt_other_city'])
    expect(problems({ kab_usaha: 'Batu' })).toEqual([])
    expect(problems({ prov_usaha: '73' })).toEqual(['prov_usaha umkm.sidt_other_city'])
    expect(problems({ kel_usaha: '73.73.04.1003', kec_usaha: '' })).toEqual([
      'kel_usaha umkm.village_not_in_city',
    ])
    expect(problems({ kec_usaha: '35.79.03' })).toEqual(['kel_usaha umkm.sidt_village_not_in_district'])
    expect(problems({ kec_usaha: '', kel_usaha: 'Sumberejo' })).toEqual([
      'kel_usaha umkm.sidt_village_ambiguous',
    ])
    expect(record({ kec_usaha: 'Junrejo', kel_usaha: 'Sumberejo' }).business.villageCode).toBe(
      '35.79.03.2007',
    )
  })

  it('refuses negative and fractional rupiah, and takes zero', () => {
    expect(problems({ modal_pendirian: '-1' })).toEqual(['modal_pendirian umkm.sidt_number_negative'])
    expect(problems({ omzet_tahunan: -5_000 })).toEqual(['omzet_tahunan umkm.sidt_number_negative'])
    expect(problems({ asset: '1500,5' })).toEqual(['asset umkm.sidt_number_invalid'])
    expect(problems({ asset: 1500.5 })).toEqual(['asset umkm.sidt_number_invalid'])
    expect(problems({ asset: 'satu juta' })).toEqual(['asset umkm.sidt_number_invalid'])
    expect(record({ modal_pendirian: '0' }).figures?.capitalRupiah).toBe(0)
  })

  it('refuses headcounts that are not whole numbers of people', () => {
    expect(problems({ tk_dibayar_laki: '-1' })).toEqual(['tk_dibayar_laki umkm.sidt_headcount_invalid'])
    expect(problems({ tk_not_dibayar_perempuan: '2.5' })).toEqual([
      'tk_not_dibayar_perempuan umkm.sidt_headcount_invalid',
    ])
    expect(problems({ tk_dibayar_perempuan: '1000001' })).toEqual([
      'tk_dibayar_perempuan umkm.sidt_headcount_invalid',
    ])
  })

  it('refuses a sex other than L or P, an unknown scale and a bad yes/no', () => {
    expect(problems({ jenis_kelamin: 'X' })).toEqual(['jenis_kelamin umkm.sidt_sex_invalid'])
    expect(record({ jenis_kelamin: 'Laki-laki' }).business.ownerSex).toBe('L')
    expect(problems({ skala_usaha: 'raksasa' })).toEqual(['skala_usaha umkm.sidt_scale_invalid'])
    expect(record({ skala_usaha: 'Usaha Kecil' }).business.selfReportedScale).toBe('kecil')
    expect(problems({ is_disabilitas: 'mungkin' })).toEqual(['is_disabilitas umkm.sidt_yes_no_invalid'])
  })

  it('refuses dates that are not on the calendar, or in the future', () => {
    expect(problems({ tanggal_lahir: '1980-02-30' })).toEqual(['tanggal_lahir umkm.sidt_date_invalid'])
    expect(problems({ tanggal_lahir: '2026-05-02' })).toEqual(['tanggal_lahir umkm.sidt_date_in_future'])
    expect(record({ tanggal_lahir: '01/07/1980' }).business.ownerBirthDate).toBe('1980-07-01')
    expect(problems({ updated_at: 'kemarin' })).toEqual(['updated_at umkm.sidt_datetime_invalid'])
    expect(problems({ pulled_at: '2026-05-03T00:00:00Z' })).toEqual(['pulled_at umkm.sidt_date_in_future'])
    expect(problems({ bulan_mulai_operasi: '13' })).toEqual(['bulan_mulai_operasi umkm.sidt_month_invalid'])
    expect(problems({ tahun_mulai_operasi: '2027' })).toEqual(['tahun_mulai_operasi umkm.sidt_year_invalid'])
  })

  it('requires the business name, the owner name and the KBLI code', () => {
    expect(problems({ nama_usaha: '', nama_pengusaha: ' ', kode_kbli: null })).toEqual([
      'nama_usaha umkm.sidt_required',
      'nama_pengusaha umkm.sidt_required',
      'kode_kbli umkm.sidt_required',
    ])
  })

  it('refuses half a coordinate pair or one outside Indonesia, and reads 0/0 as unknown', () => {
    expect(problems({ alamat_longitude: '' })).toEqual(['alamat_longitude umkm.coordinates_pair'])
    expect(problems({ alamat_latitude: '40.7' })).toEqual(['alamat_latitude umkm.sidt_coordinates_invalid'])
    expect(record({ alamat_latitude: '0', alamat_longitude: 0 }).business).not.toHaveProperty('latitude')
  })

  it('reports every problem of a row at once, with its row number', () => {
    const result = parse({ nib: '123', jenis_kelamin: 'X', modal_pendirian: '-1' }, 17)
    expect('problems' in result && result.problems).toEqual([
      { row: 17, column: 'jenis_kelamin', code: 'umkm.sidt_sex_invalid' },
      { row: 17, column: 'modal_pendirian', code: 'umkm.sidt_number_negative' },
      { row: 17, column: 'nib', code: 'umkm.nib_invalid', params: { value: '123' } },
    ])
  })
})

describe('a whole file', () => {
  it('names the later row of a duplicated SIDT id or NIB', () => {
    const rows = [
      record(),
      { ...record({ nib: '9120001234568' }), row: 3 },
      { ...record({ id_data_badan_usaha: 'SIDT-0002' }), row: 4 },
    ]
    expect(findDuplicates(rows)).toEqual([
      { row: 3, column: 'id_data_badan_usaha', code: 'umkm.sidt_duplicate_id', params: { first: 2 } },
      { row: 4, column: 'nib', code: 'umkm.sidt_duplicate_nib', params: { first: 2 } },
    ])
  })

  it('is refused as a whole when every row names another city', () => {
    const palopo = [parse({ kab_usaha: '73.73' }, 2), parse({ kab_usaha: '73.73', nib: '1' }, 3)]
    expect(statedOtherCity(palopo)).toBe('73.73')
    expect(statedOtherCity([...palopo, parse({}, 4)])).toBeNull()
    expect(statedOtherCity([])).toBeNull()
  })
})

describe('cells', () => {
  it('reads Kemendagri codes with or without dots', () => {
    expect(regionCodeOf('3579012006', 'village')).toBe('35.79.01.2006')
    expect(regionCodeOf('35.79', 'city')).toBe('35.79')
    expect(regionCodeOf(3579, 'city')).toBe('35.79')
    expect(regionCodeOf('357.9', 'city')).toBeNull()
    expect(regionCodeOf('Kota Batu', 'city')).toBeNull()
  })

  it('reads rupiah as Indonesian spreadsheets write them', () => {
    expect(parseRupiah('Rp 1.500.000,00')).toEqual({ value: 1_500_000 })
    expect(parseRupiah('1500000.00')).toEqual({ value: 1_500_000 })
    expect(parseRupiah('1.5')).toEqual({ code: 'umkm.sidt_number_invalid' })
    expect(parseRupiah(Number.MAX_SAFE_INTEGER + 2)).toEqual({ code: 'umkm.sidt_number_invalid' })
    expect(parseRupiah('')).toBeUndefined()
  })

  it('reads dates and moments, a bare time in the city’s own zone', () => {
    expect(parseSidtDate('2024-02-29')).toBe('2024-02-29')
    expect(parseSidtDate('2023-02-29')).toBeNull()
    expect(parseSidtMoment('2026-04-15 08:30', 'Asia/Makassar')?.toISOString()).toBe(
      '2026-04-15T00:30:00.000Z',
    )
    expect(parseSidtMoment('2026-04-15T08:30:00+07:00', 'Asia/Makassar')?.toISOString()).toBe(
      '2026-04-15T01:30:00.000Z',
    )
    expect(parseSidtMoment('2026-04-15T25:00', 'Asia/Jakarta')).toBeNull()
  })
})

describe('the export row', () => {
  const source: SidtExportSource = {
    ...(record().business as unknown as SidtExportSource),
    ownerSex: 'P',
    nib: '9120001234567',
    ownerNik: '3579014107800001',
    ownerPhone: '081234567890',
    ownerEducation: 'SMA',
    ownerAddress: 'Jl. Mawar 3',
    ownerRt: '001',
    ownerRw: '002',
    legalForm: 'Perorangan',
    photoUrl: null,
    sidtPulledAt: new Date('2026-04-20T00:00:00Z'),
    sidtUpdatedAt: null,
    workersDisabledMale: 0,
    workersDisabledFemale: 1,
    capitalRupiah: 25_000_000,
    annualSalesRupiah: null,
    assetsRupiah: null,
  }
  const city = { code: '35.79', provinceCode: '35' }

  it('masks the NIK, phone, birth date and the owner’s street by default', () => {
    const row = toSidtRow(source, { city, isMasked: true, isNameMasked: false })
    expect(Object.keys(row)).toEqual([...SIDT_COLUMNS])
    expect(row).toMatchObject({
      nik_pengusaha: '3579********0001',
      kontak_hp: '0812****7890',
      tanggal_lahir: '1980-**-**',
      alamat_pengusaha: '***',
      nama_pengusaha: 'Sri Wahyuningsih',
      kab_usaha: '35.79',
      kel_usaha: '35.79.01.2006',
      kategori_kbli: 'C',
      tk_dibayar_disabil_perempuan: 1,
      tk_not_dibayar_disabil_perempua: null,
      pulled_at: '2026-04-20T00:00:00.000Z',
    })
  })

  it('gives the personal data in full only when asked, and masks names for readers who may not see them', () => {
    expect(toSidtRow(source, { city, isMasked: false, isNameMasked: false })).toMatchObject({
      nik_pengusaha: '3579014107800001',
      kontak_hp: '081234567890',
      tanggal_lahir: '1980-07-01',
    })
    expect(toSidtRow(source, { city, isMasked: true, isNameMasked: true }).nama_pengusaha).toBe('S** W*****')
  })

  it('reads back what it wrote, unmasked', () => {
    const row = toSidtRow(source, { city, isMasked: false, isNameMasked: false })
    const again = parseSidtRow({ row: 2, raw: row, index: BATU, today: TODAY, now: NOW })
    expect('record' in again && again.record.business).toMatchObject({
      ownerNik: source.ownerNik,
      villageCode: source.villageCode,
      workersDisabledFemale: 1,
      kbliCode: '10794',
    })
  })
})

describe('matching rows to the registry', () => {
  const at = (row: number, changes: SidtRawRow = {}) => ({ ...record(changes), row })
  const existing = [
    { id: 1, sidtId: 'SIDT-0001', nib: null },
    { id: 2, sidtId: null, nib: '9120001234568' },
    { id: 3, sidtId: 'SIDT-0003', nib: '9120001234569' },
  ]

  it('updates by SIDT id, links by NIB a business registered without one, and inserts the rest', () => {
    const plan = planSidtImport(
      [
        at(2, { nib: '' }),
        at(3, { id_data_badan_usaha: 'SIDT-0002', nib: '9120001234568' }),
        at(4, { id_data_badan_usaha: 'SIDT-0004', nib: '' }),
        at(5, { id_data_badan_usaha: '', nib: '9120001234569' }),
      ],
      existing,
    )
    expect(plan.problems).toEqual([])
    expect(plan.updates.map((u) => [u.record.row, u.id])).toEqual([
      [2, 1],
      [3, 2],
      [5, 3],
    ])
    expect(plan.inserts.map((r) => r.row)).toEqual([4])
  })

  it('refuses an NIB held by another business, and two rows landing on one business', () => {
    const plan = planSidtImport(
      [
        at(2, { nib: '9120001234568' }),
        at(3, { id_data_badan_usaha: 'SIDT-0009', nib: '9120001234569' }),
        at(4, { id_data_badan_usaha: 'SIDT-0003', nib: '' }),
        at(5, { id_data_badan_usaha: '', nib: '9120001234569' }),
      ],
      existing,
    )
    expect(plan.problems.map((p) => `${p.row} ${p.column} ${p.code}`)).toEqual([
      '2 nib umkm.nib_taken',
      '3 nib umkm.sidt_nib_other_record',
      '5 nib umkm.sidt_duplicate_match',
    ])
  })

  it('does not create a business from a masked owner name', () => {
    const plan = planSidtImport(
      [at(2, { id_data_badan_usaha: 'SIDT-0100', nama_pengusaha: 'S** W*****' })],
      [],
    )
    expect(plan.problems.map((p) => p.code)).toEqual(['umkm.sidt_masked_new'])
    expect(plan.inserts).toEqual([])
  })
})
