import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useMe, useWorkspace } from '../../../platform/web/api/hooks.ts'
import { formatNumber } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import type { FacilityStatus } from '../domain/facilities.ts'

const STATUS_COLOUR: Record<FacilityStatus, string> = {
  planned: 'blue.9',
  active: 'teal.9',
  // White on orange.9 is 4:1, under WCAG AA for badge-sized text.
  inactive: 'red.9',
  closed: 'dark.6',
}

export function StatusBadge({ status }: { status: FacilityStatus }) {
  const { t } = useTranslation('waste')
  return (
    <Badge variant="filled" color={STATUS_COLOUR[status]}>
      {t(`statuses.${status}`)}
    </Badge>
  )
}

/** `2,1 t/hari` or `2.1 t/day`: capacity is stored in kg per day, people think in tonnes. */
export function useTonnesPerDay(): (kgPerDay: number | null) => string | null {
  const { t } = useTranslation('waste')
  const language = currentLanguage()
  return (kgPerDay) =>
    kgPerDay === null ? null : t('tonnesPerDay', { value: formatNumber(kgPerDay / 1000, language) })
}

/** Only Dinas LH staff may add or change facilities; the server refuses everyone else anyway. */
export function useCanEditFacilities(city: string): boolean {
  return useWorkspace(city).data?.permissions.includes('facilities:write') ?? false
}

/**
 * Whether this person may record flows for this facility (`waste_flows:write`): Dinas LH staff
 * city-wide, or the facility's own operator. The server decides in the end.
 */
export function useCanWriteFlows(city: string, facilityId: string): boolean {
  const workspace = useWorkspace(city)
  const me = useMe()
  if (workspace.data?.permissions.includes('waste_flows:write')) return true
  return (
    me.data?.roles.some(
      (grant) =>
        (grant.city.slug === city || grant.city.code === city) &&
        grant.role === 'facility_operator' &&
        grant.scopeKind === 'facility' &&
        grant.scopeId === facilityId,
    ) ?? false
  )
}
