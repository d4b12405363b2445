import { describe, expect, it } from 'vitest'
import { formatMemberNumber, isAcceptablePin, parseMemberNumber } from './member.ts'

describe('member number', () => {
  it('round-trips, padded to six digits', () => {
    expect(formatMemberNumber(42)).toBe('NS-000042')
    expect(parseMemberNumber('NS-000042')).toBe(42)
    expect(parseMemberNumber(formatMemberNumber(1_234_567))).toBe(1_234_567)
  })

  it('accepts what a person types: lower case and spaces around it', () => {
    expect(parseMemberNumber(' ns-000042 ')).toBe(42)
  })

  it('refuses anything else, and zero', () => {
    for (const text of ['NS-42', 'NS-0000420000', '000042', 'NS-00004a', 'NS-000000', ''])
      expect(parseMemberNumber(text), text).toBeNull()
  })
})

describe('PIN', () => {
  it('is six digits', () => {
    expect(isAcceptablePin('270419')).toBe(true)
    expect(isAcceptablePin('27041')).toBe(false)
    expect(isAcceptablePin('2704190')).toBe(false)
    expect(isAcceptablePin('27O419')).toBe(false)
  })

  it('refuses the PINs an onlooker tries first', () => {
    for (const pin of ['000000', '111111', '123456', '654321']) expect(isAcceptablePin(pin), pin).toBe(false)
  })
})
