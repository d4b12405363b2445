import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { ErrorSummary, fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { type Sale, useVoidSale } from './centre.api.ts'
import { TOUCH } from './centre-labels.tsx'

const REASON_MIN = 3
const REASON_MAX = 300

/**
 * Voids a sale made in error, with the reason written down. The sale stays on record, marked void;
 * the server refuses once the sale's month is settled for any producer in it.
 */
export function VoidForm({
  city,
  sale,
  onDone,
}: {
  city: string
  sale: Sale
  onDone: (voided?: Sale) => void
}) {
  const { t } = useTranslation('umkm')
  const form = `void-${sale.id}`
  const voidSale = useVoidSale(city)
  // One key for this form: a double tap or a retry after a lost answer voids once.
  const key = useRef(newIdempotencyKey())
  const [reason, setReason] = useState('')
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const labels = { reason: t('centre.receipt.voidReason') }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const trimmed = reason.trim().replace(/\s+/g, ' ')
    const found: Record<string, string> = {}
    if (trimmed.length < REASON_MIN || trimmed.length > REASON_MAX)
      found.reason = t('centre.receipt.voidReasonInvalid')
    setClientErrors(found)
    if (Object.keys(found).length > 0) return
    voidSale.mutate({ saleId: sale.id, body: { reason: trimmed }, key: key.current }, { onSuccess: onDone })
  }
  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} noValidate aria-labelledby={`${form}-title`}>
      <Stack gap="sm" maw={520}>
        <Title order={2} size="h3" id={`${form}-title`}>
          {t('centre.receipt.voidTitle')}
        </Title>
        <Text size="sm">{t('centre.receipt.voidLead')}</Text>
        <ErrorSummary form={form} error={voidSale.error} clientErrors={clientErrors} labels={labels} />
        <Textarea
          id={fieldId(form, 'reason')}
          label={labels.reason}
          description={t('centre.receipt.voidReasonHint')}
          required
          autosize
          minRows={2}
          maxLength={REASON_MAX}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={fieldError(voidSale.error, 'reason', clientErrors)}
        />
        <Group>
          <Button type="submit" color="red.9" style={TOUCH} loading={voidSale.isPending}>
            {t('centre.receipt.voidConfirm')}
          </Button>
          <Button variant="subtle" style={TOUCH} onClick={() => onDone()} disabled={voidSale.isPending}>
            {t('centre.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
