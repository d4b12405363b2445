import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import { cityToday, type ServiceContext } from '../../../platform/server/context.ts'
import type { Tx } from '../../../platform/server/db/client.ts'
import { AppError } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import { recordComputedValues } from '../../../platform/server/indicators/indicators.service.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import { coachedSalesGrowth, microGrowthPercent } from '../domain/indicators.ts'
import { operatingAt, periodEndOf, type RegistrySpan } from '../domain/registry.ts'
import {
  DEFAULT_SCALE_RULE,
  detectNaikKelas,
  type FiguresRecord,
  type Scale,
  scaleHistory,
} from '../domain/scale.ts'
import { UMKM_INDICATORS } from './umkm.indicators.ts'
import { assertCanEditUmkm } from './umkm.policy.ts'
import {
  coachingInYear,
  countCuratedProducts,
  countLicensed,
  listCityFigures,
  listRegistrySpans,
} from './umkm-indicators.repository.ts'

export interface UmkmIndicatorValue {
  code: string
  /** Null when the figure has no value (a growth over nothing): an earlier value is removed. */
  value: number | null
  sourceNote: string
}

/**
 * Pure: the yearly counts from each business's figures history, read under the default rule. The
 * scale counts take the businesses in operation at `periodEnd` (domain/registry.ts), each by its
 * latest record up to then; a naik kelas counts when the business operated on the later record's date.
 */
export function countScales(options: {
  figures: (FiguresRecord & { businessId: number })[]
  year: string
  periodEnd: string
  spans: Map<number, RegistrySpan>
}) {
  const operating = (businessId: number, date: string) => {
    const span = options.spans.get(businessId)
    return span === undefined || operatingAt(span, date)
  }
  const byBusiness = new Map<number, FiguresRecord[]>()
  for (const record of options.figures) {
    const records = byBusiness.get(record.businessId) ?? []
    records.push(record)
    byBusiness.set(record.businessId, records)
  }
  const latest: Record<Scale, number> = { mikro: 0, kecil: 0, menengah: 0, besar: 0 }
  let naikKelas = 0
  for (const [businessId, all] of byBusiness) {
    const records = all.filter((record) => record.asOf <= options.periodEnd)
    const history = scaleHistory(DEFAULT_SCALE_RULE, records)
    const last = history.at(-1)
    if (last && operating(businessId, options.periodEnd)) latest[last.scale]++
    const moved = detectNaikKelas(history).some(
      (move) => move.to.asOf.startsWith(`${options.year}-`) && operating(businessId, move.to.asOf),
    )
    if (moved) naikKelas++
  }
  return { latest, naikKelas }
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 100)

