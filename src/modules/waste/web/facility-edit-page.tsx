import { Alert, Stack, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { useFacility } from './facilities.api.ts'
import { FacilityForm } from './facility-form.tsx'
import { useCanEditFacilities } from './facility-labels.tsx'

export default function FacilityEditPage() {
  const { t } = useTranslation('waste')
  const city = useCityParam()
  const facility = useFacility(city, useParams().facilityId ?? '')
  const canEdit = useCanEditFacilities(city)
  return (
    <QueryState query={facility}>
      {(data) => (
        <Stack gap="lg">
          <Title order={1}>{t('form.editTitle', { name: data.name })}</Title>
          {canEdit ? (
            <FacilityForm key={data.id} city={city} facility={data} />
          ) : (
            <Alert color="yellow">{t('form.noPermission')}</Alert>
          )}
        </Stack>
      )}
    </QueryState>
  )
}
