import { Anchor, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useCityRegions, useMe } from '../../../platform/web/api/hooks.ts'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { periodOf } from './balance-logic.ts'
import { NS } from './balance-ui.tsx'
import { PeriodPicker, usePeriodParam } from './period-picker.tsx'
import { usePublicBalance } from './waste-balance.api.ts'
import { BalanceBody } from './waste-balance-page.tsx'

/** /kota/:city/neraca-sampah: a city's waste balance for anyone, no sign-in, aggregates only. */
export default function PublicBalancePage() {
  const { t } = useTranslation(NS)
  const city = useParams().city ?? ''
  const regions = useCityRegions(city)
  const timeZone = regions.data?.city.timezone ?? 'Asia/Jakarta'
  const [choice, setChoice] = usePeriodParam(timeZone)
  const balance = usePublicBalance(city, periodOf(choice))
  const me = useMe()
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('public.title', { city: regions.data?.city.name ?? '' })}</Title>
        <Text size="lg" maw={720}>
          {t('public.lead')}
        </Text>
      </Stack>
      <PeriodPicker choice={choice} onChange={setChoice} timeZone={timeZone} />
      <QueryState query={balance}>{(data) => <BalanceBody city={city} balance={data} />}</QueryState>
      {me.data && (
        <Anchor component={Link} to={`/c/${regions.data?.city.slug ?? city}/waste-balance`}>
          {t('public.workspaceLink')}
        </Anchor>
      )}
    </Stack>
  )
}
