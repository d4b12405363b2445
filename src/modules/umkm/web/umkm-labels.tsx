import { Badge, Box, Text } from '@mantine/core'
import type { ReactNode } from 'react'
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

export function SampleDataBadge() {
  const { t } = useTranslation('umkm')
  return (
    <Badge variant="outline" color="grape.9">
      {t('sampleData')}
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

/** GOV.UK summary list: a <dl> whose rows stack on a phone. */
export function SummaryList({ rows }: { rows: { label: string; value: ReactNode }[] }) {
  return (
    <Box component="dl" m={0} maw={760}>
      {rows.map((row) => (
        <Box
          key={row.label}
          display="flex"
          py="xs"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-4)', flexWrap: 'wrap', columnGap: 16 }}
        >
          <Text component="dt" fw={700} style={{ flex: '1 1 200px' }}>
            {row.label}
          </Text>
          <Text component="dd" m={0} style={{ flex: '2 1 260px', overflowWrap: 'anywhere' }}>
            {row.value}
          </Text>
        </Box>
      ))}
    </Box>
  )
}

/** What the form tells the page it came back to: shown once as a confirmation. */
export interface SavedState {
  saved?: 'created' | 'updated'
}
