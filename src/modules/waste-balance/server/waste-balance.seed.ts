import { cityToday } from '../../../platform/server/context.ts'
import type { DemoSeedContext } from '../../../platform/server/module.ts'
import { actingAs } from '../../../platform/server/seed/demo.ts'
import { addManualFlow, listManualFlows } from './manual-flows.service.ts'
import { publishIndicators, putEstimate, putTarget } from './waste-balance.service.ts'

/**
 * SAMPLE DATA for Batu's neraca. Sourced: tourist visits 10.87 million in 2024 (Disparta Batu via
 * suarajatimpost), Batu's own 2025 reduction target of 30 % (DLH Batu, Dec 2025), and DLH's 120–145
 * t/day, which the inputs below land near. Made up, and labelled so: the population (BPS publishes
 * it; the notes found only conflicting figures around 215 000), 0.55 kg/person/day, 10 t/day from
 * non-household sources, 0.5 kg per visit, and the informal sector's 15 t a month. The TPA's
 * incinerators (about 23 t/day, DLH Batu 2023) enter as hand-entered monthly totals.
 */
const SAMPLE = '(angka contoh)'

export async function seedWasteBalanceDemo(seed: DemoSeedContext): Promise<void> {
  const batu = seed.cities.batu!
  const dlh = await actingAs(seed.deps, 'dlh.batu')
  const today = cityToday(dlh, batu)
  const thisYear = Number(today.slice(0, 4))
  if ((await listManualFlows(dlh, { city: batu, period: String(thisYear) })).length > 0) return
  for (const year of [thisYear - 1, thisYear]) {
    await putEstimate(dlh, {
      city: batu,
      year,
      input: {
        population: 215_000,
        populationSource: `BPS Kota Batu, proyeksi penduduk ${SAMPLE}`,
        gramsPerCapitaDay: 550,
        rateSource: `SNI 19-3983-1995 kota sedang, disesuaikan DLH ${SAMPLE}`,
        nonHouseholdGramsPerDay: 10_000_000,
        nonHouseholdSource: `Pasar, perkantoran dan perniagaan, perkiraan DLH ${SAMPLE}`,
        touristVisits: 10_870_000,
        touristVisitsSource: 'Disparta Kota Batu, kunjungan 2024 (suarajatimpost)',
        gramsPerVisit: 500,
      },
    })
  }
  await putTarget(dlh, {
    city: batu,
    year: 2025,
    input: {
      reductionBasisPoints: 3000,
      handlingBasisPoints: 7000,
      decree:
        'Target pengurangan DLH Kota Batu 2025 (jatimtimes, 30 Des 2025); penanganan mengikuti Jakstranas',
    },
  })
  const lastMonth = Number(today.slice(5, 7))
  for (let month = 1; month <= lastMonth; month += 1) {
    const days =
      month === lastMonth ? Number(today.slice(8, 10)) : new Date(Date.UTC(thisYear, month, 0)).getUTCDate()
    await addManualFlow(dlh, {
      city: batu,
      input: {
        month: `${thisYear}-${String(month).padStart(2, '0')}`,
        part: 'burned',
        material: null,
        // 23 t/day burned, less the TPS 3R residue the ledger already counts on arrival at the TPA.
        weightGrams: 21_000_000 * days,
        source: `Insinerator TPA Tlekung, 3 unit ±23 t/hari (DLH Batu via malang-post, 2023), dikurangi residu TPS 3R yang sudah tercatat; rekap bulanan ${SAMPLE}`,
      },
    })
    await addManualFlow(dlh, {
      city: batu,
      input: {
        month: `${thisYear}-${String(month).padStart(2, '0')}`,
        part: 'to_recycler',
        material: 'plastik',
        weightGrams: 15_000_000,
        source: `Sektor informal: 20 pengepul terdaftar, perkiraan DLH ${SAMPLE}`,
      },
    })
  }
  // The year so far in the indicator registry, city-wide and per kecamatan, as DLH would publish it.
  await publishIndicators(dlh, { city: batu, year: thisYear })
}
