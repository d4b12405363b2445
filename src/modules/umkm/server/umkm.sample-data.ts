import type { Scale } from '../domain/scale.ts'
import { type SampleLicence, sampleLicences } from './licences.sample-data.ts'
import { BATU_PRODUCTS, BATU_PROFILE } from './umkm.sample-batu.ts'
import { type SampleClosure, sampleClosureOf } from './umkm.sample-closures.ts'
import { figuresOf, JUTA, licencesOf, type SampleFigures } from './umkm.sample-figures.ts'
import { PALOPO_PRODUCTS, PALOPO_PROFILE } from './umkm.sample-palopo.ts'
import type { CityProfile, SampleLine, SampleProduct } from './umkm.sample-profile.ts'
import { between, type Next, pickFrom, random, weighted } from './umkm.sample-random.ts'

export type { CityProfile, SampleFigures, SampleLine, SampleProduct }
// The city profiles live beside this file, one per city; they are re-exported for the callers.
export { BATU_PRODUCTS, BATU_PROFILE, PALOPO_PRODUCTS, PALOPO_PROFILE }

/**
 * Sample businesses for the demo and the benchmark, labelled `is_sample_data`. Two generators, both
 * deterministic (the same seed gives the same rows, byte for byte):
 *
 * - `generateSampleBusinesses`: the showcase, a few dozen businesses of each city's own product
 *   lines (Batu: keripik, sari and jenang apel, batik, tempe; Palopo: sagu, kakao, abon tuna), most
 *   micro, one in five crossing Rp2 miliar of sales between the 2023 and the 2025 record so that
 *   naik kelas shows up, one in three with an NIB. The demo story (the sample programme, the e2e
 *   specs) is told with these.
 * - `generateCityBusinesses`: the showcase followed by the city at its real scale (Batu: about
 *   23,000 UMKM), drawn from a mix of lines (`BATU_PROFILE`, `PALOPO_PROFILE`).
 *
 * Sourced (research notes, umkm_tourism.md §6): Batu's count (23,544 UMKM in 2018; 23,296 in
 * 2022) and its 2018 split — 90.9 % mikro (21,396), 8.4 % kecil (1,980), the rest menengah;
 * pertanian 41.6 %, perdagangan/hotel/restoran 40.1 %, industri pengolahan 4.4 %, transport 4.3 %,
 * jasa 8.5 % — which the generator reproduces; naik kelas 420–675 a year (so about 1 micro business
 * in 25 crosses into kecil between the 2023 and the 2025 record); Palopo's count (15,759 in 2024)
 * and both cities' products; the villages known for a product (tempe in Beji, flowers in
 * Sidomulyo, strawberries in Pandanrejo), where most of that line is placed. Every KBLI code is a
 * KBLI 2020 kelompok, checked against a published KBLI 2020 list (see docs/umkm.md).
 *
 * Made up, by the rules below: the split of a sector among its lines, Palopo's whole mix (no
 * breakdown was found), names, owners, NIK and phone numbers (fake, in the right shape), which
 * businesses have an NIB (about a third: 30 % of micro, 75 % of kecil, all menengah; all
 * distinct), the figures (sales by line, capital, assets, workers), the SIDT fields (owner's sex,
 * birth date and education, RT/RW, legal form — Perorangan for almost every micro business —,
 * start year and month, main activity), the licences (P-IRT, halal) and the closures (about 2.5 %,
 * umkm.sample-closures.ts).
 */

export type OwnerSex = 'L' | 'P'

/** The SIDT fields the registry keeps beside the business's own (see umkm.tables.ts). */
export interface SampleSidtFields {
  ownerSex: OwnerSex
  ownerHasDisability: boolean
  ownerBirthDate: string
  ownerEducation: string
  ownerRt: string
  ownerRw: string
  mainActivity: string
  legalForm: string
  startedYear: number
  startedMonth: number
  rt: string
  rw: string
}

export interface SampleBusiness extends SampleSidtFields {
  name: string
  kbliCode: string
  products: string
  nib: string | null
  ownerName: string
  ownerNik: string
  ownerPhone: string
  villageCode: string
  ownerVillageCode: string
  selfReportedScale: Scale | null
  workersPaidMale: number
  workersPaidFemale: number
  workersUnpaidMale: number
  workersUnpaidFemale: number
  workersDisabledMale: number
  workersDisabledFemale: number
  figures: SampleFigures[]
}

export interface CitySampleBusiness extends SampleBusiness, SampleClosure {
  licences: SampleLicence[]
}

