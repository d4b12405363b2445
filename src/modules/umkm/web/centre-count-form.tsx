import { Button, Group, Paper, Stack, TextInput } from '@mantine/core'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { requiredMessage } from '../../../platform/web/api/problem.ts'
import { formatNumber } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { ErrorSummary, fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { type Batch, useCountStock } from './centre.api.ts'
import { parseWhole, TOUCH } from './centre-labels.tsx'

/**
 * Stock opname of one batch: the clerk types what is on the shelf. Fewer than the books say is
 * recorded as shrinkage; more is refused (stock only comes in by intake).
 */
export function CountForm({
  city,
  batch,
  today,
  onDone,
}: {
  city: string
  batch: Batch
  today: string
  onDone: (message?: string) => void
}) {
  const { t, i18n } = useTranslation('umkm')
  const language = currentLanguage()
  const form = `count-${batch.id}`
  const count = useCountStock(city)
  const key = useRef(newIdempotencyKey())
  // The form opens above the shelf: take the clerk to it, wherever on the shelf they tapped.
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => {
    input.current?.focus()
  }, [])
  const [values, setValues] = useState({ counted: '', note: '' })
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const labels = { counted: t('centre.count.counted'), note: t('centre.count.note') }
  const errorOf = (name: string) => fieldError(count.error, name, clientErrors)
  const unit = batch.product.unit
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, string> = {}
    const counted = parseWhole(values.counted)
    if (!values.counted.trim()) found.counted = requiredMessage(i18n)
    else if (counted === null) found.counted = t('centre.count.invalid')
    else if (counted > batch.remaining)
      found.counted = t('centre.count.tooMany', { remaining: formatNumber(batch.remaining, language) })
    setClientErrors(found)
    if (Object.keys(found).length > 0 || counted === null) return
    count.mutate(
      {
        batchId: batch.id,
        body: { counted, countedOn: today, note: values.note.trim() || null },
        key: key.current,
      },
      {
        onSuccess: (result) =>
          onDone(
            result.shrinkage === 0
              ? t('centre.count.match', {
                  product: batch.product.name,
                  counted: formatNumber(result.counted, language),
                  unit,
                })
              : t('centre.count.short', {
                  product: batch.product.name,
                  shrinkage: formatNumber(result.shrinkage, language),
                  counted: formatNumber(result.counted, language),
                  unit,
                }),
          ),
      },
    )
  }
  return (
    <Paper
      withBorder
      p="sm"
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={t('centre.count.title', { product: batch.product.name })}
    >
      <Stack gap="sm" maw={520}>
        <ErrorSummary form={form} error={count.error} clientErrors={clientErrors} labels={labels} />
        <TextInput
          id={fieldId(form, 'counted')}
          ref={input}
          label={labels.counted}
          description={t('centre.count.expected', {
            remaining: formatNumber(batch.remaining, language),
            unit,
          })}
          inputMode="numeric"
          autoComplete="off"
          required
          maw={220}
          value={values.counted}
          onChange={(event) => setValues({ ...values, counted: event.currentTarget.value })}
          error={errorOf('counted')}
        />
        <TextInput
          id={fieldId(form, 'note')}
          label={labels.note}
          maxLength={500}
          value={values.note}
          onChange={(event) => setValues({ ...values, note: event.currentTarget.value })}
          error={errorOf('note')}
        />
        <Group>
          <Button type="submit" loading={count.isPending} style={TOUCH}>
            {t('centre.count.save')}
          </Button>
          <Button variant="subtle" onClick={() => onDone()} style={TOUCH}>
            {t('centre.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
