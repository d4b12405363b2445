import { describe, expect, it } from 'vitest'
import { parseCoordinate, parseOptionalWhole, parseWhole } from './parse-number.ts'

describe('parseWhole', () => {
  it('reads thousands dots and an Rp prefix as a clerk types them', () => {
    expect(parseWhole('15000')).toBe(15_000)
    expect(parseWhole('15.000')).toBe(15_000)
    expect(parseWhole(' Rp 1.000.000.000 ')).toBe(1_000_000_000)
    expect(parseWhole('0')).toBe(0)
  })

  it('refuses decimals, misplaced dots, signs and numbers past what is exact', () => {
    expect(parseWhole('12,5')).toBeNull()
    expect(parseWhole('1.50')).toBeNull()
    expect(parseWhole('15.0000')).toBeNull()
    expect(parseWhole('-5')).toBeNull()
    expect(parseWhole('')).toBeNull()
    expect(parseWhole('99999999999999999')).toBeNull()
  })
})

describe('parseOptionalWhole', () => {
  it('keeps an empty field unknown, not zero, and marks what it cannot read', () => {
    expect(parseOptionalWhole('   ')).toBeNull()
    expect(parseOptionalWhole('0')).toBe(0)
    expect(parseOptionalWhole('2.000.000.001')).toBe(2_000_000_001)
    expect(parseOptionalWhole('dua juta')).toBe('invalid')
  })
})

describe('parseCoordinate', () => {
  it('accepts a decimal comma', () => {
    expect(parseCoordinate('-7,8672')).toBe(-7.8672)
    expect(parseCoordinate('112.5239')).toBe(112.5239)
    expect(parseCoordinate(' ')).toBeNull()
  })
})
