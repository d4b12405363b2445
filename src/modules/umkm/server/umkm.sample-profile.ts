/** A city's own product line in the showcase: what the sample generator starts a city with. */
export interface SampleProduct {
  kbliCode: string
  /** The product, as the business name starts. */
  label: string
  products: string
}

export type Sector = 'pertanian' | 'perdagangan' | 'industri' | 'transport' | 'jasa' | 'lainnya'

/** One line of business in a city's mix. */
export interface SampleLine {
  /** A KBLI 2020 kelompok (5 digits). */
  kbliCode: string
  sector: Sector
  /** Weight in the city's mix: per cent of its businesses, read against the profile's total. */
  share: number
  /** How a business name starts: `Warung`, `Laundry`, `Keripik Apel`. */
  labels: readonly string[]
  products: readonly string[]
  /** `kegiatan_utama`, in the owner's words. */
  mainActivity: string
  /** Annual sales of a micro business in this line, in juta: the usual low and high. */
  salesJuta: readonly [low: number, high: number]
  /** Share of owners who are women. */
  women: number
  /** Desa/kelurahan known for this line; most of its businesses are placed there. */
  villages?: readonly string[]
  /** A cart, an ojek, a barber's chair: always micro. */
  isAlwaysMicro?: boolean
}

export interface CityProfile {
  showcase: SampleProduct[]
  /** Showcase businesses before the mix: the demo's story (programme, e2e) is told with these. */
  showcaseCount: number
  lines: readonly SampleLine[]
  women: readonly string[]
  men: readonly string[]
  /** Second names, by the owner's sex. */
  womenFamily: readonly string[]
  menFamily: readonly string[]
  /** How a business is named after its owner: `Bu Sri`, `Pak Joko`. */
  honorific: { P: readonly string[]; L: readonly string[] }
  brands: readonly string[]
}

/** Shop names people give a business after a wish, in both cities. */
export const BRANDS = [
  'Makmur',
  'Sejahtera',
  'Barokah',
  'Mandiri',
  'Lestari',
  'Jaya',
  'Berkah',
  'Sentosa',
  'Abadi',
  'Rejeki',
  'Sumber Rejeki',
  'Maju',
  'Sehati',
  'Amanah',
  'Sakinah',
  'Putra',
  'Putri',
  'Indah',
  'Mulia',
  'Sari',
  'Karya',
  'Barokah Jaya',
  'Tiga Putri',
  'Dua Saudara',
  'Mekar',
  'Harapan',
  'Bintang',
  'Cahaya',
  'Subur',
  'Lancar',
]
