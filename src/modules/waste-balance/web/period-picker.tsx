import { Group, NativeSelect } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { formatPeriod } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { choiceOf, type PeriodChoice, type PeriodKind, periodOf, todayInZone } from './balance-logic.ts'
import { NS } from './balance-ui.tsx'

const YEARS_BACK = 6

/** The period in the address (`?period=2026-S1`), so a view can be shared and reloaded. */
export function usePeriodParam(timeZone: string): [PeriodChoice, (choice: PeriodChoice) => void] {
  const [params, setParams] = useSearchParams()
  const thisYear = Number(todayInZone(timeZone).slice(0, 4))
  const choice = choiceOf(params.get('period'), thisYear)
  const setChoice = (next: PeriodChoice) =>
    setParams((old) => {
      const updated = new URLSearchParams(old)
      updated.set('period', periodOf(next))
      return updated
    })
  return [choice, setChoice]
}

/** Year, then a whole year, a SIPSN periode (semester) or one month. */
export function PeriodPicker(props: {
  choice: PeriodChoice
  onChange: (choice: PeriodChoice) => void
  timeZone: string
}) {
  const { t } = useTranslation(NS)
  const language = currentLanguage()
  const { choice, onChange } = props
  const thisYear = Number(todayInZone(props.timeZone).slice(0, 4))
  const years = Array.from({ length: YEARS_BACK }, (_, index) => String(thisYear - index))
  const kinds: PeriodKind[] = ['year', 'S1', 'S2', 'month']
  const months = Array.from({ length: 12 }, (_, index) => {
    const month = `${choice.year}-${String(index + 1).padStart(2, '0')}`
    return { value: String(index + 1), label: formatPeriod(month, language) }
  })
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <NativeSelect
        label={t('period.year')}
        value={String(choice.year)}
        data={years.includes(String(choice.year)) ? years : [String(choice.year), ...years]}
        onChange={(event) => onChange({ ...choice, year: Number(event.currentTarget.value) })}
      />
      <NativeSelect
        label={t('period.kind')}
        value={choice.kind}
        data={kinds.map((kind) => ({ value: kind, label: t(`period.kinds.${kind}`) }))}
        onChange={(event) => onChange({ ...choice, kind: event.currentTarget.value as PeriodKind })}
      />
      {choice.kind === 'month' && (
        <NativeSelect
          label={t('period.month')}
          value={String(choice.month)}
          data={months}
          onChange={(event) => onChange({ ...choice, month: Number(event.currentTarget.value) })}
        />
      )}
    </Group>
  )
}
