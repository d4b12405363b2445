import { Alert, Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, idempotencyHeaders, newIdempotencyKey, unwrap } from '../../../platform/web/api/client.ts'
import { problemMessage, requiredMessage } from '../../../platform/web/api/problem.ts'
import { formatDate } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { useCityToday } from './centre-labels.tsx'
import { ReasonConfirmForm } from './reason-confirm-form.tsx'
import type { Business } from './umkm.api.ts'

/* Closing a business (tutup usaha) and reopening it, on the business's page. */

const CLOSURE_PATH = '/api/v1/cities/{city}/umkm/businesses/{businessId}/closure'

function useSaved(city: string) {
  const queryClient = useQueryClient()
  return (saved: Business) => {
    queryClient.setQueryData(['umkm', 'business', city, saved.id], saved)
    void queryClient.invalidateQueries({ queryKey: ['umkm', 'businesses', city] })
  }
}

function useCloseBusiness(city: string, businessId: string) {
  const onSuccess = useSaved(city)
  return useMutation({
    mutationFn: ({ body, key }: { body: { closedOn: string; reason: string }; key: string }) =>
      unwrap(
        api.POST(CLOSURE_PATH, {
          params: { path: { city, businessId } },
          body,
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess,
  })
}

function useReopenBusiness(city: string, businessId: string) {
  const onSuccess = useSaved(city)
  return useMutation({
    mutationFn: ({ key }: { key: string }) =>
      unwrap(
        api.DELETE(CLOSURE_PATH, {
          params: { path: { city, businessId } },
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess,
  })
}

/** *Tutup sejak 31 Okt 2025* beside a closed business in the list. */
export function ClosedBadge({ closedOn }: { closedOn: string }) {
  const { t } = useTranslation('umkm')
  return (
    <Badge color="gray.8" variant="outline">
      {t('closure.badge', { date: formatDate(closedOn, currentLanguage()) })}
    </Badge>
  )
}

/** The day (today in the city by default, never later) and the reason; the list then shows it as closed. */
function CloseForm({ city, business, onDone }: { city: string; business: Business; onDone: () => void }) {
  const { t, i18n } = useTranslation('umkm')
  const close = useCloseBusiness(city, business.id)
  const { today } = useCityToday(city)
  const key = useRef(newIdempotencyKey())
  const form = 'closure'
  const [values, setValues] = useState({ closedOn: today, reason: '' })
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const labels = { closedOn: t('closure.closedOn'), reason: t('closure.reason') }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, string> = {}
    if (!values.closedOn) found.closedOn = requiredMessage(i18n)
    else if (values.closedOn > today) found.closedOn = t('closure.notInFuture')
    const reason = values.reason.trim()
    if (reason.length < 3 || reason.length > 300) found.reason = t('closure.reasonRequired')
    setClientErrors(found)
    if (Object.keys(found).length > 0) return
    close.mutate({ key: key.current, body: { closedOn: values.closedOn, reason } }, { onSuccess: onDone })
  }
  return (
    <ReasonConfirmForm
      form={form}
      title={t('closure.title', { name: business.name })}
      lead={t('closure.lead')}
      labels={labels}
      reason={values.reason}
      onReasonChange={(reason) => setValues({ ...values, reason })}
      reasonHint={t('closure.reasonHint')}
      reasonMaxLength={300}
      error={close.error}
      clientErrors={clientErrors}
      confirm={t('closure.confirm')}
      pending={close.isPending}
      onSubmit={submit}
      onCancel={onDone}
    >
      <TextInput
        id={fieldId(form, 'closedOn')}
        type="date"
        label={labels.closedOn}
        required
        max={today}
        value={values.closedOn}
        onChange={(event) => setValues({ ...values, closedOn: event.currentTarget.value })}
        error={fieldError(close.error, 'closedOn', clientErrors)}
      />
    </ReasonConfirmForm>
  )
}

/**
 * A closed business says so at the top (*Tutup sejak …* with the reason) and staff may reopen it;
 * one in operation offers staff the closing form.
 */
export function BusinessClosure({
  city,
  business,
  canEdit,
}: {
  city: string
  business: Business
  canEdit: boolean
}) {
  const { t, i18n } = useTranslation('umkm')
  const language = currentLanguage()
  const [closing, setClosing] = useState(false)
  const reopen = useReopenBusiness(city, business.id)
  const reopenKey = useRef(newIdempotencyKey())
  if (business.closedOn !== null) {
    return (
      <Alert
        color="red"
        variant="outline"
        title={t('closure.closedSince', { date: formatDate(business.closedOn, language) })}
      >
        <Stack gap="xs">
          <Text size="sm">{t('closure.reasonShown', { reason: business.closureReason ?? '' })}</Text>
          <Text size="sm">{t('closure.closedNote')}</Text>
          {reopen.error && (
            <Text size="sm" c="red.9" role="alert">
              {problemMessage(i18n, reopen.error)}
            </Text>
          )}
          {canEdit && (
            <Group>
              <Button
                variant="default"
                loading={reopen.isPending}
                onClick={() =>
                  reopen.mutate(
                    { key: reopenKey.current },
                    // A later closure and reopening is a new request, not a replay of this one.
                    { onSuccess: () => (reopenKey.current = newIdempotencyKey()) },
                  )
                }
              >
                {t('closure.reopen')}
              </Button>
            </Group>
          )}
        </Stack>
      </Alert>
    )
  }
  if (!canEdit) return null
  return closing ? (
    <CloseForm city={city} business={business} onDone={() => setClosing(false)} />
  ) : (
    <Group>
      <Button variant="default" onClick={() => setClosing(true)}>
        {t('closure.open')}
      </Button>
    </Group>
  )
}
