import { TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { monthOf } from './quantities.ts'

const MONTH = /^\d{4}-\d{2}$/

export interface ChosenMonth {
  /** `YYYY-MM` shown: this month unless another (not in the future) is in the address. */
  period: string
  current: string
  choose(month: string): void
}

/** The month a fees or expenses screen shows, kept in the address so a reload stays on it. */
export function useChosenMonth(today: string): ChosenMonth {
  const [params, setParams] = useSearchParams()
  const current = monthOf(today)
  const asked = params.get('month') ?? ''
  return {
    period: MONTH.test(asked) && asked <= current ? asked : current,
    current,
    choose: (month) => setParams(month === current ? {} : { month }, { replace: true }),
  }
}

export function MonthField({ month }: { month: ChosenMonth }) {
  const { t } = useTranslation('waste')
  return (
    <TextInput
      type="month"
      label={t('operator.fees.month')}
      size="lg"
      maw={240}
      max={month.current}
      value={month.period}
      onChange={(event) => {
        const next = event.currentTarget.value
        if (MONTH.test(next) && next <= month.current) month.choose(next)
      }}
    />
  )
}
