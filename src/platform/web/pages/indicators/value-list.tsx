import { Badge, Group, Stack, Text, VisuallyHidden } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatNumber, formatPeriod } from '../../format.ts'
import { currentLanguage } from '../../i18n/setup.ts'
import { kindOfPeriod } from './indicator-logic.ts'
import type { IndicatorValue } from './indicators-api.ts'

/** `2026`, `Semester 1 2026` or `Mar 2026`. */
export function usePeriodLabel() {
  const { t } = useTranslation()
  const language = currentLanguage()
  return (period: string) => {
    const kind = kindOfPeriod(period)
    if (kind === 'year') return period
    if (kind === 'semester')
      return t('indicators.semester', { n: period.slice(-1), year: period.slice(0, 4) })
    return formatPeriod(period, language)
  }
}

/** "—" for a period without a value: never 0, and said in words to a screen reader. */
export function NoValue() {
  const { t } = useTranslation()
  return (
    <Text span c="gray.7" title={t('indicators.noValue')}>
      <span aria-hidden>—</span>
      <VisuallyHidden>{t('indicators.noValue')}</VisuallyHidden>
    </Text>
  )
}

export function FormattedValue({ value, unit }: { value: number; unit: string }) {
  return (
    <Text span fw={700}>
      {formatNumber(value, currentLanguage(), 2)} {unit}
    </Text>
  )
}

/** Each value of a period with where it came from (computed, imported, typed in) and its source. */
export function ValueList({
  values,
  unit,
  compact = false,
}: {
  values: IndicatorValue[]
  unit: string
  compact?: boolean
}) {
  const { t } = useTranslation()
  if (values.length === 0) return <NoValue />
  return (
    <Stack gap={4}>
      {values.map((value) => (
        <div key={value.id}>
          <Group gap="xs" wrap="wrap">
            <FormattedValue value={value.value} unit={unit} />
            <Badge size="sm" variant="outline" color="gray.8">
              {t(`indicators.provenance.${value.provenance}`)}
            </Badge>
          </Group>
          {!compact && value.sourceNote && (
            <Text size="xs" c="gray.7">
              {t('indicators.source', { note: value.sourceNote })}
            </Text>
          )}
        </div>
      ))}
    </Stack>
  )
}
