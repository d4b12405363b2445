/**
 * Places facilities on an offline SVG map: an equirectangular projection of their bounding box.
 * No tiles and no map library, so the map costs nothing over a weak connection and works offline.
 * At a city's size (tens of km) the distortion is far smaller than a marker.
 */
export interface GeoPoint {
  latitude: number
  longitude: number
}

export interface MapFrame {
  width: number
  height: number
  /** Kilometres per SVG unit, for the scale bar. */
  kmPerUnit: number
  project: (point: GeoPoint) => { x: number; y: number }
}

const KM_PER_DEGREE_LATITUDE = 111.32
// About 1 km: one facility alone, or all on one street, still gets a readable frame.
const MIN_SPAN_DEGREES = 0.01
// A frame much taller or wider than a screen helps nobody; the short side is widened instead.
const MAX_ASPECT = 1.5

export function frameMap(points: GeoPoint[], options: { width: number; margin?: number }): MapFrame | null {
  if (points.length === 0) return null
  const latitudes = points.map((point) => point.latitude)
  const longitudes = points.map((point) => point.longitude)
  const south = Math.min(...latitudes)
  const north = Math.max(...latitudes)
  const west = Math.min(...longitudes)
  const east = Math.max(...longitudes)
  // A degree of longitude shrinks with latitude; scaling x by cos(latitude) keeps the shape true.
  const xFactor = Math.cos((((south + north) / 2) * Math.PI) / 180)

  let spanX = Math.max((east - west) * xFactor, MIN_SPAN_DEGREES)
  let spanY = Math.max(north - south, MIN_SPAN_DEGREES)
  spanX = Math.max(spanX, spanY / MAX_ASPECT)
  spanY = Math.max(spanY, spanX / MAX_ASPECT)
  const pad = Math.max(spanX, spanY) * (options.margin ?? 0.08)
  const totalX = spanX + 2 * pad
  const totalY = spanY + 2 * pad
  const centreX = ((west + east) / 2) * xFactor
  const centreY = (south + north) / 2
  const left = centreX - totalX / 2
  const top = centreY + totalY / 2
  const scale = options.width / totalX

  return {
    width: options.width,
    height: totalY * scale,
    kmPerUnit: KM_PER_DEGREE_LATITUDE / scale,
    // SVG y grows downwards, latitude grows northwards.
    project: (point) => ({
      x: (point.longitude * xFactor - left) * scale,
      y: (top - point.latitude) * scale,
    }),
  }
}

/** A round distance (1, 2 or 5 × 10ⁿ km) no longer than `maxKm`, for the scale bar. */
export function roundScaleDistance(maxKm: number): number {
  if (!(maxKm > 0)) return 0
  const power = 10 ** Math.floor(Math.log10(maxKm))
  const step = [5, 2, 1].find((candidate) => candidate * power <= maxKm) ?? 1
  return step * power
}
