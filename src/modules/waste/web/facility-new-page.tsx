import { Alert, Stack, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { FacilityForm } from './facility-form.tsx'
import { useCanEditFacilities } from './facility-labels.tsx'

/** A page of its own, not a modal: the form is long and must work on a 360 px phone. */
export default function FacilityNewPage() {
  const { t } = useTranslation('waste')
  const city = useCityParam()
  const canEdit = useCanEditFacilities(city)
  return (
    <Stack gap="lg">
      <Title order={1}>{t('form.createTitle')}</Title>
      {canEdit ? <FacilityForm city={city} /> : <Alert color="yellow">{t('form.noPermission')}</Alert>}
    </Stack>
  )
}
