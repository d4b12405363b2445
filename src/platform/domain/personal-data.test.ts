import { describe, expect, it } from 'vitest'
import { maskName, maskNik, maskPhone } from './personal-data.ts'

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

  it('keeps the operator prefix and the last four digits of a phone number', () => {
    expect(maskPhone('081234567890')).toBe('0812****7890')
    expect(maskPhone('0812-3456-7890')).toBe('0812****7890')
    expect(maskPhone('+6281234567890')).toBe('+6281*****7890')
    expect(maskPhone('1234567')).toBe('*******')
    expect(maskPhone(null)).toBeNull()
  })
})
