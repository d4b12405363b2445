import { Alert, Stack, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { BusinessForm } from './business-form.tsx'
import { useCanEditUmkm } from './umkm-labels.tsx'

/** A page of its own, not a modal: the form is long and must work on a 360 px phone. */
export default function BusinessNewPage() {
  const { t } = useTranslation('umkm')
  const city = useCityParam()
  const canEdit = useCanEditUmkm(city)
  return (
    <Stack gap="lg">
      <Title order={1}>{t('form.createTitle')}</Title>
      {canEdit ? <BusinessForm city={city} /> : <Alert color="yellow">{t('form.noPermission')}</Alert>}
    </Stack>
  )
}
