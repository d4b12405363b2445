import { Alert, Stack, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { BusinessForm } from './business-form.tsx'
import { useBusiness } from './umkm.api.ts'
import { useCanEditUmkm } from './umkm-labels.tsx'

export default function BusinessEditPage() {
  const { t } = useTranslation('umkm')
  const city = useCityParam()
  const business = useBusiness(city, useParams().businessId ?? '')
  const canEdit = useCanEditUmkm(city)
  return (
    <QueryState query={business}>
      {(data) => (
        <Stack gap="lg">
          <Title order={1}>{t('form.editTitle', { name: data.name })}</Title>
          {canEdit ? (
            <BusinessForm key={data.id} city={city} business={data} />
          ) : (
            <Alert color="yellow">{t('form.noPermission')}</Alert>
          )}
        </Stack>
      )}
    </QueryState>
  )
}
