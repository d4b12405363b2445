import 'leaflet/dist/leaflet.css'
import L from 'leaflet'
import { useEffect, useRef } from 'react'

/**
 * A small OpenStreetMap map, loaded only by the pages that show one (import it with React.lazy):
 * Leaflet and its tiles stay out of the first load. Points are drawn as vector circles, so no
 * marker images are fetched. Tiles come from the OpenStreetMap servers in the user's browser; on a
 * connection without them the map stays grey and the coordinates beside it still tell the place.
 */
export interface MapPoint {
  latitude: number
  longitude: number
  label?: string
}

const TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png'
const ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
/** Indonesia, when there is nothing to show yet. */
const INDONESIA: L.LatLngExpression = [-2.5, 118]

export default function LocationMap(props: {
  points: MapPoint[]
  /** Called with the clicked place, for forms that set a location. */
  onPick?: (point: { latitude: number; longitude: number }) => void
  label: string
  height?: number
}) {
  const container = useRef<HTMLDivElement>(null)
  const map = useRef<L.Map | null>(null)
  const layer = useRef<L.LayerGroup | null>(null)
  const onPick = useRef(props.onPick)
  onPick.current = props.onPick

  useEffect(() => {
    if (!container.current) return
    const created = L.map(container.current, { scrollWheelZoom: false }).setView(INDONESIA, 4)
    L.tileLayer(TILES, { attribution: ATTRIBUTION, maxZoom: 19 }).addTo(created)
    layer.current = L.layerGroup().addTo(created)
    created.on('click', (event: L.LeafletMouseEvent) => {
      onPick.current?.({
        latitude: Number(event.latlng.lat.toFixed(6)),
        longitude: Number(event.latlng.lng.toFixed(6)),
      })
    })
    map.current = created
    return () => {
      created.remove()
      map.current = null
    }
  }, [])

  useEffect(() => {
    const group = layer.current
    const current = map.current
    if (!group || !current) return
    group.clearLayers()
    const places = props.points.map((point) => {
      const marker = L.circleMarker([point.latitude, point.longitude], {
        radius: 8,
        color: '#0b7285',
        weight: 2,
        fillOpacity: 0.6,
      })
      if (point.label) marker.bindTooltip(point.label)
      marker.addTo(group)
      return L.latLng(point.latitude, point.longitude)
    })
    if (places.length === 1) current.setView(places[0]!, 16)
    else if (places.length > 1) current.fitBounds(L.latLngBounds(places), { padding: [24, 24], maxZoom: 16 })
  }, [props.points])

  return (
    <div
      ref={container}
      role="img"
      aria-label={props.label}
      style={{ height: props.height ?? 240, width: '100%', borderRadius: 8, zIndex: 0 }}
    />
  )
}
