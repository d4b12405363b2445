import {
  Alert,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { newIdempotencyKey } from '../../../../platform/web/api/client.ts'
import { problemMessage } from '../../../../platform/web/api/problem.ts'
import { formatDate, formatDateTime, formatKilograms, formatRupiah } from '../../../../platform/web/format.ts'
import { currentLanguage } from '../../../../platform/web/i18n/setup.ts'
import { QueryState } from '../../../../platform/web/ui/query-state.tsx'
import { useVillages } from './flow-task.tsx'
import { type FacilityDay, type Flow, useFacilityDay, useFlowsOfDay, useReverseFlow } from './operator.api.ts'
import { TaskLayout, TOUCH, useOperatorSite } from './operator-ui.tsx'
import { isUsableDate } from './quantities.ts'

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" c="gray.8" component="dt">
        {label}
      </Text>
      <Text fw={700} size="xl" component="dd" m={0}>
        {value}
      </Text>
    </Paper>
  )
}

function Totals({ day }: { day: FacilityDay }) {
  const { t } = useTranslation('waste')
  const language = currentLanguage()
  const kg = (grams: number) => formatKilograms(grams, language)
  const lineLabel = (line: FacilityDay['lines'][number]) =>
    line.kind === 'outcome' && line.outcome
      ? `${t(`outcomes.${line.outcome}`)}: ${t(`materials.${line.material}`)}`
      : line.kind === 'transfer'
        ? `${t(`operator.day.transfer.${line.direction}`)}: ${t(`materials.${line.material}`)}`
        : t(`materials.${line.material}`)
  const sections = (['in', 'sorted', 'out'] as const).map((direction) => ({
    direction,
    lines: day.lines.filter((line) => line.direction === direction),
  }))
  return (
    <Stack gap="md">
      <SimpleGrid cols={2} spacing="xs" component="dl" m={0} aria-label={t('operator.day.totals')}>
        <Figure label={t('operator.day.in')} value={kg(day.inGrams)} />
        <Figure label={t('operator.day.sorted')} value={kg(day.sortedGrams)} />
        <Figure label={t('operator.day.out')} value={kg(day.outGrams)} />
        <Figure label={t('operator.day.sales')} value={formatRupiah(day.revenueRupiah, language)} />
      </SimpleGrid>
      {sections.map(
        (section) =>
          section.lines.length > 0 && (
            <Box key={section.direction}>
              <Title order={2} size="h4">
                {t(`operator.day.section.${section.direction}`)}
              </Title>
              <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                {section.lines.map((line) => (
                  <Group
                    component="li"
                    key={`${line.kind}-${line.outcome}-${line.material}`}
                    justify="space-between"
                    py={6}
                    wrap="nowrap"
                    style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
                  >
                    <Text>{lineLabel(line)}</Text>
                    <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {kg(line.grams)}
                      {line.revenueRupiah > 0 ? ` · ${formatRupiah(line.revenueRupiah, language)}` : ''}
                    </Text>
                  </Group>
                ))}
              </Box>
            </Box>
          ),
      )}
      <Box>
        <Title order={2} size="h4">
          {t('operator.day.stock')}
        </Title>
        {day.stockAtEndOfDay.length === 0 ? (
          <Text>{t('operator.day.stockEmpty')}</Text>
        ) : (
          <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {day.stockAtEndOfDay.map((line) => (
              <Group
                component="li"
                key={line.material}
                justify="space-between"
                py={6}
                wrap="nowrap"
                style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
              >
                <Text>{t(`materials.${line.material}`)}</Text>
                <Text fw={600}>{kg(line.grams)}</Text>
              </Group>
            ))}
          </Box>
        )}
      </Box>
    </Stack>
  )
}

/** One entry in words: "Sampah masuk dari Oro-oro Ombo (rumah tangga)". */
function useDescribeFlow(facilityId: string, city: string) {
  const { t, i18n } = useTranslation('waste')
  const villages = useVillages(city)
  const lower = (text: string) => text.toLocaleLowerCase(i18n.language)
  const language = currentLanguage()
  return (flow: Flow): string => {
    const material = lower(
      flow.subMaterial ? t(`subMaterials.${flow.subMaterial}`) : t(`materials.${flow.material}`),
    )
    switch (flow.kind) {
      case 'intake':
        return t('operator.day.entry.intake', {
          village: villages.nameOf.get(flow.fromVillageCode ?? '') ?? flow.fromVillageCode ?? '',
          sector: lower(t(`sectors.${flow.fromSector ?? 'lainnya'}`)),
        })
      case 'sorting':
        return t('operator.day.entry.sorting', { material })
      case 'transfer':
        return flow.fromFacility?.id === facilityId
          ? t('operator.day.entry.transferOut', { material, to: flow.toFacility?.name ?? '' })
          : t('operator.day.entry.transferIn', { material, from: flow.fromFacility?.name ?? '' })
      default:
        return flow.outcome === 'recycled_sold'
          ? t('operator.day.entry.sale', {
              material,
              buyer: flow.buyerName ?? '',
              revenue: formatRupiah(flow.revenueRupiah ?? 0, language),
            })
          : t('operator.day.entry.outcome', {
              outcome: t(`outcomes.${flow.outcome ?? 'composted'}`),
              material,
            })
    }
  }
}

