import { describe, expect, it } from 'vitest'
import { checkKbliCode, isValidNib } from '../domain/identifiers.ts'
import { deriveScale, detectNaikKelas, scaleHistory } from '../domain/scale.ts'
import { BATU_PRODUCTS, generateSampleBusinesses } from './umkm.sample-data.ts'

describe('sample businesses', () => {
  const generate = () =>
    generateSampleBusinesses({
      cityDigits: '3579',
      villageCodes: ['35.79.01.2006', '35.79.02.2001', '35.79.03.1001'],
      products: BATU_PRODUCTS,
      count: 40,
      seed: 3579,
    })

  it('are the same every run, with valid and distinct identifiers', () => {
    const businesses = generate()
    expect(businesses).toEqual(generate())
    const nibs = businesses.flatMap((b) => (b.nib ? [b.nib] : []))
    expect(nibs.length).toBeGreaterThan(10)
    expect(nibs.every(isValidNib)).toBe(true)
    expect(new Set(nibs).size).toBe(nibs.length)
    expect(new Set(businesses.map((b) => b.name)).size).toBe(businesses.length)
    expect(businesses.every((b) => checkKbliCode(b.kbliCode).ok && /^\d{16}$/.test(b.ownerNik))).toBe(true)
  })

  it('are mostly micro, and some move up to small between 2023 and 2025', () => {
    const businesses = generate()
    const records = (b: (typeof businesses)[number]) => b.figures.map((f, i) => ({ id: String(i), ...f }))
    const micro2023 = businesses.filter(
      (b) => deriveScale('pp7_2021_sales', records(b)[0]!)?.scale === 'mikro',
    )
    expect(micro2023).toHaveLength(businesses.length)
    const moved = businesses.filter(
      (b) => detectNaikKelas(scaleHistory('pp7_2021_sales', records(b))).length > 0,
    )
    expect(moved).toHaveLength(8)
  })
})
