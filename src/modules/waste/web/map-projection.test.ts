import { describe, expect, it } from 'vitest'
import { frameMap, roundScaleDistance } from './map-projection.ts'

// Around Kota Batu: TPA Tlekung in the south-west, Punten in the north.
const tlekung = { latitude: -7.912, longitude: 112.523 }
const punten = { latitude: -7.84, longitude: 112.56 }
const jalibar = { latitude: -7.881, longitude: 112.536 }

describe('frameMap', () => {
  it('has no frame without points', () => {
    expect(frameMap([], { width: 600 })).toBeNull()
  })

  it('puts every point inside the frame, off the edges', () => {
    const frame = frameMap([tlekung, punten, jalibar], { width: 600 })!
    for (const point of [tlekung, punten, jalibar]) {
      const { x, y } = frame.project(point)
      expect(x).toBeGreaterThan(0)
      expect(x).toBeLessThan(frame.width)
      expect(y).toBeGreaterThan(0)
      expect(y).toBeLessThan(frame.height)
    }
  })

  it('draws north at the top and east on the right', () => {
    const frame = frameMap([tlekung, punten], { width: 600 })!
    expect(frame.project(punten).y).toBeLessThan(frame.project(tlekung).y)
    expect(frame.project(punten).x).toBeGreaterThan(frame.project(tlekung).x)
  })

  it('keeps the shape: a kilometre east is as long as a kilometre north', () => {
    const origin = { latitude: -7.9, longitude: 112.5 }
    const frame = frameMap([origin, { latitude: -7.8, longitude: 112.6 }], { width: 600 })!
    const oneKmInDegrees = 1 / 111.32
    const a = frame.project(origin)
    const north = frame.project({ latitude: origin.latitude + oneKmInDegrees, longitude: origin.longitude })
    const east = frame.project({
      latitude: origin.latitude,
      longitude: origin.longitude + oneKmInDegrees / Math.cos((-7.85 * Math.PI) / 180),
    })
    expect(a.y - north.y).toBeCloseTo(east.x - a.x, 6)
    expect(frame.kmPerUnit * (a.y - north.y)).toBeCloseTo(1, 6)
  })

  it('centres a single facility in a square frame', () => {
    const frame = frameMap([jalibar], { width: 600 })!
    expect(frame.height).toBeCloseTo(600)
    expect(frame.project(jalibar).x).toBeCloseTo(300)
    expect(frame.project(jalibar).y).toBeCloseTo(300)
  })

  it('widens a frame that would be much taller than wide', () => {
    const frame = frameMap([tlekung, { latitude: -7.5, longitude: tlekung.longitude }], { width: 600 })!
    expect(frame.height).toBeLessThanOrEqual(600 * 1.5 + 1e-9)
  })
})

describe('roundScaleDistance', () => {
  it.each([
    [7.3, 5],
    [5, 5],
    [4.99, 2],
    [1.5, 1],
    [0.7, 0.5],
    [23, 20],
  ])('%s km → %s km', (maxKm, expected) => {
    expect(roundScaleDistance(maxKm)).toBeCloseTo(expected, 10)
  })

  it('is 0 for nothing', () => {
    expect(roundScaleDistance(0)).toBe(0)
  })
})
