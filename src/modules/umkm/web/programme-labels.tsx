import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatDate, formatNumber } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import type { Programme } from './coaching.api.ts'

export function FullBadge() {
  const { t } = useTranslation('umkm')
  return (
    <Badge variant="filled" color="red.9">
      {t('programmes.full')}
    </Badge>
  )
}

/** `1 Jul 2026 – 15 Des 2026`. */
export function useProgrammeDates() {
  const language = currentLanguage()
  return (programme: Pick<Programme, 'startsOn' | 'endsOn'>) =>
    `${formatDate(programme.startsOn, language)} – ${formatDate(programme.endsOn, language)}`
}

/** `6 / 25`, or `6 (tanpa kuota)` when the programme has none. */
export function useEnrolledText() {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  return (programme: Pick<Programme, 'enrolled' | 'quota'>) =>
    programme.quota === null
      ? t('programmes.enrolledNoQuota', { enrolled: formatNumber(programme.enrolled, language) })
      : t('programmes.enrolledOfQuota', {
          enrolled: formatNumber(programme.enrolled, language),
          quota: formatNumber(programme.quota, language),
        })
}
