import { Button, Group, Paper, Radio, Stack, TextInput } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { requiredMessage } from '../../../platform/web/api/problem.ts'
import { ErrorSummary, fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { REMOVAL_KINDS, type RemovalKind } from '../domain/centre.ts'
import { type Batch, useRemoveStock } from './centre.api.ts'
import { parseWhole, TOUCH } from './centre-labels.tsx'

/** Takes stock off the shelf without a sale: back to the producer, past its date, or damaged. */
export function RemovalForm({
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
  const form = `removal-${batch.id}`
  const remove = useRemoveStock(city)
  const key = useRef(newIdempotencyKey())
  const expired = batch.daysToExpiry !== null && batch.daysToExpiry < 0
  const [values, setValues] = useState({
    kind: (expired ? 'expired' : 'returned') as RemovalKind,
    // Expired or returned, the whole batch usually leaves the shelf.
    quantity: String(batch.remaining),
    removedOn: today,
    note: '',
  })
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const labels = {
    kind: t('centre.removal.kind'),
    quantity: t('centre.removal.quantity'),
    removedOn: t('centre.removal.removedOn'),
    note: t('centre.removal.note'),
  }
  const errorOf = (name: string) => fieldError(remove.error, name, clientErrors)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, string> = {}
    const quantity = parseWhole(values.quantity)
    if (!values.quantity.trim()) found.quantity = requiredMessage(i18n)
    else if (!quantity) found.quantity = t('centre.intake.quantityInvalid')
    else if (quantity > batch.remaining)
      found.quantity = t('centre.removal.tooMany', { remaining: batch.remaining })
    if (!values.removedOn) found.removedOn = requiredMessage(i18n)
    else if (values.removedOn > today) found.removedOn = t('centre.dateInFuture')
    setClientErrors(found)
    if (Object.keys(found).length > 0 || !quantity) return
    remove.mutate(
      {
        batchId: batch.id,
        body: {
          kind: values.kind,
          quantity,
          removedOn: values.removedOn,
          note: values.note.trim() || null,
        },
        key: key.current,
      },
      {
        onSuccess: () =>
          onDone(
            t('centre.removal.done', {
              quantity,
              unit: batch.product.unit,
              product: batch.product.name,
              kind: t(`centre.removal.kinds.${values.kind}`).toLowerCase(),
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
      aria-label={t('centre.removal.title', { product: batch.product.name })}
    >
      <Stack gap="sm">
        <ErrorSummary form={form} error={remove.error} clientErrors={clientErrors} labels={labels} />
        <Radio.Group
          id={fieldId(form, 'kind')}
          label={labels.kind}
          value={values.kind}
          onChange={(kind) => setValues({ ...values, kind: kind as RemovalKind })}
          error={errorOf('kind')}
        >
          <Stack gap="xs" mt="xs">
            {/* Shrinkage is what a stock count finds missing: it is recorded by Hitung stok, not here. */}
            {REMOVAL_KINDS.filter((kind) => kind !== 'shrinkage').map((kind) => (
              <Radio key={kind} value={kind} label={t(`centre.removal.kinds.${kind}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Group grow align="flex-start">
          <TextInput
            id={fieldId(form, 'quantity')}
            label={labels.quantity}
            description={t('centre.removal.remaining', {
              remaining: batch.remaining,
              unit: batch.product.unit,
            })}
            inputMode="numeric"
            required
            value={values.quantity}
            onChange={(event) => setValues({ ...values, quantity: event.currentTarget.value })}
            error={errorOf('quantity')}
          />
          <TextInput
            id={fieldId(form, 'removedOn')}
            type="date"
            label={labels.removedOn}
            required
            max={today}
            value={values.removedOn}
            onChange={(event) => setValues({ ...values, removedOn: event.currentTarget.value })}
            error={errorOf('removedOn')}
          />
        </Group>
        <TextInput
          id={fieldId(form, 'note')}
          label={labels.note}
          maxLength={500}
          value={values.note}
          onChange={(event) => setValues({ ...values, note: event.currentTarget.value })}
          error={errorOf('note')}
        />
        <Group>
          <Button type="submit" color="red.9" loading={remove.isPending} style={TOUCH}>
            {t('centre.removal.save')}
          </Button>
          <Button variant="subtle" onClick={() => onDone()} style={TOUCH}>
            {t('centre.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
