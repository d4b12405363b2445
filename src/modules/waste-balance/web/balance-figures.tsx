import { Box, List, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { ExceedsWarning, Figure, formatShare, formatTonnes, NS, ShareFigure } from './balance-ui.tsx'
import type { CityBalance } from './waste-balance.api.ts'

type Estimate = NonNullable<CityBalance['estimate']>
type ProgressFigures = NonNullable<CityBalance['targets']['reduction']>

function TimbulanFigure({ balance }: { balance: CityBalance }) {
  const { t } = useTranslation(NS)
  const language = currentLanguage()
  const inPeriod = balance.estimate?.inPeriod
  if (!balance.estimate || !inPeriod) {
    return (
      <Figure
        label={t('figures.timbulan')}
        value="—"
        note={t('figures.noEstimate', { year: balance.period.year })}
      />
    )
  }
  return (
    <Figure
      label={t('figures.timbulan')}
      value={t('figures.perDay', { value: formatTonnes(inPeriod.perDay, language) })}
      note={t('figures.timbulanPeriod', {
        value: formatTonnes(inPeriod.total, language),
        days: formatNumber(inPeriod.days, language),
      })}
    />
  )
}

/** How A was estimated: every input with its source, so anyone can redo the sum. */
export function EstimateMethod({ estimate }: { estimate: Estimate }) {
  const { t } = useTranslation(NS)
  const language = currentLanguage()
  const kg = (grams: number) => formatNumber(grams / 1000, language, 3)
  const perDay = (grams: number) => formatTonnes(grams, language)
  const noSource = t('method.noSource')
  return (
    <section aria-labelledby="method-title">
      <Title order={2} size="h3" id="method-title" mb="xs">
        {t('method.title', { year: estimate.year })}
      </Title>
      <Text size="sm" mb="xs">
        {t('method.lead')}
      </Text>
      <List spacing="xs">
        <List.Item>
          {t('method.household', {
            population: formatNumber(estimate.population, language),
            rate: kg(estimate.gramsPerCapitaDay),
            perDay: perDay(estimate.perDay.household),
          })}
          <Text size="sm" c="gray.8">
            {t('method.source', { source: `${estimate.populationSource}; ${estimate.rateSource}` })}
            {estimate.rateConfirmed ? ` ${t('method.rateConfirmed')}` : ''}
          </Text>
        </List.Item>
        <List.Item>
          {t('method.nonHousehold', { perDay: perDay(estimate.perDay.nonHousehold) })}
          <Text size="sm" c="gray.8">
            {t('method.source', { source: estimate.nonHouseholdSource ?? noSource })}
          </Text>
        </List.Item>
        <List.Item>
          {t('method.tourists', {
            visits: formatNumber(estimate.touristVisits, language),
            rate: kg(estimate.gramsPerVisit),
            perDay: perDay(estimate.perDay.tourists),
          })}
          <Text size="sm" c="gray.8">
            {t('method.source', { source: estimate.touristVisitsSource ?? noSource })}
          </Text>
        </List.Item>
      </List>
      <Text mt="xs" fw={700}>
        {t('method.total', {
          perDay: perDay(estimate.perDay.total),
          perYear: formatTonnes(estimate.perYearGrams, language),
        })}
      </Text>
    </section>
  )
}

export function BalanceFigures({ balance }: { balance: CityBalance }) {
  const { t } = useTranslation(NS)
  const { figures } = balance
  const { percent } = figures
  return (
    <Stack gap="md">
      {figures.exceedsEstimate && <ExceedsWarning />}
      <SimpleGrid component="dl" m={0} cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm">
        <TimbulanFigure balance={balance} />
        <ShareFigure
          label={t('figures.reduction')}
          percent={percent.reduction}
          grams={figures.reduction}
          note={t('figures.reductionNote')}
        />
        <ShareFigure
          label={t('figures.handling')}
          percent={percent.handling}
          grams={figures.handling}
          note={t('figures.handlingNote')}
        />
        <ShareFigure
          label={t('figures.handlingControlled')}
          percent={percent.handlingControlled}
          grams={figures.handlingControlled}
          note={t('figures.handlingControlledNote')}
        />
        <ShareFigure
          label={t('figures.managed')}
          percent={percent.managed}
          grams={figures.managed}
          note={t('figures.managedNote')}
        />
        <ShareFigure
          label={t('figures.unmanaged')}
          percent={percent.unmanaged}
          grams={figures.unmanaged}
          note={t('figures.unmanagedNote')}
        />
        <ShareFigure
          label={t('figures.recyclingRate')}
          percent={percent.recyclingRate}
          grams={figures.recycled + figures.feedstock}
          note={t('figures.recyclingRateNote')}
        />
        <ShareFigure label={t('figures.sdg')} percent={percent.sdg1161} note={t('figures.sdgNote')} />
      </SimpleGrid>
    </Stack>
  )
}

function ProgressLine({ label, progress }: { label: string; progress: ProgressFigures }) {
  const { t } = useTranslation(NS)
  const language = currentLanguage()
  const target = formatShare(progress.targetPercent, language)
  const actual = progress.actualPercent
  const gap = progress.gapPoints
  const status =
    actual === null || gap === null
      ? t('targets.noActual', { target })
      : t(progress.met ? 'targets.met' : 'targets.short', {
          actual: formatShare(actual, language),
          target,
          points: formatNumber(Math.abs(gap), language, 2),
        })
  const filled = actual === null ? 0 : Math.min(100, (actual / Math.max(progress.targetPercent, 0.01)) * 100)
  return (
    <Box>
      <Text fw={700}>{label}</Text>
      <Text size="sm">{status}</Text>
      {/* The sentence above says it all; the bar is for the eye only. */}
      <Box aria-hidden="true" mt={4} maw={480}>
        <Progress value={filled} color={progress.met ? 'teal.8' : 'orange.8'} size="lg" />
      </Box>
    </Box>
  )
}

/** Capaian against the Jakstrada target of the year, saying whose target it is. */
export function TargetProgress({ balance }: { balance: CityBalance }) {
  const { t } = useTranslation(NS)
  const { target, reduction, handling } = balance.targets
  return (
    <Paper component="section" withBorder p="md" radius="sm" aria-labelledby="targets-title">
      <Title order={2} size="h3" id="targets-title" mb="xs">
        {t('targets.title', { year: balance.period.year })}
      </Title>
      {!target ? (
        <Text>{t('targets.none', { year: balance.period.year })}</Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            {target.origin === 'city'
              ? t('targets.originCity', { source: target.source })
              : t('targets.originNational', { source: target.source })}
          </Text>
          {reduction && <ProgressLine label={t('targets.reduction')} progress={reduction} />}
          {handling && <ProgressLine label={t('targets.handling')} progress={handling} />}
        </Stack>
      )}
    </Paper>
  )
}
