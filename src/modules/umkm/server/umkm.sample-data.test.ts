import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { checkKbliCode, isValidNib } from '../domain/identifiers.ts'
import { checkLicence } from '../domain/licences.ts'
import { checkClosure } from '../domain/registry.ts'
import { deriveScale, detectNaikKelas, type Scale, scaleHistory } from '../domain/scale.ts'
import {
  BATU_PRODUCTS,
  BATU_PROFILE,
  type CitySampleBusiness,
  generateCityBusinesses,
  generateSampleBusinesses,
  PALOPO_PROFILE,
  type SampleFigures,
} from './umkm.sample-data.ts'

const records = (figures: SampleFigures[]) => figures.map((f, i) => ({ id: String(i), ...f }))

describe('sample businesses', () => {
  const generate = () =>
    generateSampleBusinesses({
      cityDigits: '3579',
      villageCodes: ['35.79.01.2006', '35.79.02.2001', '35.79.03.1001'],
      products: BATU_PRODUCTS,
      count: 40,
      seed: 3579,
    })

  it('are the same every run, with valid and distinct identifiers', () => {
    const businesses = generate()
    expect(businesses).toEqual(generate())
    const nibs = businesses.flatMap((b) => (b.nib ? [b.nib] : []))
    expect(nibs.length).toBeGreaterThan(10)
    expect(nibs.every(isValidNib)).toBe(true)
    expect(new Set(nibs).size).toBe(nibs.length)
    expect(new Set(businesses.map((b) => b.name)).size).toBe(businesses.length)
    expect(businesses.every((b) => checkKbliCode(b.kbliCode).ok && /^\d{16}$/.test(b.ownerNik))).toBe(true)
  })

  it('are mostly micro, and some move up to small between 2023 and 2025', () => {
    const businesses = generate()
    const micro2023 = businesses.filter(
      (b) => deriveScale('pp7_2021_sales', records(b.figures)[0]!)?.scale === 'mikro',
    )
    expect(micro2023).toHaveLength(businesses.length)
    const moved = businesses.filter(
      (b) => detectNaikKelas(scaleHistory('pp7_2021_sales', records(b.figures))).length > 0,
    )
    expect(moved).toHaveLength(8)
  })
})

// Kota Batu's 24 desa and kelurahan (Kemendagri codes).
const BATU_VILLAGES = [
  ['35.79.01.1001', 'Temas'],
  ['35.79.01.1002', 'Ngaglik'],
  ['35.79.01.1003', 'Songgokerto'],
  ['35.79.01.1004', 'Sisir'],
  ['35.79.01.2005', 'Sumberejo'],
  ['35.79.01.2006', 'Oro-oro Ombo'],
  ['35.79.01.2007', 'Sidomulyo'],
  ['35.79.01.2008', 'Pesanggrahan'],
  ['35.79.02.2001', 'Punten'],
  ['35.79.02.2002', 'Gunungsari'],
  ['35.79.02.2003', 'Tulungrejo'],
  ['35.79.02.2004', 'Sumbergondo'],
  ['35.79.02.2005', 'Pandanrejo'],
  ['35.79.02.2006', 'Bumiaji'],
  ['35.79.02.2007', 'Giripurno'],
  ['35.79.02.2008', 'Bulukerto'],
  ['35.79.02.2009', 'Sumberbrantas'],
  ['35.79.03.1001', 'Dadaprejo'],
  ['35.79.03.2002', 'Beji'],
  ['35.79.03.2003', 'Junrejo'],
  ['35.79.03.2004', 'Tlekung'],
  ['35.79.03.2005', 'Mojorejo'],
  ['35.79.03.2006', 'Pendem'],
  ['35.79.03.2007', 'Torongrejo'],
].map(([code, name]) => ({ code: code!, name: name! }))

