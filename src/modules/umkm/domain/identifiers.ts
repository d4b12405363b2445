/**
 * Business identifiers: the NIB issued by OSS-RBA and the KBLI activity code. The KBLI reference
 * carries its version: KBLI 2020 (Peraturan BPS 2/2020) has 21 categories A–U; KBLI 2025
 * (Peraturan BPS 7/2025) adds V and moves codes, and will be a second table next to this one.
 */

/** NIB (Nomor Induk Berusaha): 13 digits; leading zeros are possible, so it is kept as text. */
export function isValidNib(nib: string): boolean {
  return /^\d{13}$/.test(nib)
}

/** Spaces, dots and dashes people type between groups of digits; anything else stays and fails. */
export function normaliseNib(nib: string): string {
  return nib.replace(/[\s.-]/g, '')
}

export type KbliVersion = 'KBLI2020'

export interface KbliCategory {
  letter: string
  name: string
  /** Golongan pokok: the first two digits of every 5-digit kelompok in the category. */
  divisions: readonly string[]
}

export interface KbliReference {
  version: KbliVersion
  categories: readonly KbliCategory[]
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, '0'))

/**
 * KBLI 2020, kategori → golongan pokok: 21 categories, 88 divisions (Peraturan BPS 2/2020,
 * Lampiran; the same division boundaries as ISIC Rev. 4). Only the divisions are listed: the
 * 1,790 five-digit kelompok are reference data for a later import, so a code is checked for its
 * shape and for a division that exists, not yet for the kelompok itself.
 */
export const KBLI_2020: KbliReference = {
  version: 'KBLI2020',
  categories: [
    { letter: 'A', name: 'Pertanian, Kehutanan dan Perikanan', divisions: range(1, 3) },
    { letter: 'B', name: 'Pertambangan dan Penggalian', divisions: range(5, 9) },
    { letter: 'C', name: 'Industri Pengolahan', divisions: range(10, 33) },
    { letter: 'D', name: 'Pengadaan Listrik, Gas, Uap/Air Panas dan Udara Dingin', divisions: ['35'] },
    {
      letter: 'E',
      name: 'Treatment Air, Treatment Air Limbah, Treatment dan Pemulihan Material Sampah, dan Aktivitas Remediasi',
      divisions: range(36, 39),
    },
    { letter: 'F', name: 'Konstruksi', divisions: range(41, 43) },
    {
      letter: 'G',
      name: 'Perdagangan Besar dan Eceran; Reparasi dan Perawatan Mobil dan Sepeda Motor',
      divisions: range(45, 47),
    },
    { letter: 'H', name: 'Pengangkutan dan Pergudangan', divisions: range(49, 53) },
    { letter: 'I', name: 'Penyediaan Akomodasi dan Penyediaan Makan Minum', divisions: range(55, 56) },
    { letter: 'J', name: 'Informasi dan Komunikasi', divisions: range(58, 63) },
    { letter: 'K', name: 'Aktivitas Keuangan dan Asuransi', divisions: range(64, 66) },
    { letter: 'L', name: 'Real Estat', divisions: ['68'] },
    { letter: 'M', name: 'Aktivitas Profesional, Ilmiah dan Teknis', divisions: range(69, 75) },
    {
      letter: 'N',
      name: 'Aktivitas Penyewaan dan Sewa Guna Usaha Tanpa Hak Opsi, Ketenagakerjaan, Agen Perjalanan dan Penunjang Usaha Lainnya',
      divisions: range(77, 82),
    },
    {
      letter: 'O',
      name: 'Administrasi Pemerintahan, Pertahanan dan Jaminan Sosial Wajib',
      divisions: ['84'],
    },
    { letter: 'P', name: 'Pendidikan', divisions: ['85'] },
    { letter: 'Q', name: 'Aktivitas Kesehatan Manusia dan Aktivitas Sosial', divisions: range(86, 88) },
    { letter: 'R', name: 'Kesenian, Hiburan dan Rekreasi', divisions: range(90, 93) },
    { letter: 'S', name: 'Aktivitas Jasa Lainnya', divisions: range(94, 96) },
    {
      letter: 'T',
      name: 'Aktivitas Rumah Tangga sebagai Pemberi Kerja; Aktivitas yang Menghasilkan Barang dan Jasa oleh Rumah Tangga yang Digunakan untuk Memenuhi Kebutuhan Sendiri',
      divisions: range(97, 98),
    },
    {
      letter: 'U',
      name: 'Aktivitas Badan Internasional dan Badan Ekstra Internasional Lainnya',
      divisions: ['99'],
    },
  ],
}

export const CURRENT_KBLI = KBLI_2020

export type KbliProblem = 'kbli_format' | 'kbli_unknown_division' | 'kbli_unknown_kelompok'

export type KbliCheck =
  | { ok: true; code: string; version: KbliVersion; category: string; division: string }
  | { ok: false; problem: KbliProblem }

/**
 * Checks a 5-digit kelompok code against a KBLI version and gives its category letter. With the
 * version's kelompok table (loaded by the operator from the BPS publication), the code must be in
 * it; without one, only its division (golongan pokok) can be checked.
 */
export function checkKbliCode(
  code: string,
  reference: KbliReference = CURRENT_KBLI,
  kelompok: ReadonlySet<string> | null = null,
): KbliCheck {
  if (!/^\d{5}$/.test(code)) return { ok: false, problem: 'kbli_format' }
  const division = code.slice(0, 2)
  const category = reference.categories.find((c) => c.divisions.includes(division))
  if (!category) return { ok: false, problem: 'kbli_unknown_division' }
  if (kelompok && !kelompok.has(code)) return { ok: false, problem: 'kbli_unknown_kelompok' }
  return { ok: true, code, version: reference.version, category: category.letter, division }
}

/** The error code and message key a failed check gives, for a form field or a SIDT cell. */
export function kbliErrorCode(problem: KbliProblem): string {
  if (problem === 'kbli_format') return 'umkm.kbli_invalid'
  return problem === 'kbli_unknown_division' ? 'umkm.kbli_unknown' : 'umkm.kbli_not_in_table'
}

export function kbliCategoryOf(code: string, reference: KbliReference = CURRENT_KBLI): string | null {
  const check = checkKbliCode(code, reference)
  return check.ok ? check.category : null
}
