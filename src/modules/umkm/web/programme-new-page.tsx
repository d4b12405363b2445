import { Alert, Stack, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { ProgrammeForm } from './programme-form.tsx'
import { useCanEditUmkm } from './umkm-labels.tsx'

/** A new coaching programme: kind, who runs it and pays for it, when, and who may join. */
export default function ProgrammeNewPage() {
  const { t } = useTranslation('umkm')
  const city = useCityParam()
  const canEdit = useCanEditUmkm(city)
  return (
    <Stack gap="lg">
      <Title order={1}>{t('programmeForm.title')}</Title>
      {canEdit ? (
        <ProgrammeForm city={city} />
      ) : (
        <Alert color="yellow">{t('programmeForm.noPermission')}</Alert>
      )}
    </Stack>
  )
}
