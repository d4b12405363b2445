import { Box, Group, Stack, Text, Title } from '@mantine/core'
import type { MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useHref, useNavigate } from 'react-router'
import { formatNumber } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { FACILITY_KINDS, type FacilityKind } from '../domain/facilities.ts'
import { type FacilityPoint, useFacilityPoints } from './facilities.api.ts'
import classes from './facility-map.module.css'
import { frameMap, roundScaleDistance } from './map-projection.ts'

type Shape =
  | 'circle'
  | 'square'
  | 'diamond'
  | 'triangle'
  | 'triangleDown'
  | 'hexagon'
  | 'pentagon'
  | 'star'
  | 'plus'

// Shape and colour both differ per kind, so the map reads without colour vision too. Every
// colour is at least 3:1 against the map background (WCAG 1.4.11).
const KIND_STYLE: Record<FacilityKind, { shape: Shape; colour: string }> = {
  tps: { shape: 'square', colour: '#495057' },
  tps3r: { shape: 'circle', colour: '#087f5b' },
  bank_sampah_unit: { shape: 'diamond', colour: '#1864ab' },
  bank_sampah_induk: { shape: 'hexagon', colour: '#364fc7' },
  rumah_kompos: { shape: 'triangle', colour: '#5c940d' },
  tpst: { shape: 'pentagon', colour: '#862e9c' },
  tpa: { shape: 'triangleDown', colour: '#c92a2a' },
  pusat_daur_ulang: { shape: 'star', colour: '#d9480f' },
  pengepul: { shape: 'plus', colour: '#a61e4d' },
}

const MAP_WIDTH = 480
const MARKER_SIZE = 9

function polygon(x: number, y: number, radius: number, corners: number, rotation = -90): string {
  const points = Array.from({ length: corners }, (_, index) => {
    const angle = ((rotation + (360 / corners) * index) * Math.PI) / 180
    return `${(x + radius * Math.cos(angle)).toFixed(1)},${(y + radius * Math.sin(angle)).toFixed(1)}`
  })
  return `M${points.join('L')}Z`
}

function star(x: number, y: number, radius: number): string {
  const points = Array.from({ length: 10 }, (_, index) => {
    const r = index % 2 === 0 ? radius * 1.2 : radius * 0.5
    const angle = ((-90 + 36 * index) * Math.PI) / 180
    return `${(x + r * Math.cos(angle)).toFixed(1)},${(y + r * Math.sin(angle)).toFixed(1)}`
  })
  return `M${points.join('L')}Z`
}

function shapePath(shape: Shape, x: number, y: number, size: number): string {
  switch (shape) {
    case 'circle':
      return `M${x - size},${y}a${size},${size} 0 1,0 ${2 * size},0a${size},${size} 0 1,0 ${-2 * size},0Z`
    case 'square':
      return polygon(x, y, size * 1.2, 4, -45)
    case 'diamond':
      return polygon(x, y, size * 1.25, 4)
    case 'triangle':
      return polygon(x, y, size * 1.3, 3)
    case 'triangleDown':
      return polygon(x, y, size * 1.3, 3, 90)
    case 'hexagon':
      return polygon(x, y, size * 1.15, 6)
    case 'pentagon':
      return polygon(x, y, size * 1.2, 5)
    case 'star':
      return star(x, y, size)
    case 'plus': {
      const a = size * 0.4
      const b = size * 1.15
      return `M${x - a},${y - b}h${2 * a}v${b - a}h${b - a}v${2 * a}h${a - b}v${b - a}h${-2 * a}v${a - b}h${a - b}v${-2 * a}h${b - a}Z`
    }
  }
}

function KindSymbol({ kind }: { kind: FacilityKind }) {
  const style = KIND_STYLE[kind]
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden focusable="false">
      <path d={shapePath(style.shape, 10, 10, 6.5)} fill={style.colour} stroke="#fff" strokeWidth={1.5} />
    </svg>
  )
}

