import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { type Participant, useWithdraw } from './coaching.api.ts'
import { ReasonConfirmForm } from './reason-confirm-form.tsx'

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
  return (
    <ReasonConfirmForm
      form={form}
      title={t('withdrawal.title', { name: participant.business.name })}
      lead={t('withdrawal.lead')}
      labels={labels}
      reason={reason}
      onReasonChange={setReason}
      error={withdraw.error}
      clientErrors={clientErrors}
      confirm={t('withdrawal.confirm')}
      pending={withdraw.isPending}
      onSubmit={submit}
      onCancel={onDone}
    />
  )
}
