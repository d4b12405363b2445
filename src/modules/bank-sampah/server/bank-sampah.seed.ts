import { previousDate } from '../../../platform/domain/city-time.ts'
import { cityToday, systemContext } from '../../../platform/server/context.ts'
import type { DemoSeedContext } from '../../../platform/server/module.ts'
import { actingAs, ensureDemoUser } from '../../../platform/server/seed/demo.ts'
import { createFacility, listFacilities, type SubMaterial } from '../../waste/index.ts'
import { createNasabah, setPrice } from './bank-sampah.service.ts'
import { setPin } from './nasabah-access.service.ts'
import { deposit, withdraw } from './savings.service.ts'

/** SAMPLE DATA: the first demo nasabah can try self-service with this PIN (published, like demo passwords). */
export const DEMO_NASABAH_PIN = '246810'

/**
 * SAMPLE DATA. Batu runs one bank sampah induk and about 232 units (research notes); the demo has
 * the induk and one unit in Oro-oro Ombo, with a price list from published bank sampah lists
 * (2021–2025) and three nasabah with a few weeks of deposits. Names are invented.
 */
const PRICES: [SubMaterial, number][] = [
  ['pet', 3_500],
  ['hdpe', 4_000],
  ['kardus', 1_100],
  ['hvs', 1_700],
  ['besi', 2_000],
  ['aluminium', 2_000],
  ['botol_kaca', 500],
  ['minyak_jelantah', 4_000],
]

const NASABAH = [
  { kind: 'person' as const, name: 'Sri Wahyuni (contoh)', rt: '2', rw: '5' },
  { kind: 'household' as const, name: 'Keluarga Pak Harto (contoh)', rt: '3', rw: '5' },
  { kind: 'school' as const, name: 'SD Negeri Oro-oro Ombo (contoh)', rt: '1', rw: '1' },
]

export async function seedBankSampahDemo(seed: DemoSeedContext): Promise<void> {
  const batu = seed.cities.batu!
  const dlh = await actingAs(seed.deps, 'dlh.batu')
  // Already seeded (a resumed seed): nothing to do.
  if (
    (
      await listFacilities(dlh, {
        city: batu,
        cityId: batu.id,
        kind: 'bank_sampah_induk',
        page: 1,
        pageSize: 1,
      })
    ).total > 0
  )
    return
  const induk = await createFacility(dlh, {
    city: batu,
    input: {
      kind: 'bank_sampah_induk',
      name: 'Bank Sampah Induk Kota Batu (contoh)',
      villageCode: '35.79.01.1004',
    },
  })
  const unit = await createFacility(dlh, {
    city: batu,
    input: {
      kind: 'bank_sampah_unit',
      name: 'Bank Sampah Unit Oro-oro Ombo (contoh)',
      villageCode: '35.79.01.2006',
      parentId: induk.publicId,
    },
  })
  await ensureDemoUser(systemContext(seed.deps, 'seed'), {
    username: 'teller.oroombo',
    displayName: 'Petugas Bank Sampah Oro-oro Ombo',
    roles: [{ city: batu, role: 'bank_sampah_teller', scopeKind: 'facility', scopeId: unit.publicId }],
  })
  const teller = await actingAs(seed.deps, 'teller.oroombo')
  const target = { city: batu, bankId: unit.publicId }
  for (const [subMaterial, pricePerKgRupiah] of PRICES) {
    await setPrice(teller, { ...target, subMaterial, pricePerKgRupiah, effectiveFrom: '2026-01-01' })
  }
  // Weekly visits over the last four weeks, the last one today.
  const visitDays = [21, 14, 7, 0].map((daysAgo) => daysBefore(cityToday(seed.deps, batu), daysAgo))
  for (const [index, person] of NASABAH.entries()) {
    const nasabah = await createNasabah(teller, {
      ...target,
      input: { ...person, villageCode: '35.79.01.2006' },
    })
    for (const [visit, day] of visitDays.entries()) {
      await deposit(teller, {
        ...target,
        nasabahId: nasabah.id,
        date: day,
        lines: [
          { subMaterial: 'pet', weightGrams: 1_500 + 250 * index + 100 * visit },
          { subMaterial: 'kardus', weightGrams: 3_000 + 500 * visit },
          ...(index === 2 ? [{ subMaterial: 'hvs' as const, weightGrams: 6_000 }] : []),
        ],
      })
    }
    if (index === 0) await setPin(teller, { ...target, nasabahId: nasabah.id, pin: DEMO_NASABAH_PIN })
    if (index === 0)
      await withdraw(teller, {
        ...target,
        nasabahId: nasabah.id,
        amountRupiah: 10_000,
        method: 'cash',
        note: 'contoh',
      })
  }
}

function daysBefore(date: string, days: number): string {
  let day = date
  for (let step = 0; step < days; step++) day = previousDate(day)
  return day
}
