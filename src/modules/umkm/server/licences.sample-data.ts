import type { LicenceKind } from '../domain/licences.ts'
import { addDays } from '../domain/licences.ts'

export interface SampleLicence {
  kind: LicenceKind
  number: string
  issuer: string
  issuedOn: string
  expiresOn: string | null
}

/**
 * Made-up licences for the n-th sample business, deterministic: its NIB as a licence; an SPP-IRT
 * (valid five years, PerBPOM 22/2018) for every second food business, issued a week apart from
 * December 2021 so some fall due in the months after the demo starts; a halal certificate (no
 * expiry while the product does not change, UU 6/2023) for every third.
 */
export function sampleLicences(options: {
  index: number
  kbliCode: string
  nib: string | null
  cityName: string
}): SampleLicence[] {
  const { index, kbliCode, nib, cityName } = options
  const licences: SampleLicence[] = []
  if (nib) {
    licences.push({
      kind: 'nib',
      number: nib,
      issuer: 'OSS-RBA (Kementerian Investasi/BKPM)',
      issuedOn: addDays('2023-03-01', index * 11),
      expiresOn: null,
    })
  }
  const isFood = kbliCode.startsWith('10')
  if (isFood && index % 2 === 0) {
    const issuedOn = addDays('2021-12-01', index * 7)
    licences.push({
      kind: 'pirt',
      number: `20635${String(1000 + index).padStart(8, '0')}-${issuedOn.slice(2, 4)}`,
      issuer: `Dinas Kesehatan ${cityName}`,
      issuedOn,
      expiresOn: addDays(issuedOn, 5 * 365 + 1),
    })
  }
  if (isFood && index % 3 === 0) {
    licences.push({
      kind: 'halal',
      number: `ID3511000${String(12_345 + index * 37).padStart(10, '0')}`,
      issuer: 'BPJPH Kementerian Agama',
      issuedOn: addDays('2024-05-02', index * 5),
      expiresOn: null,
    })
  }
  return licences
}
