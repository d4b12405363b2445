import type { Scale } from '../domain/scale.ts'

/**
 * Sample businesses for the demo, labelled `is_sample_data`. What is sourced (research notes,
 * umkm_tourism.md §6): Batu's processed apple products (keripik, sari and jenang apel), batik and
 * ecoprint, tempe from Beji; Palopo's sago (dry sago flour, kapurung), cocoa powder and abon tuna.
 * The KBLI 2020 codes are the kelompok for each product. Everything else is made up by the rules
 * below, deterministically, so two runs give the same demo: names, owners, NIK and phone numbers
 * (fake, in the right shape), which businesses have an NIB (about a third, all distinct), and the
 * figures — most businesses micro, a few with sales that cross Rp2 miliar between the 2023 and the
 * 2025 record so that naik kelas shows up. This is a few dozen rows; the ~23,000-business generator
 * for Batu's real scale is a later piece of work.
 */
export interface SampleProduct {
  kbliCode: string
  /** The product, as the business name starts. */
  label: string
  products: string
}

export interface SampleFigures {
  asOf: string
  capitalRupiah: number
  annualSalesRupiah: number
  assetsRupiah: number
  workers: number
}

export interface SampleBusiness {
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

export const BATU_PRODUCTS: SampleProduct[] = [
  { kbliCode: '10794', label: 'Keripik Apel', products: 'Keripik apel manalagi, keripik nangka' },
  { kbliCode: '10330', label: 'Sari Apel', products: 'Sari apel dalam gelas dan botol' },
  { kbliCode: '10796', label: 'Jenang Apel', products: 'Jenang (dodol) apel, jenang strawberry' },
  { kbliCode: '13134', label: 'Batik', products: 'Batik tulis motif apel, ecoprint' },
  { kbliCode: '10391', label: 'Tempe', products: 'Tempe kedelai, keripik tempe' },
]

export const PALOPO_PRODUCTS: SampleProduct[] = [
  { kbliCode: '10622', label: 'Sagu', products: 'Tepung sagu kering, kapurung instan' },
  { kbliCode: '10731', label: 'Kakao', products: 'Bubuk kakao, cokelat batangan' },
  { kbliCode: '10219', label: 'Abon Tuna', products: 'Abon ikan tuna, bagea' },
]

const GIVEN = ['Sri', 'Siti', 'Budi', 'Agus', 'Dewi', 'Rina', 'Andi', 'Nur', 'Wahyu', 'Yuli', 'Rudi', 'Ani']
const FAMILY = ['Wahyuni', 'Rahayu', 'Santoso', 'Hidayat', 'Lestari', 'Pratama', 'Saputra', 'Kurniawati']
const BRAND = ['Makmur', 'Sejahtera', 'Barokah', 'Mandiri', 'Lestari', 'Jaya', 'Berkah', 'Sentosa']

const JUTA = 1_000_000

/** A small linear congruential generator: the same seed, the same demo. */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0
    return state / 2 ** 32
  }
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
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!
  return Array.from({ length: options.count }, (_, index) => {
    const product = options.products[index % options.products.length]!
    const owner = `${pick(GIVEN)} ${pick(FAMILY)}`
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
