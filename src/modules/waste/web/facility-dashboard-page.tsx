import { Anchor, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { lazy, type ReactNode, Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useWorkspace } from '../../../platform/web/api/hooks.ts'
import { formatDate, formatKilograms, formatPercent, formatRupiah } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { PageLoader, QueryState } from '../../../platform/web/ui/query-state.tsx'
import { SampleDataBadge } from '../../../platform/web/ui/sample-data-badge.tsx'
import { type DashboardSpan, dashboardRange } from './dashboard-figures.ts'
import { useFacility, useFacilityDashboard } from './facilities.api.ts'
import { useMonthFees } from './operator/operator.api.ts'
import { monthOf, todayIn } from './operator/quantities.ts'

// recharts is large: it loads with the charts, after the headline figures are on screen.
const FacilityDashboardCharts = lazy(() => import('./facility-dashboard-charts.tsx'))

function Figure({ label, value, note }: { label: string; value: ReactNode; note?: string }) {
  return (
    <Paper withBorder p="md" radius="sm">
      <Text component="dt" size="sm" fw={700} c="gray.8">
        {label}
      </Text>
      <Text component="dd" m={0} fz={24} fw={700} lh={1.25} style={{ overflowWrap: 'break-word' }}>
        {value}
      </Text>
      {note && (
        <Text component="dd" m={0} size="sm" c="gray.8" mt={4}>
          {note}
        </Text>
      )}
    </Paper>
  )
}

function FeeFigure({ city, facilityId, month }: { city: string; facilityId: string; month: string }) {
  const { t } = useTranslation('waste')
  const fees = useMonthFees(city, facilityId, month)
  const rate = fees.data?.summary.rateByAmount ?? null
  const note = fees.isError
    ? t('dashboard.feeUnavailable')
    : rate === null && fees.isSuccess
      ? t('dashboard.feeNoCharges')
      : t('dashboard.feeNote')
  return (
    <Figure
      label={t('dashboard.feeRate')}
      value={fees.isPending ? '…' : rate === null ? '—' : formatPercent(rate, currentLanguage())}
      note={note}
    />
  )
}

/** /c/:city/waste/facilities/:facilityId/dashboard: what came in and where it went, by day or month. */
export default function FacilityDashboardPage() {
  const { t } = useTranslation('waste')
  const city = useCityParam()
  const facilityId = useParams().facilityId ?? ''
  const language = currentLanguage()
  const workspace = useWorkspace(city)
  const today = todayIn(workspace.data?.city.timezone ?? 'Asia/Jakarta')
  const [span, setSpan] = useState<DashboardSpan>('days30')
  // Two long labels side by side do not fit a 360 px phone: stack them there.
  const isNarrow = useMediaQuery('(max-width: 36em)') ?? false
  const range = dashboardRange(span, today)
  const facility = useFacility(city, facilityId)
  const dashboard = useFacilityDashboard(city, facilityId, range)
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/c/${city}/waste/facilities/${facilityId}`}>
        {t('dashboard.back', { name: facility.data?.name ?? '' })}
      </Anchor>
      <Stack gap={4}>
        <Title order={1}>{t('dashboard.title')}</Title>
        <Text size="lg">
          {facility.data?.name}
          {facility.data?.isSampleData && (
            <>
              {' '}
              <SampleDataBadge />
            </>
          )}
        </Text>
      </Stack>
      <Stack gap={4}>
        <Text component="span" fw={700} id="dashboard-span-label">
          {t('dashboard.span')}
        </Text>
        <SegmentedControl
          aria-labelledby="dashboard-span-label"
          value={span}
          onChange={(value) => setSpan(value as DashboardSpan)}
          data={[
            { value: 'days30', label: t('dashboard.days30') },
            { value: 'months12', label: t('dashboard.months12') },
          ]}
          orientation={isNarrow ? 'vertical' : 'horizontal'}
          maw={520}
          fullWidth
        />
        <Text size="sm" c="gray.8" aria-live="polite">
          {t('dashboard.rangeNote', {
            from: formatDate(range.from, language),
            to: formatDate(range.to, language),
          })}
        </Text>
      </Stack>
      <QueryState query={dashboard}>
        {(data) => (
          <Stack gap="xl">
            <SimpleGrid component="dl" m={0} cols={{ base: 1, xs: 2, xl: 4 }} spacing="sm">
              <Figure label={t('dashboard.cameIn')} value={formatKilograms(data.totals.grams.in, language)} />
              <Figure
                label={t('dashboard.revenue')}
                value={formatRupiah(data.totals.revenueRupiah, language)}
              />
              <Figure
                label={t('dashboard.keptOut')}
                value={
                  data.totals.keptOutOfTpaShare === null
                    ? '—'
                    : formatPercent(data.totals.keptOutOfTpaShare, language)
                }
                note={t(
                  data.totals.keptOutOfTpaShare === null ? 'dashboard.keptOutNone' : 'dashboard.keptOutNote',
                )}
              />
              <FeeFigure city={city} facilityId={facilityId} month={monthOf(today)} />
            </SimpleGrid>
            <Suspense fallback={<PageLoader />}>
              <FacilityDashboardCharts data={data} />
            </Suspense>
          </Stack>
        )}
      </QueryState>
    </Stack>
  )
}
