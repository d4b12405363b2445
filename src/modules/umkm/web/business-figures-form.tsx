import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { requiredMessage } from '../../../platform/web/api/problem.ts'
import { parseOptionalWhole } from '../../../platform/web/parse-number.ts'
import { ErrorSummary, fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { useOpeningHeading } from '../../../platform/web/ui/use-opening-heading.ts'
import { useCityToday } from './centre-labels.tsx'
import { type Business, useAddFigures } from './umkm.api.ts'

const NUMBERS = ['capitalRupiah', 'annualSalesRupiah', 'assetsRupiah', 'workers'] as const
type NumberName = (typeof NUMBERS)[number]

/**
 * A new dated figures record. The history is append-only: a correction is a newer record, so the
 * form starts empty rather than prefilled, and an empty field stays unknown, never 0.
 */
export function FiguresForm({
  city,
  business,
  onDone,
}: {
  city: string
  business: Business
  onDone: (saved: boolean) => void
}) {
  const { t, i18n } = useTranslation('umkm')
  const add = useAddFigures(city, business.id)
  const { today } = useCityToday(city)
  const key = useRef(newIdempotencyKey())
  const form = 'figures'
  const [values, setValues] = useState({
    asOf: today,
    capitalRupiah: '',
    annualSalesRupiah: '',
    assetsRupiah: '',
    workers: '',
    sourceNote: '',
  })
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const labels = {
    asOf: t('scales.asOf'),
    capitalRupiah: t('scales.capital'),
    annualSalesRupiah: t('scales.sales'),
    assetsRupiah: t('scales.assets'),
    workers: t('scales.workers'),
    sourceNote: t('scales.source'),
  }
  const errorOf = (name: string) => fieldError(add.error, name, clientErrors)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, string> = {}
    if (!values.asOf) found.asOf = requiredMessage(i18n)
    if (values.sourceNote.trim().length < 3) found.sourceNote = t('figuresForm.sourceRequired')
    const numbers: Partial<Record<NumberName, number | null>> = {}
    for (const name of NUMBERS) {
      const value = parseOptionalWhole(values[name])
      if (value === 'invalid') found[name] = t('form.notANumber')
      else numbers[name] = value
    }
    setClientErrors(found)
    if (Object.keys(found).length > 0) return
    add.mutate(
      { key: key.current, body: { asOf: values.asOf, sourceNote: values.sourceNote.trim(), ...numbers } },
      { onSuccess: () => onDone(true) },
    )
  }
  const number = (name: NumberName, hint?: string) => (
    <TextInput
      id={fieldId(form, name)}
      label={labels[name]}
      description={hint}
      inputMode="numeric"
      value={values[name]}
      onChange={(event) => setValues({ ...values, [name]: event.currentTarget.value })}
      error={errorOf(name)}
    />
  )
  const heading = useOpeningHeading()
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={t('figuresForm.title')}
    >
      <Stack gap="sm" maw={480}>
        <Title order={3} ref={heading} tabIndex={-1}>
          {t('figuresForm.title')}
        </Title>
        <Text size="sm">{t('figuresForm.lead')}</Text>
        <ErrorSummary form={form} error={add.error} clientErrors={clientErrors} labels={labels} />
        <TextInput
          id={fieldId(form, 'asOf')}
          type="date"
          label={labels.asOf}
          required
          max={today}
          value={values.asOf}
          onChange={(event) => setValues({ ...values, asOf: event.currentTarget.value })}
          error={errorOf('asOf')}
        />
        {number('capitalRupiah', t('figuresForm.capitalHint'))}
        {number('annualSalesRupiah', t('figuresForm.salesHint'))}
        {number('assetsRupiah', t('figuresForm.assetsHint'))}
        {number('workers')}
        <TextInput
          id={fieldId(form, 'sourceNote')}
          label={labels.sourceNote}
          description={t('figuresForm.sourceHint')}
          required
          value={values.sourceNote}
          onChange={(event) => setValues({ ...values, sourceNote: event.currentTarget.value })}
          error={errorOf('sourceNote')}
        />
        <Group>
          <Button type="submit" loading={add.isPending}>
            {t('figuresForm.save')}
          </Button>
          <Button variant="subtle" onClick={() => onDone(false)}>
            {t('form.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
