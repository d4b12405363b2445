import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useWorkspace } from '../../../platform/web/api/hooks.ts'
import type { Scale } from '../domain/scale.ts'

const SCALE_COLOUR: Record<Scale, string> = {
  mikro: 'blue.9',
  kecil: 'teal.9',
  menengah: 'grape.9',
  besar: 'dark.6',
}

export function ScaleBadge({ scale }: { scale: Scale }) {
  const { t } = useTranslation('umkm')
  return (
    <Badge variant="filled" color={SCALE_COLOUR[scale]}>
      {t(`scales.${scale}`)}
    </Badge>
  )
}

/** Only Dinas Koperasi dan UMKM staff may register and change businesses; the server decides anyway. */
export function useCanEditUmkm(city: string): boolean {
  return useWorkspace(city).data?.permissions.includes('umkm:write') ?? false
}

export function placeOf(village: { name: string; districtName: string } | null): string {
  return village ? `${village.name}, ${village.districtName}` : ''
}

/** What the form tells the page it came back to: shown once as a confirmation. */
export interface SavedState {
  saved?: 'created' | 'updated'
}
