import { Button, Group, NativeSelect, Paper, Stack, TextInput, Title } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { requiredMessage } from '../../../platform/web/api/problem.ts'
import { parseOptionalWhole } from '../../../platform/web/parse-number.ts'
import { ErrorSummary, fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { useOpeningHeading } from '../../../platform/web/ui/use-opening-heading.ts'
import { type OutcomeStage, type Participant, useRecordOutcome } from './coaching.api.ts'

type NumberName = 'annualSalesRupiah' | 'workers' | 'certificates'
const NUMBERS: NumberName[] = ['annualSalesRupiah', 'workers', 'certificates']

function valuesOf(participant: Participant, stage: OutcomeStage) {
  const record = participant[stage]
  const text = (value: number | null | undefined) =>
    value === null || value === undefined ? '' : String(value)
  return {
    stage,
    asOf: '',
    annualSalesRupiah: text(record?.annualSalesRupiah),
    workers: text(record?.workers),
    certificates: text(record?.certificates),
    sellsOnline: record?.sellsOnline === true ? 'yes' : record?.sellsOnline === false ? 'no' : '',
  }
}

/** Checked before sending, so 'invalid' never reaches the body. */
const whole = (text: string) => {
  const value = parseOptionalWhole(text)
  return value === 'invalid' ? null : value
}

/** A participant's figures before or after the programme; an empty field stays unknown, not 0. */
export function OutcomeForm({
  city,
  programmeId,
  participant,
  onDone,
}: {
  city: string
  programmeId: string
  participant: Participant
  onDone: () => void
}) {
  const { t, i18n } = useTranslation('umkm')
  const record = useRecordOutcome(city, programmeId)
  const key = useRef(newIdempotencyKey())
  const form = `outcome-${participant.id}`
  const [values, setValues] = useState(() => valuesOf(participant, participant.before ? 'after' : 'before'))
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const labels = {
    stage: t('outcomes.stage'),
    asOf: t('outcomes.asOf'),
    annualSalesRupiah: t('outcomes.annualSalesRupiah'),
    workers: t('outcomes.workers'),
    certificates: t('outcomes.certificates'),
    sellsOnline: t('outcomes.sellsOnline'),
  }
  const errorOf = (name: string) => fieldError(record.error, name, clientErrors)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, string> = {}
    if (!values.asOf) found.asOf = requiredMessage(i18n)
    for (const name of NUMBERS) {
      if (parseOptionalWhole(values[name]) === 'invalid') found[name] = t('form.notANumber')
    }
    setClientErrors(found)
    if (Object.keys(found).length > 0) return
    record.mutate(
      {
        enrolmentId: participant.id,
        stage: values.stage,
        key: key.current,
        body: {
          asOf: values.asOf,
          annualSalesRupiah: whole(values.annualSalesRupiah),
          workers: whole(values.workers),
          certificates: whole(values.certificates),
          sellsOnline: values.sellsOnline === '' ? null : values.sellsOnline === 'yes',
        },
      },
      { onSuccess: onDone },
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
  const title = t('outcomes.formTitle', { name: participant.business.name })
  const heading = useOpeningHeading()
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="sm" maw={480}>
        <Title order={3} ref={heading} tabIndex={-1}>
          {title}
        </Title>
        <ErrorSummary form={form} error={record.error} clientErrors={clientErrors} labels={labels} />
        <NativeSelect
          id={fieldId(form, 'stage')}
          label={labels.stage}
          value={values.stage}
          onChange={(event) => {
            // Another stage: a fresh attempt, prefilled with what is recorded for it.
            key.current = newIdempotencyKey()
            setValues(valuesOf(participant, event.currentTarget.value as OutcomeStage))
          }}
          data={(['before', 'after'] as const).map((stage) => ({
            value: stage,
            label: t(`outcomes.stages.${stage}`),
          }))}
        />
        <TextInput
          id={fieldId(form, 'asOf')}
          type="date"
          label={labels.asOf}
          required
          value={values.asOf}
          onChange={(event) => setValues({ ...values, asOf: event.currentTarget.value })}
          error={errorOf('asOf')}
        />
        {number('annualSalesRupiah', t('outcomes.annualSalesHint'))}
        {number('workers')}
        {number('certificates', t('outcomes.certificatesHint'))}
        <NativeSelect
          id={fieldId(form, 'sellsOnline')}
          label={labels.sellsOnline}
          value={values.sellsOnline}
          onChange={(event) => setValues({ ...values, sellsOnline: event.currentTarget.value })}
          data={[
            { value: '', label: t('outcomes.unknown') },
            { value: 'yes', label: t('outcomes.yes') },
            { value: 'no', label: t('outcomes.no') },
          ]}
          error={errorOf('sellsOnline')}
        />
        <Group>
          <Button type="submit" loading={record.isPending}>
            {t('outcomes.save')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('form.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
