/**
 * The other way: one business of the registry written out in the 49 columns, personal data
 * masked unless the reader may see it.
 */
import { maskName, maskNik, maskPhone } from '../../../platform/domain/personal-data.ts'
import { kbliCategoryOf } from './identifiers.ts'
import type { Scale } from './scale.ts'
import type { SidtColumn } from './sidt-columns.ts'

/** What the export reads of one business: the registry's columns and its latest figures. */
export interface SidtExportSource {
  sidtId: string | null
  name: string
  kbliCode: string
  nib: string | null
  ownerName: string
  ownerNik: string | null
  ownerPhone: string | null
  ownerSex: 'L' | 'P' | null
  ownerHasDisability: boolean | null
  ownerBirthDate: string | null
  ownerEducation: string | null
  ownerVillageCode: string | null
  ownerAddress: string | null
  ownerRt: string | null
  ownerRw: string | null
  mainActivity: string | null
  products: string | null
  legalForm: string | null
  selfReportedScale: Scale | null
  startedMonth: number | null
  startedYear: number | null
  villageCode: string | null
  address: string | null
  rt: string | null
  rw: string | null
  photoUrl: string | null
  latitude: string | null
  longitude: string | null
  workersPaidMale: number
  workersPaidFemale: number
  workersUnpaidMale: number
  workersUnpaidFemale: number
  workersDisabledMale: number
  workersDisabledFemale: number
  sidtPulledAt: Date | null
  sidtUpdatedAt: Date | null
  sidtSourcePage: string | null
  capitalRupiah: number | null
  annualSalesRupiah: number | null
  assetsRupiah: number | null
}

export type SidtExportCell = string | number | null
export type SidtExportRow = Record<SidtColumn, SidtExportCell>

export interface SidtExportOptions {
  /** The city the export is of: its kota and provinsi columns are filled even without a desa. */
  city: { code: string; provinceCode: string }
  /** NIK, phone, birth date and the owner's street address masked (UU 27/2022): the default. */
  isMasked: boolean
  /** The owner's name masked too, for a reader whose role does not see personal data. */
  isNameMasked: boolean
}

const regionPart = (code: string | null, parts: number) =>
  code ? code.split('.').slice(0, parts).join('.') : null

/**
 * One business in the 49 columns. Codes are written as Kemendagri codes; the disabled-worker
 * counts, kept as one number per sex, go in the paid columns and the unpaid ones stay empty
 * (SIDT's own docs warn they overlap the others, so nothing is added twice on re-import).
 */
export function toSidtRow(source: SidtExportSource, options: SidtExportOptions): SidtExportRow {
  const { isMasked: masked } = options
  const birthDate = source.ownerBirthDate
  return {
    id_data_badan_usaha: source.sidtId,
    nik_pengusaha: masked ? maskNik(source.ownerNik) : source.ownerNik,
    nama_pengusaha: options.isNameMasked ? maskName(source.ownerName) : source.ownerName,
    nib: source.nib,
    jenis_kelamin: source.ownerSex,
    is_disabilitas: source.ownerHasDisability === null ? null : source.ownerHasDisability ? 1 : 0,
    tanggal_lahir: birthDate && masked ? `${birthDate.slice(0, 4)}-**-**` : birthDate,
    pendidikan_formal: source.ownerEducation,
    kontak_hp: masked ? maskPhone(source.ownerPhone) : source.ownerPhone,
    prov_pengusaha: regionPart(source.ownerVillageCode, 1),
    kab_pengusaha: regionPart(source.ownerVillageCode, 2),
    kec_pengusaha: regionPart(source.ownerVillageCode, 3),
    kel_pengusaha: source.ownerVillageCode,
    alamat_pengusaha: source.ownerAddress && masked ? '***' : source.ownerAddress,
    rt_pengusaha: source.ownerRt,
    rw_pengusaha: source.ownerRw,
    nama_usaha: source.name,
    kegiatan_utama: source.mainActivity,
    produk_utama: source.products,
    kategori_kbli: kbliCategoryOf(source.kbliCode),
    kode_kbli: source.kbliCode,
    status_badan_usaha: source.legalForm,
    skala_usaha: source.selfReportedScale,
    modal_pendirian: source.capitalRupiah,
    bulan_mulai_operasi: source.startedMonth,
    tahun_mulai_operasi: source.startedYear,
    omzet_tahunan: source.annualSalesRupiah,
    asset: source.assetsRupiah,
    prov_usaha: options.city.provinceCode,
    kab_usaha: options.city.code,
    kec_usaha: regionPart(source.villageCode, 3),
    kel_usaha: source.villageCode,
    alamat_usaha: source.address,
    rt_usaha: source.rt,
    rw_usaha: source.rw,
    foto_usaha: source.photoUrl,
    alamat_latitude: source.latitude === null ? null : Number(source.latitude),
    alamat_longitude: source.longitude === null ? null : Number(source.longitude),
    tk_dibayar_laki: source.workersPaidMale,
    tk_dibayar_perempuan: source.workersPaidFemale,
    tk_dibayar_disabil_laki: source.workersDisabledMale,
    tk_dibayar_disabil_perempuan: source.workersDisabledFemale,
    tk_not_dibayar_laki: source.workersUnpaidMale,
    tk_not_dibayar_perempuan: source.workersUnpaidFemale,
    tk_not_dibayar_disabil_laki: null,
    tk_not_dibayar_disabil_perempua: null,
    pulled_at: source.sidtPulledAt?.toISOString() ?? null,
    updated_at: source.sidtUpdatedAt?.toISOString() ?? null,
    source_page: source.sidtSourcePage,
  }
}
