import { addDays, daysBetween } from '../domain/licences.ts'
import type { Scale } from '../domain/scale.ts'
import type { SampleLicence } from './licences.sample-data.ts'
import type { SampleLine } from './umkm.sample-profile.ts'
import { between, type Next, skewedBetween } from './umkm.sample-random.ts'

/*
 * A generated business's dated figures (capital, sales, assets, workers) inside its scale's
 * PP 7/2021 bounds, and its licences (NIB, P-IRT, halal): see generateCityBusinesses.
 */

export const JUTA = 1_000_000

export interface SampleFigures {
  asOf: string
  capitalRupiah: number
  annualSalesRupiah: number
  assetsRupiah: number
  workers: number
}

// PP 7/2021 Pasal 35 ayat (5) bounds, in juta, with room so a figure never sits on a bound by accident.
const MICRO_MAX_JUTA = 1_990
const SMALL_JUTA = [2_050, 12_000] as const
const MEDIUM_JUTA = [15_500, 45_000] as const

const wholeThousands = (juta: number) => Math.round((juta * JUTA) / 1_000) * 1_000

export function figuresOf(
  next: Next,
  options: { line: SampleLine; scale: Scale; isGrowing: boolean; hasOnlyLatest: boolean },
): SampleFigures[] {
  const { line, scale, isGrowing } = options
  let sales2023: number
  let sales2025: number
  if (isGrowing) {
    sales2023 = 1_300 + next() * (MICRO_MAX_JUTA - 1_300)
    sales2025 = SMALL_JUTA[0] + next() * 1_200
  } else {
    sales2023 =
      scale === 'mikro'
        ? Math.min(MICRO_MAX_JUTA, skewedBetween(next, line.salesJuta[0], line.salesJuta[1]))
        : scale === 'kecil'
          ? skewedBetween(next, SMALL_JUTA[0], SMALL_JUTA[1], 1.3)
          : skewedBetween(next, MEDIUM_JUTA[0], MEDIUM_JUTA[1], 1.3)
    const growth = 0.9 + next() * 0.3
    // Each class keeps its class without naik kelas: growth stops short of the next bound.
    const ceiling = scale === 'mikro' ? MICRO_MAX_JUTA : scale === 'kecil' ? 14_500 : 48_000
    const floor = scale === 'mikro' ? 1 : scale === 'kecil' ? SMALL_JUTA[0] : MEDIUM_JUTA[0]
    sales2025 = Math.max(floor, Math.min(ceiling, sales2023 * growth))
  }
  const capitalShare = 0.15 + next() * 0.45
  const capital = (sales: number) =>
    scale === 'mikro' ? Math.min(900, sales * capitalShare) : sales * capitalShare * 0.6
  const assetsShare = 0.6 + next() * 0.6
  const workers =
    scale === 'mikro' ? between(next, 1, 4) : scale === 'kecil' ? between(next, 5, 19) : between(next, 20, 99)
  const record = (asOf: string, sales: number, workerCount: number): SampleFigures => ({
    asOf,
    capitalRupiah: wholeThousands(capital(sales)),
    annualSalesRupiah: wholeThousands(sales),
    assetsRupiah: wholeThousands(capital(sales) * assetsShare),
    workers: workerCount,
  })
  const latest = record('2025-12-31', sales2025, isGrowing ? workers + between(next, 1, 4) : workers)
  return options.hasOnlyLatest ? [latest] : [record('2023-12-31', sales2023, workers), latest]
}

export function licencesOf(
  next: Next,
  options: {
    index: number
    kbliCode: string
    nib: string | null
    startedYear: number
    cityDigits: string
    cityName: string
  },
): SampleLicence[] {
  const { index, kbliCode, nib, cityDigits, cityName } = options
  const dateFrom = (earliest: string, latest: string) =>
    addDays(earliest, Math.floor(next() * daysBetween(earliest, latest)))
  const licences: SampleLicence[] = []
  // OSS-RBA issues NIBs since August 2021 (PP 5/2021); a business older than that got it later.
  const startedOn = `${Math.max(2021, options.startedYear)}-08-01`
  if (nib) {
    licences.push({
      kind: 'nib',
      number: nib,
      issuer: 'OSS-RBA (Kementerian Investasi/BKPM)',
      issuedOn: dateFrom(startedOn, '2025-12-31'),
      expiresOn: null,
    })
  }
  const makesFood = kbliCode.startsWith('10') || kbliCode.startsWith('11')
  if (makesFood && next() < 0.45) {
    const issuedOn = dateFrom(startedOn < '2021-06-01' ? '2021-06-01' : startedOn, '2025-12-31')
    // SPP-IRT: 5 years (PerBPOM 22/2018); kemasan, jenis pangan, city, product, IRTP, expiry year.
    const expiresOn = addDays(issuedOn, 5 * 365 + 1)
    licences.push({
      kind: 'pirt',
      number: `${between(next, 1, 8)}${String(between(next, 1, 16)).padStart(2, '0')}${cityDigits}${String(between(next, 1, 9)).padStart(2, '0')}${String(index % 10_000).padStart(4, '0')}-${expiresOn.slice(2, 4)}`,
      issuer: `Dinas Kesehatan ${cityName}`,
      issuedOn,
      expiresOn,
    })
  }
  if ((makesFood || kbliCode.startsWith('56')) && next() < 0.2) {
    licences.push({
      kind: 'halal',
      number: `ID${cityDigits}110${String(10_000_000 + index).padStart(10, '0')}`,
      issuer: 'BPJPH Kementerian Agama',
      // Self-declare certification for UMK ran from 2023 (PP 39/2021, SEHATI quota).
      issuedOn: dateFrom('2023-01-02', '2025-12-31'),
      expiresOn: null,
    })
  }
  return licences
}
