import type { PriceRow } from './money.ts'

/**
 * A unit may follow its induk's prices: for every sub-material the unit has no price of its own
 * for (ever), the induk's effective-dated prices apply. Once a unit sets a price for a material,
 * its own list decides that material from then on — the two lists are never mixed by date.
 */

export type PriceSource = 'own' | 'induk'

export function followInduk<T extends PriceRow>(own: T[], induk: T[]): (T & { source: PriceSource })[] {
  const ownMaterials = new Set(own.map((row) => row.subMaterial))
  return [
    ...own.map((row) => ({ ...row, source: 'own' as const })),
    ...induk
      .filter((row) => !ownMaterials.has(row.subMaterial))
      .map((row) => ({ ...row, source: 'induk' as const })),
  ]
}
