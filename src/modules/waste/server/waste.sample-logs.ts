import { nextDate } from '../../../platform/domain/city-time.ts'
import { saleRevenueRupiah } from '../domain/flows.ts'
import type { Material } from '../domain/materials.ts'
import type { NewFlow } from './flows.repository.ts'

/**
 * A year of daily logs for the demo TPS3R: SAMPLE DATA, generated from the assumptions below, not
 * measured. Each is stated so a reader can judge the figures it produces.
 *
 * - Intake: each day the design capacity × a utilisation drawn between 70 % and 95 %; Saturday and
 *   Sunday × 1.5 (Batu is a tourist city; weekend waste is reported 50–70 % higher). 80 % from
 *   households of the TPS3R's own desa/kelurahan, 20 % from its shops and market (perniagaan).
 * - Sorting: 95 % of the day's mixed waste plus yesterday's unsorted rest is sorted the same day.
 * - Composition of what is sorted: sisa makanan 58 %, plastik 14 %, kertas-karton 9 %, logam 2 %,
 *   kaca 2 %, lainnya (residue) 15 %. (National SIPSN 2024: sisa makanan 39 %, plastik 20 %; a TPS3R
 *   serving households sees more food waste.)
 * - Food waste: 75 % composted and 25 % fed to BSF maggots, the same day.
 * - Residue goes to the TPA the same day (TPA Tlekung takes residue only since 30 August 2023).
 * - Recyclables are kept and sold every Saturday to one pengepul at Rp2.500 (plastik), Rp1.100
 *   (kertas-karton), Rp2.000 (logam) and Rp500 (kaca) per kg (bank sampah price lists, 2021–2025).
 */
export interface SampleTps3r {
  id: number
  villageCode: string
  capacityKgPerDay: number
}

const COMPOSITION: [Material, number][] = [
  ['sisa_makanan', 0.58],
  ['plastik', 0.14],
  ['kertas_karton', 0.09],
  ['logam', 0.02],
  ['kaca', 0.02],
  ['lainnya', 0.15],
]
const RECYCLABLE_PRICES: [Material, number][] = [
  ['plastik', 2_500],
  ['kertas_karton', 1_100],
  ['logam', 2_000],
  ['kaca', 500],
]
export const SAMPLE_BUYER = 'Pengepul (data contoh)'

/** A small seeded generator (mulberry32): the same demo every time. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

function dayOfWeek(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay()
}

type SampleFlow = Omit<NewFlow, 'cityId'>

function logsOfOne(
  site: SampleTps3r,
  options: { tpaId: number; firstDate: string; days: number },
): SampleFlow[] {
  const rows: SampleFlow[] = []
  const next = random(site.id * 7919)
  const stock = new Map<Material, number>()
  let unsorted = 0
  let date = options.firstDate
  for (let day = 0; day < options.days; day++, date = nextDate(date)) {
    const weekday = dayOfWeek(date)
    const weekend = weekday === 0 || weekday === 6 ? 1.5 : 1
    const intake = Math.round(site.capacityKgPerDay * 1000 * (0.7 + 0.25 * next()) * weekend)
    const households = Math.round(intake * 0.8)
    const base = { flowDate: date, fromFacilityId: null, toFacilityId: site.id }
    rows.push({
      ...base,
      kind: 'intake',
      material: 'campuran',
      weightGrams: households,
      fromVillageCode: site.villageCode,
      fromSector: 'rumah_tangga',
    })
    rows.push({
      ...base,
      kind: 'intake',
      material: 'campuran',
      weightGrams: intake - households,
      fromVillageCode: site.villageCode,
      fromSector: 'perniagaan',
    })

    const toSort = Math.floor((intake + unsorted) * 0.95)
    unsorted = intake + unsorted - toSort
    let sortedSoFar = 0
    COMPOSITION.forEach(([material, share], index) => {
      // The last share takes the rounding rest, so the sorted parts add up exactly.
      const grams = index === COMPOSITION.length - 1 ? toSort - sortedSoFar : Math.floor(toSort * share)
      sortedSoFar += grams
      rows.push({
        flowDate: date,
        kind: 'sorting',
        material,
        sortedFrom: 'campuran',
        weightGrams: grams,
        fromFacilityId: site.id,
        toFacilityId: site.id,
      })
      stock.set(material, (stock.get(material) ?? 0) + grams)
    })

    const food = stock.get('sisa_makanan') ?? 0
    const composted = Math.floor(food * 0.75)
    rows.push({
      flowDate: date,
      kind: 'outcome',
      material: 'sisa_makanan',
      outcome: 'composted',
      weightGrams: composted,
      fromFacilityId: site.id,
    })
    rows.push({
      flowDate: date,
      kind: 'outcome',
      material: 'sisa_makanan',
      outcome: 'maggot',
      weightGrams: food - composted,
      fromFacilityId: site.id,
    })
    stock.set('sisa_makanan', 0)
    rows.push({
      flowDate: date,
      kind: 'transfer',
      material: 'lainnya',
      weightGrams: stock.get('lainnya') ?? 0,
      fromFacilityId: site.id,
      toFacilityId: options.tpaId,
    })
    stock.set('lainnya', 0)

    if (weekday === 6) {
      for (const [material, pricePerKgRupiah] of RECYCLABLE_PRICES) {
        const grams = stock.get(material) ?? 0
        if (grams === 0) continue
        rows.push({
          flowDate: date,
          kind: 'outcome',
          material,
          outcome: 'recycled_sold',
          weightGrams: grams,
          pricePerKgRupiah,
          revenueRupiah: saleRevenueRupiah({ weightGrams: grams, pricePerKgRupiah }),
          buyerName: SAMPLE_BUYER,
          fromFacilityId: site.id,
        })
        stock.set(material, 0)
      }
    }
  }
  return rows.filter((row) => row.weightGrams > 0)
}

/** Every TPS3R's log for the `days` days that end on `lastDate`. */
export function generateSampleLogs(options: {
  sites: SampleTps3r[]
  tpaId: number
  lastDate: string
  days: number
}): SampleFlow[] {
  const first = new Date(Date.parse(`${options.lastDate}T00:00:00Z`) - (options.days - 1) * 86_400_000)
    .toISOString()
    .slice(0, 10)
  return options.sites.flatMap((site) =>
    logsOfOne(site, { tpaId: options.tpaId, firstDate: first, days: options.days }),
  )
}