const GIVEN = ['Sri', 'Siti', 'Budi', 'Agus', 'Dewi', 'Rina', 'Andi', 'Nur', 'Wahyu', 'Yuli', 'Rudi', 'Ani']
const GIVEN_MALE = new Set(['Budi', 'Agus', 'Andi', 'Wahyu', 'Rudi'])
const FAMILY = ['Wahyuni', 'Rahayu', 'Santoso', 'Hidayat', 'Lestari', 'Pratama', 'Saputra', 'Kurniawati']
const BRAND = ['Makmur', 'Sejahtera', 'Barokah', 'Mandiri', 'Lestari', 'Jaya', 'Berkah', 'Sentosa']

const rtRw = (value: number) => String(value).padStart(3, '0')

const EDUCATION = [
  ['SD', 18],
  ['SMP', 22],
  ['SMA/SMK', 42],
  ['D3', 6],
  ['S1', 12],
] as const

/** The owner's SIDT fields: birth date 1958–2003, schooling, RT/RW of home and business. */
function sidtFieldsOf(
  next: Next,
  options: { ownerSex: OwnerSex; mainActivity: string; legalForm: string; startedYear: number },
): SampleSidtFields {
  const rt = between(next, 1, 12)
  const rw = between(next, 1, 8)
  const sameStreet = next() < 0.7
  return {
    ownerSex: options.ownerSex,
    ownerHasDisability: next() < 0.015,
    ownerBirthDate: `${between(next, 1958, 2003)}-${String(between(next, 1, 12)).padStart(2, '0')}-${String(between(next, 1, 28)).padStart(2, '0')}`,
    ownerEducation: weighted(next, EDUCATION, ([, weight]) => weight)[0],
    ownerRt: rtRw(sameStreet ? rt : between(next, 1, 12)),
    ownerRw: rtRw(sameStreet ? rw : between(next, 1, 8)),
    mainActivity: options.mainActivity,
    legalForm: options.legalForm,
    startedYear: options.startedYear,
    startedMonth: between(next, 1, 12),
    rt: rtRw(rt),
    rw: rtRw(rw),
  }
}

/** NIK: province and city, kecamatan, birth date (day + 40 for a woman), a serial. */
function nikOf(options: {
  cityDigits: string
  villageCode: string
  birthDate: string
  sex: OwnerSex
  serial: number
}) {
  const [year, month, day] = options.birthDate.split('-')
  const dd = String(Number(day) + (options.sex === 'P' ? 40 : 0)).padStart(2, '0')
  return `${options.cityDigits}${options.villageCode.slice(6, 8)}${dd}${month}${year!.slice(2)}${String(options.serial % 10_000).padStart(4, '0')}`
}

export function generateSampleBusinesses(options: {
  /** Two-digit province and city, e.g. `3579`: the start of every NIK and the NIB serials. */
  cityDigits: string
  villageCodes: string[]
  products: SampleProduct[]
  count: number
  seed: number
}): SampleBusiness[] {
  const next = random(options.seed)
  // The SIDT fields come from a second stream, so the names and figures are those of the first demo.
  const nextSidt = random(options.seed ^ 0x51d7)
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!
  return Array.from({ length: options.count }, (_, index) => {
    const product = options.products[index % options.products.length]!
    const given = pick(GIVEN)
    const owner = `${given} ${pick(FAMILY)}`
    const serial = String(index + 1).padStart(4, '0')
    const villageCode = options.villageCodes[index % options.villageCodes.length]!
    // One in four lives in another desa of the city than where the business is.
    const ownerVillageCode =
      index % 4 === 0 ? options.villageCodes[(index + 3) % options.villageCodes.length]! : villageCode
    // Every fifth business crosses Rp2 miliar of sales between 2023 and 2025: naik kelas.
    const growing = index % 5 === 2
    const sales2023 = Math.round((120 + next() * 1_500) * JUTA)
    const sales2025 = growing
      ? 2_000 * JUTA + Math.round((1 + next() * 900) * JUTA)
      : Math.round(sales2023 * 1.15)
    const capital = Math.round((10 + next() * 400) * JUTA)
    const workers = 1 + Math.floor(next() * (growing ? 12 : 5))
    return {
      name: `${product.label} ${pick(BRAND)} ${serial}`,
      kbliCode: product.kbliCode,
      products: product.products,
      nib:
        index % 3 === 0
          ? `${options.cityDigits}${serial}${String(index * 7919).padStart(5, '0')}`.slice(0, 13)
          : null,
      ownerName: owner,
      ownerNik: `${options.cityDigits}01${String(100_000 + ((index * 7_283) % 900_000)).padStart(6, '0')}${serial}`,
      ownerPhone: `0812${String(10_000_000 + ((index * 48_271) % 89_999_999)).padStart(8, '0')}`,
      villageCode,
      ownerVillageCode,
      selfReportedScale: index % 2 === 0 ? 'mikro' : null,
      workersPaidMale: Math.floor(workers / 2),
      workersPaidFemale: workers - Math.floor(workers / 2),
      workersUnpaidMale: index % 2,
      workersUnpaidFemale: 1,
      workersDisabledMale: index % 9 === 0 ? 1 : 0,
      workersDisabledFemale: 0,
      ...sidtFieldsOf(nextSidt, {
        ownerSex: GIVEN_MALE.has(given) ? 'L' : 'P',
        mainActivity: `Memproduksi dan menjual ${product.products.split(',')[0]!.toLowerCase()}`,
        legalForm: 'Perorangan',
        startedYear: 2010 + (index % 13),
      }),
      figures: [
        {
          asOf: '2023-12-31',
          capitalRupiah: capital,
          annualSalesRupiah: sales2023,
          assetsRupiah: Math.round(capital * 0.8),
          workers,
        },
        {
          asOf: '2025-12-31',
          capitalRupiah: growing ? capital * 2 : capital,
          annualSalesRupiah: sales2025,
          assetsRupiah: Math.round(capital * (growing ? 1.6 : 0.9)),
          workers: growing ? workers + 3 : workers,
        },
      ],
    }
  })
}

