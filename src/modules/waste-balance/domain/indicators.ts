import type { CityBalance } from './balance.ts'

const REGULATION = {
  sipsn: 'Permen LHK 6/2022 (SIPSN); UU 18/2008 Pasal 19–22',
  jakstranas: 'Perpres 97/2017 (Jakstranas); SIPSN capaian kinerja',
  sdg: 'SDG 11.6.1 (UN-Habitat Waste Wise Cities Tool)',
}

/** The waste balance's indicators, registered in the platform registry (formula version 1). */
export const WASTE_BALANCE_INDICATORS = [
  {
    code: 'waste_timbulan_tpd',
    id: 'Timbulan sampah harian',
    en: 'Waste generated per day',
    unit: 'ton/hari',
    ref: REGULATION.sipsn,
  },
  {
    code: 'waste_timbulan_tpy',
    id: 'Timbulan sampah tahunan (A)',
    en: 'Waste generated per year (A)',
    unit: 'ton/tahun',
    ref: REGULATION.sipsn,
  },
  {
    code: 'waste_pengurangan_t',
    id: 'Pengurangan sampah (B)',
    en: 'Waste reduced (B)',
    unit: 'ton/tahun',
    ref: REGULATION.jakstranas,
  },
  {
    code: 'waste_pengurangan_pct',
    id: 'Persentase pengurangan sampah (B/A)',
    en: 'Waste reduction (B/A)',
    unit: '%',
    ref: REGULATION.jakstranas,
  },
  {
    code: 'waste_penanganan_t',
    id: 'Penanganan sampah (C)',
    en: 'Waste handled (C)',
    unit: 'ton/tahun',
    ref: REGULATION.jakstranas,
  },
  {
    code: 'waste_penanganan_pct',
    id: 'Persentase penanganan sampah (C/A)',
    en: 'Waste handling (C/A)',
    unit: '%',
    ref: REGULATION.jakstranas,
  },
  {
    code: 'waste_penanganan_tanpa_od_pct',
    id: 'Persentase penanganan tanpa TPA open dumping',
    en: 'Waste handling without open-dumping TPAs',
    unit: '%',
    ref: REGULATION.jakstranas,
  },
  {
    code: 'waste_terkelola_pct',
    id: 'Persentase sampah terkelola ((B+C)/A)',
    en: 'Waste managed ((B+C)/A)',
    unit: '%',
    ref: REGULATION.sipsn,
  },
  {
    code: 'waste_tidak_terkelola_t',
    id: 'Sampah tidak terkelola (A−(B+C))',
    en: 'Waste not managed (A−(B+C))',
    unit: 'ton/tahun',
    ref: REGULATION.sipsn,
  },
  {
    code: 'waste_recycling_rate_pct',
    id: 'Recycling rate ((D+E)/A)',
    en: 'Recycling rate ((D+E)/A)',
    unit: '%',
    ref: REGULATION.sipsn,
  },
  {
    code: 'sdg_11_6_1_pct',
    id: 'Sampah dikelola di fasilitas terkendali (SDG 11.6.1)',
    en: 'Waste managed in controlled facilities (SDG 11.6.1)',
    unit: '%',
    ref: REGULATION.sdg,
  },
] as const

export type WasteBalanceIndicator = (typeof WASTE_BALANCE_INDICATORS)[number]['code']

const tonnes = (grams: number | null) => (grams === null ? null : grams / 1_000_000)

/** Every figure of a balance by indicator code; null where it has no value (no estimate), never 0. */
export function indicatorFiguresOf(balance: CityBalance): Record<WasteBalanceIndicator, number | null> {
  const { figures, estimate } = balance
  return {
    waste_timbulan_tpd: tonnes(estimate?.perDay ?? null),
    waste_timbulan_tpy: tonnes(figures.timbulan),
    waste_pengurangan_t: tonnes(figures.reduction),
    waste_pengurangan_pct: figures.percent.reduction,
    waste_penanganan_t: tonnes(figures.handling),
    waste_penanganan_pct: figures.percent.handling,
    waste_penanganan_tanpa_od_pct: figures.percent.handlingControlled,
    waste_terkelola_pct: figures.percent.managed,
    waste_tidak_terkelola_t: tonnes(figures.unmanaged),
    waste_recycling_rate_pct: figures.percent.recyclingRate,
    sdg_11_6_1_pct: figures.percent.sdg1161,
  }
}

/** The indicators the registry also holds per kecamatan: tonnes only, as timbulan has no kecamatan estimate. */
export const DISTRICT_INDICATORS = ['waste_pengurangan_t', 'waste_penanganan_t'] as const

/**
 * B and C in tonnes per kecamatan, where the path of the waste ended. Flows without a place have no
 * kecamatan row: the city's value less the kecamatan rows is what is "tanpa kecamatan". A kecamatan
 * with neither B nor C in the period gets no row.
 */
export function districtIndicatorValuesOf(
  balance: CityBalance,
): { code: (typeof DISTRICT_INDICATORS)[number]; value: number; districtCode: string }[] {
  return balance.districts.flatMap(({ districtCode, reduction, handling }) =>
    districtCode === null || (reduction === 0 && handling === 0)
      ? []
      : [
          { code: 'waste_pengurangan_t' as const, value: reduction / 1_000_000, districtCode },
          { code: 'waste_penanganan_t' as const, value: handling / 1_000_000, districtCode },
        ],
  )
}
