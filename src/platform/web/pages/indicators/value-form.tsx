import { Button, Group, NativeSelect, Stack, Textarea, TextInput, Title } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../api/client.ts'
import { requiredMessage } from '../../api/problem.ts'
import { useCityParam } from '../../layout/city-shell.tsx'
import { ErrorSummary, fieldError, fieldId } from '../../ui/error-summary.tsx'
import { useOpeningHeading } from '../../ui/use-opening-heading.ts'
import { type PeriodKind, parseIndicatorNumber, periodsOfYear } from './indicator-logic.ts'
import type { Indicator } from './indicators-api.ts'
import { useRecordManualValue } from './indicators-api.ts'
import { usePeriodLabel } from './value-list.tsx'

/**
 * "Masukkan nilai": a figure typed in by hand for one period of the year, with its source. The
 * server keeps it beside computed and imported values, never over them.
 */
export function ValueForm(props: { indicator: Indicator; name: string; year: number; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const record = useRecordManualValue(useCityParam())
  const heading = useOpeningHeading()
  const periodLabel = usePeriodLabel()
  const periods = periodsOfYear(props.year, props.indicator.periodKind as PeriodKind)
  const [values, setValues] = useState({ period: periods[0]!, value: '', sourceNote: '' })
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const key = useRef(newIdempotencyKey())
  const form = `indicator-${props.indicator.code}`
  const labels = {
    period: t('indicators.period'),
    value: t('indicators.valueIn', { unit: props.indicator.unit }),
    sourceNote: t('indicators.sourceNote'),
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, string> = {}
    const number = parseIndicatorNumber(values.value)
    if (!values.value.trim()) found.value = requiredMessage(i18n)
    else if (number === null) found.value = t('indicators.notANumber')
    if (!values.sourceNote.trim()) found.sourceNote = requiredMessage(i18n)
    setClientErrors(found)
    if (Object.keys(found).length > 0 || number === null) return
    record.mutate(
      {
        code: props.indicator.code,
        period: values.period,
        value: number,
        sourceNote: values.sourceNote,
        key: key.current,
      },
      {
        onSuccess: () => {
          key.current = newIdempotencyKey()
          props.onClose()
        },
      },
    )
  }
  const error = (name: string) => fieldError(record.error, name, clientErrors)
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={4} ref={heading} tabIndex={-1}>
          {t('indicators.enterTitle', { name: props.name })}
        </Title>
        <ErrorSummary form={form} error={record.error} clientErrors={clientErrors} labels={labels} />
        <NativeSelect
          id={fieldId(form, 'period')}
          label={labels.period}
          data={periods.map((period) => ({ value: period, label: periodLabel(period) }))}
          value={values.period}
          onChange={(event) => setValues({ ...values, period: event.currentTarget.value })}
          error={error('period')}
        />
        <TextInput
          id={fieldId(form, 'value')}
          label={labels.value}
          description={t('indicators.valueHint')}
          inputMode="decimal"
          required
          value={values.value}
          onChange={(event) => setValues({ ...values, value: event.currentTarget.value })}
          error={error('value')}
        />
        <Textarea
          id={fieldId(form, 'sourceNote')}
          label={labels.sourceNote}
          description={t('indicators.sourceHint')}
          required
          autosize
          minRows={2}
          value={values.sourceNote}
          onChange={(event) => setValues({ ...values, sourceNote: event.currentTarget.value })}
          error={error('sourceNote')}
        />
        <Group gap="sm">
          <Button type="submit" loading={record.isPending}>
            {t('indicators.save')}
          </Button>
          <Button variant="default" onClick={props.onClose}>
            {t('indicators.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
