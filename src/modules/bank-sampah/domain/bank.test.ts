import { describe, expect, it } from 'vitest'
import { isBankKind } from './bank.ts'

describe('which facilities are banks', () => {
  it('takes a unit and an induk, and no other kind of facility', () => {
    expect(isBankKind('bank_sampah_unit')).toBe(true)
    expect(isBankKind('bank_sampah_induk')).toBe(true)
    for (const kind of ['tps', 'tps3r', 'tpst', 'tpa', 'pengepul']) expect(isBankKind(kind)).toBe(false)
  })
})
