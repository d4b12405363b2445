import { Alert, Stack, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { useProgramme } from './coaching.api.ts'
import { ProgrammeForm } from './programme-form.tsx'
import { useCanEditUmkm } from './umkm-labels.tsx'

/** Correct or reschedule a programme: its terms, prefilled; participants and sessions stay. */
export default function ProgrammeEditPage() {
  const { t } = useTranslation('umkm')
  const city = useCityParam()
  const programme = useProgramme(city, useParams().programmeId ?? '')
  const canEdit = useCanEditUmkm(city)
  return (
    <QueryState query={programme}>
      {(data) => (
        <Stack gap="lg">
          <Title order={1}>{t('programmeForm.editTitle', { name: data.name })}</Title>
          {canEdit ? (
            <ProgrammeForm key={data.id} city={city} programme={data} />
          ) : (
            <Alert color="yellow">{t('programmeForm.noPermission')}</Alert>
          )}
        </Stack>
      )}
    </QueryState>
  )
}
