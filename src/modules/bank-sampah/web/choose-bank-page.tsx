import { Alert, Button, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, Navigate } from 'react-router'
import { useWorkspace } from '../../../platform/web/api/hooks.ts'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { PageLoader, QueryState } from '../../../platform/web/ui/query-state.tsx'
import { useFacility } from '../../waste/web/facilities.api.ts'
import { useCityBanks } from './bank-sampah.api.ts'
import { TOUCH, useIsCityWide, useOwnBankIds } from './teller-ui.tsx'

function BankButton({ city, bankId, name }: { city: string; bankId: string; name?: string }) {
  const facility = useFacility(city, bankId)
  return (
    <Button
      component={Link}
      to={`/c/${city}/bank-sampah/${bankId}`}
      size="lg"
      variant="default"
      fullWidth
      justify="flex-start"
      style={TOUCH}
    >
      {name ?? facility.data?.name ?? bankId}
    </Button>
  )
}

function CityBanks({ city, exclude }: { city: string; exclude: Set<string> }) {
  const { t } = useTranslation('bank-sampah')
  const banks = useCityBanks(city, true)
  return (
    <QueryState query={banks}>
      {(items) => (
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('choose.allBanks')}
          </Title>
          {items.length === 0 && <Text>{t('choose.noBanksInCity')}</Text>}
          {items
            .filter((item) => !exclude.has(item.id))
            .map((item) => (
              <BankButton key={item.id} city={city} bankId={item.id} name={item.name} />
            ))}
        </Stack>
      )}
    </QueryState>
  )
}

/**
 * /c/:city/bank-sampah: a teller of one bank goes straight to it; someone with several banks, or
 * Dinas LH staff, first chooses.
 */
export default function ChooseBankPage() {
  const { t } = useTranslation('bank-sampah')
  const city = useCityParam()
  const own = useOwnBankIds(city)
  const workspace = useWorkspace(city)
  const isCityWide = useIsCityWide(city)
  if (!own || !workspace.data) return <PageLoader />
  if (own.length === 1 && !isCityWide) return <Navigate to={`/c/${city}/bank-sampah/${own[0]}`} replace />
  return (
    <Stack gap="md" maw={560}>
      <Title order={1}>{t('choose.title')}</Title>
      <Text>{t('choose.lead')}</Text>
      {own.length === 0 && !isCityWide && <Alert color="yellow">{t('choose.noBank')}</Alert>}
      <Stack gap="xs">
        {own.map((bankId) => (
          <BankButton key={bankId} city={city} bankId={bankId} />
        ))}
      </Stack>
      {isCityWide && <CityBanks city={city} exclude={new Set(own)} />}
    </Stack>
  )
}
