import { describe, expect, it } from 'vitest'
import { cityKindOf, isCityCode, slugify, timezoneOfProvince, villageKindOf } from './regions.ts'

describe('timezoneOfProvince', () => {
  it('puts Batu (Jawa Timur) in WIB and Palopo (Sulawesi Selatan) in WITA', () => {
    expect(timezoneOfProvince('35')).toBe('Asia/Jakarta')
    expect(timezoneOfProvince('73')).toBe('Asia/Makassar')
  })

  it('splits Kalimantan: west and central keep WIB, south, east and north keep WITA', () => {
    expect(timezoneOfProvince('61')).toBe('Asia/Jakarta')
    expect(timezoneOfProvince('62')).toBe('Asia/Jakarta')
    expect(timezoneOfProvince('63')).toBe('Asia/Makassar')
    expect(timezoneOfProvince('64')).toBe('Asia/Makassar')
    expect(timezoneOfProvince('65')).toBe('Asia/Makassar')
  })

  it('puts Bali and Nusa Tenggara in WITA, Maluku and every Papua province in WIT', () => {
    for (const code of ['51', '52', '53']) expect(timezoneOfProvince(code)).toBe('Asia/Makassar')
    for (const code of ['81', '82', '91', '92', '94', '95', '96', '97'])
      expect(timezoneOfProvince(code)).toBe('Asia/Jayapura')
  })
})

describe('villageKindOf', () => {
  it('reads kelurahan from serials 1001–1999 and desa from 2001–2999', () => {
    expect(villageKindOf('35.79.01.1001')).toBe('kelurahan')
    expect(villageKindOf('35.79.01.1999')).toBe('kelurahan')
    expect(villageKindOf('35.79.01.2001')).toBe('desa')
  })
})

describe('city names and codes', () => {
  it('tells kota from kabupaten', () => {
    expect(cityKindOf('Kota Batu')).toBe('kota')
    expect(cityKindOf('Kabupaten Kotawaringin Barat')).toBe('kabupaten')
  })

  it('makes URL slugs', () => {
    expect(slugify('Kota Batu')).toBe('kota-batu')
    expect(slugify('Kabupaten Pangkajene dan Kepulauan')).toBe('kabupaten-pangkajene-dan-kepulauan')
    expect(slugify('Kota Bau-Bau ')).toBe('kota-bau-bau')
  })

  it('recognises a kabupaten/kota code and nothing else', () => {
    expect(isCityCode('35.79')).toBe(true)
    expect(isCityCode('35')).toBe(false)
    expect(isCityCode('35.79.01')).toBe(false)
    expect(isCityCode('kota-batu')).toBe(false)
  })
})
