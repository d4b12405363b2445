import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** *Data contoh* beside a record that came from the demo seed, not from the city. */
export function SampleDataBadge() {
  const { t } = useTranslation()
  return (
    <Badge variant="outline" color="grape.9">
      {t('common.sampleData')}
    </Badge>
  )
}
