import { Button, Group, Stack, Text } from '@mantine/core'
import { lazy, Suspense, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseCoordinate } from '../../../platform/web/parse-number.ts'
import type { FormKit } from './business-form-fields.tsx'

const LocationMap = lazy(() => import('../../../platform/web/ui/location-map.tsx'))

/**
 * Sets the business's coordinates without typing them: from the phone's location when the officer
 * stands at the business, or by tapping the map. The typed fields stay the source of truth.
 */
export function LocationPicker({ kit }: { kit: FormKit }) {
  const { t } = useTranslation('umkm')
  const [showMap, setShowMap] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const latitude = parseCoordinate(kit.values.latitude)
  const longitude = parseCoordinate(kit.values.longitude)
  const points = useMemo(
    () =>
      latitude !== null && longitude !== null && Number.isFinite(latitude) && Number.isFinite(longitude)
        ? [{ latitude, longitude }]
        : [],
    [latitude, longitude],
  )
  const pick = (point: { latitude: number; longitude: number }) => {
    kit.set('latitude', point.latitude.toFixed(6))
    kit.set('longitude', point.longitude.toFixed(6))
  }
  const locateMe = () => {
    setProblem(null)
    if (!('geolocation' in navigator)) {
      setProblem(t('form.locationUnavailable'))
      return
    }
    navigator.geolocation.getCurrentPosition(
      (position) => pick({ latitude: position.coords.latitude, longitude: position.coords.longitude }),
      () => setProblem(t('form.locationUnavailable')),
      { enableHighAccuracy: true, timeout: 15_000 },
    )
  }
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button variant="default" size="xs" onClick={locateMe}>
          {t('form.useMyLocation')}
        </Button>
        <Button
          variant="subtle"
          size="xs"
          onClick={() => setShowMap((shown) => !shown)}
          aria-expanded={showMap}
        >
          {t(showMap ? 'form.hideMap' : 'form.pickOnMap')}
        </Button>
      </Group>
      {problem && (
        <Text size="sm" c="red.8" role="alert">
          {problem}
        </Text>
      )}
      {showMap && (
        <Suspense fallback={null}>
          <Text size="sm">{t('form.pickOnMapHint')}</Text>
          <LocationMap points={points} onPick={pick} label={t('form.pickOnMap')} height={280} />
        </Suspense>
      )}
    </Stack>
  )
}