/** The values for one city and year, computed from the registry as it stands on `asOf`. */
export async function computeUmkmValues(tx: Tx, options: { city: CityRef; year: string; asOf: string }) {
  const { city, year, asOf } = options
  const figures = await listCityFigures(tx, { cityId: city.id, asOf })
  const spans = new Map((await listRegistrySpans(tx, { cityId: city.id })).map((row) => [row.id, row]))
  const scales = countScales({ figures, year, periodEnd: asOf, spans })
  const previousYear = String(Number(year) - 1)
  const previous = countScales({ figures, year: previousYear, periodEnd: `${previousYear}-12-31`, spans })
  const licensed = await countLicensed(tx, { cityId: city.id, asOf })
  const coaching = await coachingInYear(tx, { cityId: city.id, year })
  const salesGrowth = coachedSalesGrowth(coaching.pairs)
  const curated = await countCuratedProducts(tx, { cityId: city.id, year })
  const base = `Registri UMKM per ${asOf} (usaha yang sudah mulai beroperasi dan belum tutup pada tanggal itu)`
  const rule = `aturan ${DEFAULT_SCALE_RULE}, data angka usaha terakhir s.d. ${asOf}`
  const values: UmkmIndicatorValue[] = [
    { code: 'umkm_by_scale_micro', value: scales.latest.mikro, sourceNote: `${base}; ${rule}` },
    { code: 'umkm_by_scale_small', value: scales.latest.kecil, sourceNote: `${base}; ${rule}` },
    { code: 'umkm_by_scale_medium', value: scales.latest.menengah, sourceNote: `${base}; ${rule}` },
    {
      code: 'umkm_micro_growth',
      value: microGrowthPercent(previous.latest.mikro, scales.latest.mikro),
      sourceNote: `${base}; usaha mikro ${previous.latest.mikro} (akhir ${previousYear}) → ${scales.latest.mikro} (${asOf}); ${rule}`,
    },
    {
      code: 'umkm_nib_share',
      value: share(licensed.withNib, licensed.total),
      sourceNote: `${base}; ${licensed.withNib} dari ${licensed.total} usaha terdaftar memiliki NIB`,
    },
    {
      code: 'umkm_halal_pirt_share',
      value: share(licensed.withFoodCertificate, licensed.total),
      sourceNote: `${base}; ${licensed.withFoodCertificate} dari ${licensed.total} usaha memiliki sertifikat halal atau P-IRT yang berlaku`,
    },
    {
      code: 'umkm_naik_kelas',
      value: scales.naikKelas,
      sourceNote: `${base}; usaha yang berpindah dari mikro ke kelas di atasnya dengan data bertanggal ${year} (${rule})`,
    },
    {
      code: 'umkm_coaching_participants',
      value: coaching.participants,
      sourceNote: `Peserta program pembinaan yang berjalan pada ${year}; satu usaha dihitung sekali`,
    },
    {
      code: 'umkm_coached_sales_growth',
      value: salesGrowth.percent,
      sourceNote: `Omzet tahunan sesudah ÷ sebelum program, dijumlah atas ${salesGrowth.participants} peserta program ${year} yang diukur dua kali`,
    },
    {
      code: 'umkm_curated_products',
      value: curated,
      sourceNote: `Produk yang kurasinya pada ${year} bernilai A–C (rubrik pusat UMKM)`,
    },
  ]
  return values
}

/**
 * Stores computed values (provenance `computed`), replacing the previous computation of that year
 * whole: a figure that has no value now (a growth over nothing) loses the one computed before.
 */
export async function storeUmkmValues(
  tx: Tx,
  options: {
    city: CityRef
    year: string
    values: UmkmIndicatorValue[]
    recordedBy: number | null
  },
) {
  await recordComputedValues(tx, {
    cityId: options.city.id,
    period: options.year,
    periodKind: 'year',
    recordedBy: options.recordedBy,
    values: options.values.map((item) => ({
      ...item,
      formulaVersion: UMKM_INDICATORS.find((candidate) => candidate.code === item.code)!.formulaVersion,
    })),
  })
}

/** Computes the UMKM indicators of a year (up to today for the current year) and stores them. */
export async function computeUmkmIndicators(
  context: ServiceContext,
  options: { city: CityRef; year: number },
) {
  assertCanEditUmkm(context.access, { actor: context.actor!, cityId: options.city.id })
  const today = cityToday(context, options.city)
  if (options.year < 2000 || String(options.year) > today.slice(0, 4)) {
    throw new AppError('validation.failed', {
      details: [{ field: '/body/year', code: 'umkm.indicator_year_invalid' }],
    })
  }
  const year = String(options.year)
  const asOf = periodEndOf(year, today)
  return runWrite(context, async (tx) => {
    const values = await computeUmkmValues(tx, { city: options.city, year, asOf })
    await storeUmkmValues(tx, {
      city: options.city,
      year,
      values,
      recordedBy: context.actor?.userId ?? null,
    })
    await recordAudit(tx, context, {
      cityId: options.city.id,
      action: 'umkm_indicators.computed',
      entityType: 'indicator_value',
      entityId: null,
      after: { year, asOf, values: Object.fromEntries(values.map((item) => [item.code, item.value])) },
    })
    return { year, asOf, values }
  })
}
