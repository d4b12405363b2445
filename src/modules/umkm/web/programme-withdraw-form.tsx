import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { ErrorSummary, fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { useOpeningHeading } from '../../../platform/web/ui/use-opening-heading.ts'
import { type Participant, useWithdraw } from './coaching.api.ts'

/** Takes a participant out of the programme from today, with the reason; their history stays. */
export function WithdrawForm({
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
  const { t } = useTranslation('umkm')
  const withdraw = useWithdraw(city, programmeId)
  const key = useRef(newIdempotencyKey())
  const form = `withdraw-${participant.id}`
  const [reason, setReason] = useState('')
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const labels = { reason: t('withdrawal.reason') }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, string> = {}
    if (reason.trim().length < 3) found.reason = t('withdrawal.reasonRequired')
    setClientErrors(found)
    if (Object.keys(found).length > 0) return
    withdraw.mutate(
      { enrolmentId: participant.id, key: key.current, body: { reason: reason.trim() } },
      { onSuccess: onDone },
    )
  }
  const title = t('withdrawal.title', { name: participant.business.name })
  const heading = useOpeningHeading()
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="sm" maw={480}>
        <Title order={3} ref={heading} tabIndex={-1}>
          {title}
        </Title>
        <Text size="sm">{t('withdrawal.lead')}</Text>
        <ErrorSummary form={form} error={withdraw.error} clientErrors={clientErrors} labels={labels} />
        <Textarea
          id={fieldId(form, 'reason')}
          label={labels.reason}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={fieldError(withdraw.error, 'reason', clientErrors)}
        />
        <Group>
          <Button type="submit" color="red" loading={withdraw.isPending}>
            {t('withdrawal.confirm')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('form.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
