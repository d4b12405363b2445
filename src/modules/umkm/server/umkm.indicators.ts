import type { IndicatorDefinition } from '../../../platform/server/indicators/indicators.registry.ts'

/** Computed from the registry by `umkm-indicators.service.ts` (provenance `computed`). */
export const UMKM_INDICATORS: IndicatorDefinition[] = [
  {
    code: 'umkm_by_scale_micro',
    name: { id: 'Jumlah usaha mikro', en: 'Number of micro businesses' },
    unit: 'usaha',
    periodKind: 'year',
    // 2: counts the registry of the period (started by its end, not closed by then).
    formulaVersion: '2',
    regulationRef: 'PP 7/2021 Pasal 35 ayat (3)–(5); usaha as the counting unit (SIDT UMKM)',
  },
  {
    code: 'umkm_by_scale_small',
    name: { id: 'Jumlah usaha kecil', en: 'Number of small businesses' },
    unit: 'usaha',
    periodKind: 'year',
    // 2: counts the registry of the period (started by its end, not closed by then).
    formulaVersion: '2',
    regulationRef: 'PP 7/2021 Pasal 35 ayat (3)–(5); usaha as the counting unit (SIDT UMKM)',
  },
  {
    code: 'umkm_nib_share',
    name: {
      id: 'Proporsi UMKM yang memiliki izin usaha (NIB)',
      en: 'Share of UMKM with a business licence (NIB)',
    },
    unit: '%',
    periodKind: 'year',
    // 2: counts the registry of the period (started by its end, not closed by then).
    formulaVersion: '2',
    regulationRef:
      'Kode Referensi Indikator Bappenas 02.10.005 (Kepmen PPN/Kepala Bappenas KEP.26A/M.PPN/HK/05/2025); RPJMN 2025–2029 03.03.02.01.01',
  },
  {
    code: 'umkm_halal_pirt_share',
    name: {
      id: 'Proporsi UMKM yang memiliki sertifikat halal atau P-IRT yang berlaku',
      en: 'Share of UMKM with a valid halal or P-IRT certificate',
    },
    unit: '%',
    periodKind: 'year',
    // 2: counts the registry of the period (started by its end, not closed by then).
    formulaVersion: '2',
    regulationRef: 'UU 33/2014 jo. UU 6/2023 (jaminan produk halal); PerBPOM 22/2018 (SPP-IRT)',
  },
  {
    code: 'umkm_naik_kelas',
    name: {
      id: 'Jumlah usaha mikro yang naik kelas menjadi usaha kecil',
      en: 'Micro businesses that moved up to small',
    },
    unit: 'usaha',
    periodKind: 'year',
    // 2: counts the registry of the period (started by its end, not closed by then).
    formulaVersion: '2',
    regulationRef: 'PP 7/2021 Pasal 35; Permendagri 90/2019 sub-kegiatan 2.17.08.2.01',
  },
  {
    code: 'umkm_by_scale_medium',
    name: { id: 'Jumlah usaha menengah', en: 'Number of medium businesses' },
    unit: 'usaha',
    periodKind: 'year',
    // 2: counts the registry of the period (started by its end, not closed by then).
    formulaVersion: '2',
    regulationRef: 'PP 7/2021 Pasal 35 ayat (3)–(5); usaha as the counting unit (SIDT UMKM)',
  },
  {
    code: 'umkm_micro_growth',
    name: { id: 'Persentase pertumbuhan usaha mikro', en: 'Growth of micro businesses' },
    unit: '%',
    periodKind: 'year',
    // 2: counts the registry of the period (started by its end, not closed by then).
    formulaVersion: '2',
    regulationRef:
      '(JUM tahun n − JUM tahun n−1) ÷ JUM tahun n−1 × 100, as in kab/kota Renstra (e.g. Satu Data Kab. Blitar); micro under PP 7/2021',
  },
  {
    code: 'umkm_coaching_participants',
    name: { id: 'Jumlah UMKM peserta pembinaan', en: 'Businesses in coaching programmes' },
    unit: 'usaha',
    periodKind: 'year',
    formulaVersion: '1',
    regulationRef:
      'Permendagri 90/2019 sub-kegiatan 2.17.08.2.01 (pengembangan usaha mikro); Permenkop 2/2022 (DAK Nonfisik PK2UMK)',
  },
  {
    code: 'umkm_coached_sales_growth',
    name: { id: 'Pertumbuhan omzet UMKM binaan', en: 'Sales growth of coached businesses' },
    unit: '%',
    periodKind: 'year',
    formulaVersion: '1',
    regulationRef:
      '(Σ omzet sesudah − Σ omzet sebelum) ÷ Σ omzet sebelum × 100, peserta yang diukur sebelum dan sesudah program',
  },
  {
    code: 'umkm_curated_products',
    name: { id: 'Jumlah produk UMKM terkurasi', en: 'Curated UMKM products' },
    unit: 'produk',
    periodKind: 'year',
    formulaVersion: '1',
    regulationRef: 'Rubrik kurasi pusat UMKM (kurasi-2026.1; pola Diskop-UKM Jatim dan Jakpreneur A–D)',
  },
]
