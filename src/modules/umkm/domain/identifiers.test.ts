import { describe, expect, it } from 'vitest'
import {
  checkKbliCode,
  isValidNib,
  KBLI_2020,
  kbliCategoryOf,
  kbliErrorCode,
  normaliseNib,
} from './identifiers.ts'

describe('NIB', () => {
  it('is exactly 13 digits, leading zeros allowed', () => {
    expect(isValidNib('9120001234567')).toBe(true)
    expect(isValidNib('0000000000001')).toBe(true)
    expect(isValidNib('912000123456')).toBe(false)
    expect(isValidNib('91200012345678')).toBe(false)
    expect(isValidNib('912000123456A')).toBe(false)
    expect(isValidNib('')).toBe(false)
  })

  it('drops the separators people type, nothing else', () => {
    expect(normaliseNib('9120 0012-3456.7')).toBe('9120001234567')
    expect(normaliseNib('91200O1234567')).toBe('91200O1234567')
  })
})

describe('KBLI 2020', () => {
  it('has 21 categories A–U and 88 divisions, each division in one category', () => {
    expect(KBLI_2020.version).toBe('KBLI2020')
    expect(KBLI_2020.categories.map((c) => c.letter).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU')
    const divisions = KBLI_2020.categories.flatMap((c) => c.divisions)
    expect(divisions).toHaveLength(88)
    expect(new Set(divisions).size).toBe(88)
  })

  it('gives the category of a code from its first two digits', () => {
    expect(checkKbliCode('01240')).toEqual({
      ok: true,
      code: '01240',
      version: 'KBLI2020',
      category: 'A',
      division: '01',
    })
    expect(kbliCategoryOf('10391')).toBe('C') // Industri tempe kedelai
    expect(kbliCategoryOf('13134')).toBe('C') // Industri batik
    expect(kbliCategoryOf('47111')).toBe('G')
    expect(kbliCategoryOf('56101')).toBe('I')
    expect(kbliCategoryOf('93210')).toBe('R')
    expect(kbliCategoryOf('99000')).toBe('U')
  })

  it('refuses a code of another shape, and a division that does not exist', () => {
    expect(checkKbliCode('1039')).toEqual({ ok: false, problem: 'kbli_format' })
    expect(checkKbliCode('103910')).toEqual({ ok: false, problem: 'kbli_format' })
    expect(checkKbliCode('1039A')).toEqual({ ok: false, problem: 'kbli_format' })
    for (const code of [
      '00111',
      '04100',
      '34000',
      '40000',
      '44000',
      '48000',
      '54000',
      '57000',
      '67000',
      '76000',
      '83000',
      '89000',
    ]) {
      expect(checkKbliCode(code), code).toEqual({ ok: false, problem: 'kbli_unknown_division' })
    }
  })

  it("refuses a kelompok missing from the version's loaded table, and only checks the division without one", () => {
    const table = new Set(['10391', '13134'])
    expect(checkKbliCode('10391', KBLI_2020, table)).toMatchObject({ ok: true, category: 'C' })
    expect(checkKbliCode('10999', KBLI_2020, table)).toEqual({ ok: false, problem: 'kbli_unknown_kelompok' })
    // The division is checked first: a code under no golongan pokok says so, table or not.
    expect(checkKbliCode('04000', KBLI_2020, table)).toEqual({ ok: false, problem: 'kbli_unknown_division' })
    expect(checkKbliCode('10999', KBLI_2020, null)).toMatchObject({ ok: true })
    expect(kbliErrorCode('kbli_unknown_kelompok')).toBe('umkm.kbli_not_in_table')
  })
})
