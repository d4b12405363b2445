import { describe, expect, it } from 'vitest'
import { addDays, checkLicence, daysBetween, licenceStatus, normaliseLicenceNumber } from './licences.ts'

describe('licence rules', () => {
  it('refuses an NIB licence that is not 13 digits, and keeps leading zeros of a good one', () => {
    expect(checkLicence({ kind: 'nib', number: '912000123456' })).toEqual([
      { field: 'number', code: 'umkm.nib_invalid' },
    ])
    expect(checkLicence({ kind: 'nib', number: '0120001234567' })).toEqual([])
    expect(normaliseLicenceNumber('nib', ' 0120001234567 ')).toBe('0120001234567')
  })

  it('takes any other number as printed on the certificate', () => {
    expect(checkLicence({ kind: 'pirt', number: '2063579010001-28' })).toEqual([])
    expect(normaliseLicenceNumber('halal', ' ID35110000123450824 ')).toBe('ID35110000123450824')
  })

  it('refuses an expiry before the issue date, but not on the same day', () => {
    const draft = { kind: 'pirt' as const, number: 'x', issuedOn: '2025-03-10' }
    expect(checkLicence({ ...draft, expiresOn: '2025-03-09' })).toEqual([
      { field: 'expiresOn', code: 'umkm.licence_expiry_before_issue' },
    ])
    expect(checkLicence({ ...draft, expiresOn: '2025-03-10' })).toEqual([])
  })

  it('counts calendar days across a month end and a leap day', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2)
    expect(daysBetween('2026-11-28', '2026-11-27')).toBe(-1)
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
  })

  it('says expiring on the last day of the window, valid the day after, expired the day after expiry', () => {
    const today = '2026-11-28'
    expect(licenceStatus({ expiresOn: addDays(today, 30), today, withinDays: 30 })).toBe('expiring')
    expect(licenceStatus({ expiresOn: addDays(today, 31), today, withinDays: 30 })).toBe('valid')
    expect(licenceStatus({ expiresOn: today, today, withinDays: 30 })).toBe('expiring')
    expect(licenceStatus({ expiresOn: addDays(today, -1), today, withinDays: 30 })).toBe('expired')
    expect(licenceStatus({ expiresOn: null, today, withinDays: 30 })).toBe('no_expiry')
  })
})
