import { describe, expect, it } from 'vitest'
import { maskName, maskNik } from './personal-data.ts'

describe('masking personal data', () => {
  it('keeps the first letter of each word', () => {
    expect(maskName('Sri Wahyuningsih')).toBe('S** W*****')
    expect(maskName('  Budi  ')).toBe('B***')
    expect(maskName(null)).toBeNull()
  })

  it('keeps the region code and the last four digits of a NIK', () => {
    expect(maskNik('3579012345678901')).toBe('3579********8901')
    expect(maskNik('1234')).toBe('****')
  })
})