// --- The city at scale -------------------------------------------------------------------------

// Batu 2018 (research notes §6): 21,396 mikro and 1,980 kecil of 23,544, the rest menengah. Read
// here as the classes of the latest figures record.
const SHARE_MICRO = 21_396 / 23_544
const SHARE_SMALL = 1_980 / 23_544
// Naik kelas 420–675 a year of ~21,000 micro businesses: about 1 in 25 over 2024–2025. Half of the
// small businesses with a 2023 record were micro then gives about that many.
const SHARE_OF_SMALL_GROWN = 0.5

const PHONE_PREFIXES = [
  '12',
  '13',
  '21',
  '22',
  '52',
  '53',
  '57',
  '77',
  '78',
  '81',
  '82',
  '85',
  '87',
  '95',
  '96',
]

/**
 * The city at scale: the profile's showcase (its first `showcaseCount` rows, exactly as
 * `generateSampleBusinesses` makes them, with their licences from `sampleLicences`), then
 * businesses drawn from the profile's mix until there are `count`.
 */
export function generateCityBusinesses(options: {
  /** Two-digit province and city, e.g. `3579`. */
  cityDigits: string
  cityName: string
  villages: { code: string; name: string }[]
  profile: CityProfile
  count: number
  seed: number
}): CitySampleBusiness[] {
  const { cityDigits, cityName, villages, profile } = options
  const villageCodes = villages.map((village) => village.code)
  const showcase = generateSampleBusinesses({
    cityDigits,
    villageCodes,
    products: profile.showcase,
    count: Math.min(options.count, profile.showcaseCount),
    seed: options.seed,
  }).map((sample, index) => ({
    ...sample,
    ...sampleClosureOf({ ...sample, seed: options.seed, index, isShowcase: true }),
    licences: sampleLicences({ ...sample, index, cityName }),
  }))

  const next = random(options.seed ^ 0x2300)
  // Not every desa is as busy: a weight of 0.5–1.5 each.
  const villageWeights = new Map(villages.map((village) => [village.code, 0.5 + next()]))
  const anyVillage = () => weighted(next, villages, (village) => villageWeights.get(village.code)!)
  const clusters = new Map(
    profile.lines.map((line) => [line, villages.filter((village) => line.villages?.includes(village.name))]),
  )
  const pickVillage = (line: SampleLine) => {
    const cluster = clusters.get(line)!
    return cluster.length > 0 && next() < 0.6 ? pickFrom(next, cluster) : anyVillage()
  }
  // Lines that are always micro leave their share of kecil and menengah to the others.
  const total = profile.lines.reduce((sum, line) => sum + line.share, 0)
  const canGrow = profile.lines.reduce((sum, line) => sum + (line.isAlwaysMicro ? 0 : line.share), 0)
  const shareSmall = (SHARE_SMALL * total) / canGrow
  const shareMedium = ((1 - SHARE_MICRO - SHARE_SMALL) * total) / canGrow
  const mix = Array.from({ length: Math.max(0, options.count - showcase.length) }, (_, offset) => {
    const index = showcase.length + offset
    const line = weighted(next, profile.lines, (candidate) => candidate.share)
    const roll = line.isAlwaysMicro ? 0 : next()
    const scale: Scale =
      roll < 1 - shareSmall - shareMedium ? 'mikro' : roll < 1 - shareMedium ? 'kecil' : 'menengah'
    const ownerSex: OwnerSex = next() < line.women ? 'P' : 'L'
    const given = pickFrom(next, ownerSex === 'P' ? profile.women : profile.men)
    const ownerName = `${given} ${pickFrom(next, ownerSex === 'P' ? profile.womenFamily : profile.menFamily)}`
    const label = pickFrom(next, line.labels)
    const village = pickVillage(line)
    const naming = next()
    // After the owner (`Warung Bu Sri`), a brand (`Laundry Berkah`), a brand and the desa
    // (`Toko Makmur Beji`), or the owner's name alone (`Salon Ratna`).
    const name =
      naming < 0.35
        ? `${label} ${pickFrom(next, profile.honorific[ownerSex])} ${given}`
        : naming < 0.7
          ? `${label} ${pickFrom(next, profile.brands)}`
          : naming < 0.9
            ? `${label} ${pickFrom(next, profile.brands)} ${village.name}`
            : `${label} ${given}`
    const villageCode = village.code
    const ownerVillageCode = next() < 0.8 ? villageCode : anyVillage().code
    // Most registered businesses are young: start years skew towards the last few.
    const startedYear = 2025 - Math.floor(30 * next() ** 1.6)
    const hasOnlyLatest = startedYear >= 2024
    const isGrowing = scale === 'kecil' && !hasOnlyLatest && next() < SHARE_OF_SMALL_GROWN
    const figures = figuresOf(next, { line, scale, isGrowing, hasOnlyLatest })
    const hasNib = next() < (scale === 'mikro' ? 0.3 : scale === 'kecil' ? 0.75 : 1)
    // 7919 is prime to 10^8, so index → serial is one-to-one: every NIB distinct. The fifth digit
    // is 9, which no showcase NIB has (theirs carry a serial from 0001).
    const nib = hasNib
      ? `${cityDigits}9${String((index * 7_919 + 104_729) % 100_000_000).padStart(8, '0')}`
      : null
    const legalForm =
      scale === 'mikro'
        ? next() < 0.99
          ? 'Perorangan'
          : 'CV'
        : pickFrom(
            next,
            scale === 'kecil' ? ['Perorangan', 'Perorangan', 'CV', 'PT Perorangan'] : ['CV', 'PT'],
          )
    const sidt = sidtFieldsOf(next, { ownerSex, mainActivity: line.mainActivity, legalForm, startedYear })
    const workers = figures[figures.length - 1]!.workers
    const unpaid = scale === 'mikro' ? Math.min(workers, between(next, 0, 2)) : between(next, 0, 1)
    const paid = workers - unpaid
    const paidWomen = Math.round(paid * line.women)
    const unpaidWomen = Math.round(unpaid * (1 - line.women))
    const reported = next()
    const business: CitySampleBusiness = {
      name,
      kbliCode: line.kbliCode,
      products: pickFrom(next, line.products),
      nib,
      ownerName,
      ownerNik: nikOf({
        cityDigits,
        villageCode: ownerVillageCode,
        birthDate: sidt.ownerBirthDate,
        sex: ownerSex,
        serial: index,
      }),
      ownerPhone: `08${pickFrom(next, PHONE_PREFIXES)}${String(between(next, 0, 99_999_999)).padStart(8, '0')}`,
      villageCode,
      ownerVillageCode,
      // Fewer than half say what they are; a few small ones still call themselves mikro.
      selfReportedScale: reported < 0.4 ? scale : reported < 0.45 ? 'mikro' : null,
      workersPaidMale: paid - paidWomen,
      workersPaidFemale: paidWomen,
      workersUnpaidMale: unpaid - unpaidWomen,
      workersUnpaidFemale: unpaidWomen,
      workersDisabledMale: next() < 0.015 ? 1 : 0,
      workersDisabledFemale: next() < 0.01 ? 1 : 0,
      ...sidt,
      ...sampleClosureOf({ ...sidt, seed: options.seed, index, isShowcase: false }),
      figures,
      licences: [],
    }
    business.licences = licencesOf(next, {
      index,
      kbliCode: line.kbliCode,
      nib,
      startedYear,
      cityDigits,
      cityName,
    })
    return business
  })
  return [...showcase, ...mix]
}
