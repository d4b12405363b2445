/**
 * What waste is made of. The nine composition categories are SIPSN's (komposisi); `campuran` is
 * waste not yet sorted, as it arrives at a TPS or a TPS 3R. Finer recyclable sub-types (what a
 * bank sampah or a pengepul prices) each belong to exactly one category.
 */
export const SIPSN_CATEGORIES = [
  'sisa_makanan',
  'kayu_ranting',
  'kertas_karton',
  'plastik',
  'logam',
  'kain',
  'karet_kulit',
  'kaca',
  'lainnya',
] as const
export type SipsnCategory = (typeof SIPSN_CATEGORIES)[number]

export const MATERIALS = ['campuran', ...SIPSN_CATEGORIES] as const
export type Material = (typeof MATERIALS)[number]

export const SUB_MATERIALS = {
  pet: 'plastik',
  hdpe: 'plastik',
  pp: 'plastik',
  ldpe_kresek: 'plastik',
  plastik_campur: 'plastik',
  kardus: 'kertas_karton',
  hvs: 'kertas_karton',
  koran: 'kertas_karton',
  duplek: 'kertas_karton',
  besi: 'logam',
  aluminium: 'logam',
  tembaga: 'logam',
  kaleng: 'logam',
  botol_kaca: 'kaca',
  beling: 'kaca',
  kain_bekas: 'kain',
  karet: 'karet_kulit',
  minyak_jelantah: 'lainnya',
  residu: 'lainnya',
} as const satisfies Record<string, SipsnCategory>
export type SubMaterial = keyof typeof SUB_MATERIALS

export function categoryOfSubMaterial(subMaterial: SubMaterial): SipsnCategory {
  return SUB_MATERIALS[subMaterial]
}

/** Where waste comes from (SIPSN sumber). */
export const SOURCE_SECTORS = [
  'rumah_tangga',
  'perkantoran',
  'pasar',
  'perniagaan',
  'fasilitas_publik',
  'kawasan',
  'lainnya',
] as const
export type SourceSector = (typeof SOURCE_SECTORS)[number]
