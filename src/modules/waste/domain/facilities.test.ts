import { describe, expect, it } from 'vitest'
import { checkFacilityRules, tonnesPerDayToKg } from './facilities.ts'

describe('facility rules', () => {
  it('requires the operating system of a TPA, and refuses one on anything else', () => {
    expect(checkFacilityRules({ kind: 'tpa' })).toEqual([
      { field: 'landfillSystem', code: 'facility.landfill_system_required' },
    ])
    expect(checkFacilityRules({ kind: 'tpa', landfillSystem: 'controlled_landfill' })).toEqual([])
    expect(checkFacilityRules({ kind: 'tps3r', landfillSystem: 'open_dumping' })[0]?.code).toBe(
      'facility.landfill_system_only_tpa',
    )
  })

  it('lets only a bank sampah unit have a parent, and only an induk', () => {
    expect(checkFacilityRules({ kind: 'bank_sampah_unit', parentKind: 'bank_sampah_induk' })).toEqual([])
    expect(checkFacilityRules({ kind: 'bank_sampah_unit', parentKind: 'tps3r' })[0]?.code).toBe(
      'facility.parent_invalid',
    )
    expect(checkFacilityRules({ kind: 'tps3r', parentKind: 'bank_sampah_induk' })[0]?.code).toBe(
      'facility.parent_invalid',
    )
  })

  it('takes coordinates in Indonesia only, and both or neither', () => {
    expect(checkFacilityRules({ kind: 'tps3r', latitude: -7.8712, longitude: 112.5263 })).toEqual([])
    expect(checkFacilityRules({ kind: 'tps3r', latitude: -11.5, longitude: 141.5 })).toEqual([])
    expect(checkFacilityRules({ kind: 'tps3r', latitude: -11.51, longitude: 120 })[0]?.field).toBe('latitude')
    expect(checkFacilityRules({ kind: 'tps3r', latitude: 48.85, longitude: 2.35 })).toHaveLength(2)
    expect(checkFacilityRules({ kind: 'tps3r', latitude: -7.87 })[0]).toEqual({
      field: 'longitude',
      code: 'facility.coordinates_pair',
    })
  })

  it('turns tonnes per day into whole kilograms', () => {
    expect(tonnesPerDayToKg(2.1)).toBe(2100)
    expect(tonnesPerDayToKg(0.0005)).toBe(1)
  })
})