function Entries({ date }: { date: string }) {
  const { t, i18n } = useTranslation('waste')
  const { city, facilityId, timeZone } = useOperatorSite()
  const flows = useFlowsOfDay(city, facilityId, date)
  const reverse = useReverseFlow(city, facilityId)
  const describe = useDescribeFlow(facilityId, city)
  const [confirming, setConfirming] = useState<string | null>(null)
  const keys = useRef(new Map<string, string>())
  const language = currentLanguage()
  const keyFor = (flowId: string) => {
    if (!keys.current.has(flowId)) keys.current.set(flowId, newIdempotencyKey())
    return keys.current.get(flowId) as string
  }
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('operator.day.entries')}
      </Title>
      {reverse.error ? (
        <Alert color="red" role="alert">
          {problemMessage(i18n, reverse.error)}
        </Alert>
      ) : null}
      <QueryState query={flows}>
        {(data) => {
          const reversed = new Set(data.items.map((flow) => flow.reverses).filter(Boolean))
          if (data.items.length === 0) return <Text>{t('operator.day.noEntries')}</Text>
          return (
            <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
              {data.items.map((flow) => {
                const isReversal = Boolean(flow.reverses)
                const isReversed = reversed.has(flow.id)
                return (
                  <Paper component="li" key={flow.id} withBorder p="sm" radius="md">
                    <Group justify="space-between" align="flex-start" wrap="nowrap">
                      <div style={{ minWidth: 0 }}>
                        <Text fw={600} td={isReversed ? 'line-through' : undefined}>
                          {isReversal
                            ? t('operator.day.reversalOf', { entry: describe(flow) })
                            : describe(flow)}
                        </Text>
                        <Text size="sm" c="gray.8">
                          {formatKilograms(flow.weightGrams, language)} ·{' '}
                          {formatDateTime(flow.recordedAt, language, timeZone)}
                        </Text>
                      </div>
                      {isReversal && <Badge color="gray.8">{t('operator.day.reversalBadge')}</Badge>}
                      {isReversed && <Badge color="red.9">{t('operator.day.reversedBadge')}</Badge>}
                    </Group>
                    {!isReversal && !isReversed && confirming !== flow.id && (
                      <Button
                        mt="xs"
                        variant="outline"
                        color="red.9"
                        style={TOUCH}
                        onClick={() => setConfirming(flow.id)}
                        aria-label={t('operator.day.undoLabel', { entry: describe(flow) })}
                      >
                        {t('operator.day.undo')}
                      </Button>
                    )}
                    {confirming === flow.id && (
                      <Stack gap="xs" mt="xs">
                        <Text>{t('operator.day.undoConfirm')}</Text>
                        <Group>
                          <Button
                            color="red.9"
                            style={TOUCH}
                            loading={reverse.isPending}
                            onClick={() =>
                              reverse.mutate(
                                { flowId: flow.id, key: keyFor(flow.id) },
                                { onSuccess: () => setConfirming(null) },
                              )
                            }
                          >
                            {t('operator.day.undoYes')}
                          </Button>
                          <Button variant="default" style={TOUCH} onClick={() => setConfirming(null)}>
                            {t('operator.day.undoNo')}
                          </Button>
                        </Group>
                      </Stack>
                    )}
                  </Paper>
                )
              })}
            </Stack>
          )
        }}
      </QueryState>
    </Stack>
  )
}

/** Ringkasan hari ini: the day's figures, the stock left, and the entries with a way to undo one. */
export default function DayPage() {
  const { t } = useTranslation('waste')
  const { city, facilityId, today } = useOperatorSite()
  const [params, setParams] = useSearchParams()
  const asked = params.get('date') ?? ''
  const date = isUsableDate(asked, today) ? asked : today
  const day = useFacilityDay(city, facilityId, date)
  return (
    <TaskLayout
      title={
        date === today
          ? t('operator.tasks.day')
          : t('operator.day.titleFor', { date: formatDate(date, currentLanguage()) })
      }
    >
      <TextInput
        type="date"
        label={t('operator.day.date')}
        size="lg"
        maw={240}
        max={today}
        value={date}
        onChange={(event) => {
          const next = event.currentTarget.value
          if (isUsableDate(next, today)) setParams(next === today ? {} : { date: next }, { replace: true })
        }}
      />
      <QueryState query={day}>{(data) => <Totals day={data} />}</QueryState>
      <Entries date={date} />
    </TaskLayout>
  )
}
