import { Alert, Anchor, Stack, Text, Title } from '@mantine/core'
import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { useWorkspace } from '../../../platform/web/api/hooks.ts'
import { formatDate } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { PageLoader, QueryState } from '../../../platform/web/ui/query-state.tsx'
import { BalanceFigures, EstimateMethod, TargetProgress } from './balance-figures.tsx'
import { BalanceLists } from './balance-lists.tsx'
import { periodOf } from './balance-logic.ts'
import { NS, useCanWriteBalance } from './balance-ui.tsx'
import { PeriodPicker, usePeriodParam } from './period-picker.tsx'
import { StaffTools } from './staff-tools.tsx'
import { type CityBalance, useCityBalance } from './waste-balance.api.ts'

// recharts is large: the diagram and the trend load after the figures are on screen.
const BalanceCharts = lazy(() => import('./balance-charts.tsx'))

/** What a form leaves in the history state when it brings the person back here. */
export interface SavedState {
  saved?: 'estimate' | 'target'
}

/** Everything the dashboard and the public page show about one period. */
export function BalanceBody({ city, balance }: { city: string; balance: CityBalance }) {
  const { t } = useTranslation(NS)
  const language = currentLanguage()
  return (
    <Stack gap="xl">
      <Text size="sm" c="gray.8">
        {t('period.range', {
          from: formatDate(balance.period.start, language),
          to: formatDate(balance.period.end, language),
          version: balance.formulaVersion,
        })}
      </Text>
      <BalanceFigures balance={balance} />
      <TargetProgress balance={balance} />
      {balance.estimate && <EstimateMethod estimate={balance.estimate} />}
      <Suspense fallback={<PageLoader />}>
        <BalanceCharts balance={balance} />
      </Suspense>
      <BalanceLists city={city} balance={balance} />
    </Stack>
  )
}

/** /c/:city/waste-balance: the city's neraca sampah in SIPSN's shapes, for a year, periode or month. */
export default function WasteBalancePage() {
  const { t } = useTranslation(NS)
  const city = useCityParam()
  const timeZone = useWorkspace(city).data?.city.timezone ?? 'Asia/Jakarta'
  const [choice, setChoice] = usePeriodParam(timeZone)
  const balance = useCityBalance(city, periodOf(choice))
  const canWrite = useCanWriteBalance(city)
  const saved = (useLocation().state as SavedState | null)?.saved
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('title')}</Title>
        <Text size="lg" maw={720}>
          {t('lead')}
        </Text>
      </Stack>
      {saved && <Alert color="teal" variant="light" role="status" title={t(`saved.${saved}`)} />}
      <PeriodPicker choice={choice} onChange={setChoice} timeZone={timeZone} />
      <Anchor component={Link} to={`/kota/${city}/neraca-sampah?period=${periodOf(choice)}`} size="sm">
        {t('publicLink')}
      </Anchor>
      <QueryState query={balance}>{(data) => <BalanceBody city={city} balance={data} />}</QueryState>
      {canWrite && <StaffTools city={city} year={choice.year} />}
    </Stack>
  )
}