describe('Batu at its real scale', () => {
  const generate = (count: number) =>
    generateCityBusinesses({
      cityDigits: '3579',
      cityName: 'Kota Batu',
      villages: BATU_VILLAGES,
      profile: BATU_PROFILE,
      count,
      seed: 3579,
    })
  const batu = generate(23_000)
  const digest = (rows: CitySampleBusiness[]) =>
    createHash('sha256')
      .update(
        rows
          .map((b) => [b.name, b.nib, b.ownerNik, b.villageCode, b.figures.at(-1)!.annualSalesRupiah])
          .join('\n'),
      )
      .digest('hex')
  const latestScale = (b: CitySampleBusiness) =>
    deriveScale('pp7_2021_sales', records(b.figures).at(-1)!)!.scale
  const shareOf = (predicate: (b: CitySampleBusiness) => boolean) =>
    batu.filter(predicate).length / batu.length

  it('is the same every run, and its first rows are the demo showcase whatever the count', () => {
    expect(batu).toHaveLength(23_000)
    expect(digest(generate(23_000))).toBe(digest(batu))
    expect(generate(500)).toEqual(batu.slice(0, 500))
    const showcase = generateSampleBusinesses({
      cityDigits: '3579',
      villageCodes: BATU_VILLAGES.map((v) => v.code),
      products: BATU_PRODUCTS,
      count: BATU_PROFILE.showcaseCount,
      seed: 3579,
    })
    expect(batu.slice(0, showcase.length).map(({ licences, closedOn, closureReason, ...b }) => b)).toEqual(
      showcase,
    )
  })

  it('is mostly micro, as Batu counted in 2018 (90.9 % mikro, 8.4 % kecil), and ~1 in 25 moves up', () => {
    const scales = new Map<Scale, number>()
    for (const b of batu) scales.set(latestScale(b), (scales.get(latestScale(b)) ?? 0) + 1)
    expect(scales.get('mikro')! / batu.length).toBeCloseTo(0.909, 2)
    expect(scales.get('kecil')! / batu.length).toBeCloseTo(0.084, 2)
    expect(scales.get('besar')).toBeUndefined()
    const moved = batu.filter(
      (b) => detectNaikKelas(scaleHistory('pp7_2021_sales', records(b.figures))).length > 0,
    )
    expect(moved.length / scales.get('mikro')!).toBeGreaterThan(0.03)
    expect(moved.length / scales.get('mikro')!).toBeLessThan(0.05)
  })

  it("follows the city's sectors and product lines over every desa", () => {
    // Pertanian (KBLI category A) was 41.6 % of Batu's UMKM in 2018; industri pengolahan 4.4 %.
    expect(shareOf((b) => checkKbliCode(b.kbliCode).ok && b.kbliCode.startsWith('01'))).toBeCloseTo(0.416, 2)
    expect(shareOf((b) => /^1[0-4]/.test(b.kbliCode))).toBeCloseTo(0.044, 2)
    for (const product of BATU_PRODUCTS) {
      expect(batu.filter((b) => b.kbliCode === product.kbliCode).length).toBeGreaterThan(50)
    }
    for (const code of ['47112', '56102', '96200', '14120', '95230']) {
      expect(batu.some((b) => b.kbliCode === code)).toBe(true)
    }
    const villages = new Set(batu.map((b) => b.villageCode))
    expect([...villages].sort()).toEqual(BATU_VILLAGES.map((v) => v.code).sort())
    // Beji is the tempe village: most tempe makers are there.
    const tempe = batu.filter((b) => b.kbliCode === '10391')
    expect(tempe.filter((b) => b.villageCode === '35.79.03.2002').length / tempe.length).toBeGreaterThan(0.5)
  })

  it('passes the registry rules on every row: NIB, KBLI, NIK, phone, licences, SIDT fields', () => {
    const problems = batu.flatMap((b, index) => {
      const wrong: string[] = []
      if (b.nib !== null && !isValidNib(b.nib)) wrong.push('nib')
      if (!checkKbliCode(b.kbliCode).ok) wrong.push('kbli')
      if (!/^\d{16}$/.test(b.ownerNik)) wrong.push('nik')
      if (!/^\+?[0-9][0-9 ().-]{5,22}$/.test(b.ownerPhone)) wrong.push('phone')
      if (b.name.length < 2 || b.name.length > 160 || b.ownerName.length < 2) wrong.push('name')
      if (b.licences.some((licence) => checkLicence(licence).length > 0)) wrong.push('licence')
      const workers = [
        b.workersPaidMale,
        b.workersPaidFemale,
        b.workersUnpaidMale,
        b.workersUnpaidFemale,
        b.workersDisabledMale,
        b.workersDisabledFemale,
      ]
      if (!workers.every((n) => Number.isInteger(n) && n >= 0)) wrong.push('workers')
      if (b.figures.some((f) => f.asOf > '2025-12-31' || !deriveScale('pp7_2021_capital', { id: '', ...f })))
        wrong.push('figures')
      if (!['L', 'P'].includes(b.ownerSex) || !/^\d{3}$/.test(b.rt) || !/^\d{3}$/.test(b.rw))
        wrong.push('sidt')
      if (b.startedYear > 2025 || b.startedMonth < 1 || b.startedMonth > 12) wrong.push('started')
      if (
        b.closedOn !== null &&
        checkClosure(b, { closedOn: b.closedOn, reason: b.closureReason! }, '2026-06-30').length > 0
      )
        wrong.push('closure')
      return wrong.map((field) => `${index}: ${field}`)
    })
    expect(problems).toEqual([])
  })

  it('gives about a third an NIB, every one distinct, and most an individual legal form', () => {
    const nibs = batu.flatMap((b) => (b.nib ? [b.nib] : []))
    expect(nibs.length / batu.length).toBeGreaterThan(0.3)
    expect(nibs.length / batu.length).toBeLessThan(0.38)
    expect(new Set(nibs).size).toBe(nibs.length)
    expect(shareOf((b) => b.legalForm === 'Perorangan')).toBeGreaterThan(0.9)
  })

  it('closes about 2.5 % of the businesses, one in the showcase, so the counts of past years differ', () => {
    const closed = batu.filter((b) => b.closedOn !== null)
    expect(closed.length / batu.length).toBeGreaterThan(0.02)
    expect(closed.length / batu.length).toBeLessThan(0.03)
    const showcaseClosed = batu.slice(0, BATU_PROFILE.showcaseCount).filter((b) => b.closedOn !== null)
    expect(showcaseClosed).toHaveLength(1)
    // Spread over the years, so each year's count loses some.
    const years = new Set(closed.map((b) => b.closedOn!.slice(0, 4)))
    expect([...years].sort()).toEqual(['2023', '2024', '2025', '2026'])
  })

  it('makes Palopo from its own lines, with its own NIBs', () => {
    const palopo = generateCityBusinesses({
      cityDigits: '7373',
      cityName: 'Kota Palopo',
      villages: [
        { code: '73.73.08.1003', name: 'Latuppa' },
        { code: '73.73.03.1002', name: 'Songka' },
      ],
      profile: PALOPO_PROFILE,
      count: 2_000,
      seed: 7373,
    })
    const codes = new Set(palopo.map((b) => b.kbliCode))
    for (const code of ['10622', '10731', '10219', '47112']) expect(codes.has(code)).toBe(true)
    expect(
      palopo.every((b) => checkKbliCode(b.kbliCode).ok && (b.nib === null || b.nib.startsWith('7373'))),
    ).toBe(true)
  })
})