function Marker({ point, x, y }: { point: FacilityPoint; x: number; y: number }) {
  const { t } = useTranslation('waste')
  const navigate = useNavigate()
  const to = `/c/${useCityParam()}/waste/facilities/${point.id}`
  const href = useHref(to)
  const style = KIND_STYLE[point.kind]
  const label = t('map.marker', {
    name: point.name,
    kind: t(`kinds.${point.kind}`),
    status: t(`statuses.${point.status}`),
  })
  const follow = (event: MouseEvent) => {
    // A modified click (new tab) keeps the browser's own behaviour.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    void navigate(to)
  }
  return (
    <a href={href} onClick={follow} aria-label={label} className={classes.marker}>
      <title>{label}</title>
      <circle cx={x} cy={y} r={MARKER_SIZE + 6} className={classes.focusRing} />
      <path
        d={shapePath(style.shape, x, y, MARKER_SIZE)}
        fill={style.colour}
        stroke="#fff"
        strokeWidth={2}
        className={classes.shape}
      />
    </a>
  )
}

function MapDrawing({ points }: { points: FacilityPoint[] }) {
  const { t } = useTranslation('waste')
  const frame = frameMap(points, { width: MAP_WIDTH })
  if (!frame) return <Text>{t('map.empty')}</Text>
  const scaleKm = roundScaleDistance((frame.width / 4) * frame.kmPerUnit)
  const scaleLength = scaleKm / frame.kmPerUnit
  const bottom = frame.height - 16
  // Drawn south to north so that, where markers overlap, the northern one is on top.
  const ordered = [...points].sort((a, b) => a.latitude - b.latitude)
  return (
    <svg
      viewBox={`0 0 ${frame.width} ${frame.height.toFixed(1)}`}
      className={classes.map}
      aria-label={t('map.label')}
    >
      <g aria-hidden>
        <path d={`M${frame.width - 24},14l8,22l-8,-6l-8,6Z`} fill="#343a40" />
        <text x={frame.width - 24} y={54} textAnchor="middle" fontSize={16} fill="#212529">
          {t('map.north')}
        </text>
        <path d={`M16,${bottom - 6}v6h${scaleLength}v-6`} fill="none" stroke="#212529" strokeWidth={2} />
        <text x={16} y={bottom - 12} fontSize={16} fill="#212529">
          {t('map.scale', { distance: formatNumber(scaleKm, currentLanguage()) })}
        </text>
      </g>
      {ordered.map((point) => {
        const { x, y } = frame.project(point)
        return <Marker key={point.id} point={point} x={x} y={y} />
      })}
    </svg>
  )
}

function Legend({ points }: { points: FacilityPoint[] }) {
  const { t } = useTranslation('waste')
  const language = currentLanguage()
  const kinds = FACILITY_KINDS.filter((kind) => points.some((point) => point.kind === kind))
  return (
    <Box component="section" aria-labelledby="facility-map-legend">
      <Text id="facility-map-legend" fw={700} mb={4}>
        {t('map.legend')}
      </Text>
      <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
        {kinds.map((kind) => (
          <Group component="li" key={kind} gap="xs" wrap="nowrap">
            <KindSymbol kind={kind} />
            <Text size="sm">
              {t('map.legendItem', {
                kind: t(`kinds.${kind}`),
                total: formatNumber(points.filter((point) => point.kind === kind).length, language),
              })}
            </Text>
          </Group>
        ))}
      </Stack>
    </Box>
  )
}

/** Every located facility on an inline SVG: no tiles, no map library, no request but our own API. */
export function FacilityMap() {
  const { t } = useTranslation('waste')
  const points = useFacilityPoints(useCityParam())
  return (
    <Stack component="section" aria-labelledby="facility-map-title" gap="sm">
      <Title order={2} id="facility-map-title">
        {t('map.title')}
      </Title>
      <QueryState query={points}>
        {(list) => (
          <Box component="figure" m={0}>
            <Group align="flex-start" gap="lg">
              <Box style={{ flex: '1 1 320px', maxWidth: 560 }}>
                <MapDrawing points={list} />
              </Box>
              {list.length > 0 && <Legend points={list} />}
            </Group>
            <Text component="figcaption" size="sm" mt="xs" maw={560}>
              {t('map.caption')}
            </Text>
          </Box>
        )}
      </QueryState>
    </Stack>
  )
}
