import { Button, Stack } from '@mantine/core'
import { type FormEvent, type ReactNode, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { newIdempotencyKey } from '../../../../platform/web/api/client.ts'
import { useCityRegions } from '../../../../platform/web/api/hooks.ts'
import { formatDate, formatKilograms } from '../../../../platform/web/format.ts'
import { currentLanguage } from '../../../../platform/web/i18n/setup.ts'
import { ErrorSummary } from '../../../../platform/web/ui/error-summary.tsx'
import { type Flow, type FlowInput, MassBalanceError, useRecordFlow } from './operator.api.ts'
import { massBalanceMessage, parseMessage, TOUCH, useOperatorSite } from './operator-ui.tsx'
import { isUsableDate, parseKilogramsToGrams } from './quantities.ts'

/**
 * What every ledger task shares: the step in the address (so the phone's back button goes back a
 * step), one idempotency key per entry kept across retries, and a mass-balance refusal turned into
 * plain words next to the weight.
 */
export function useFlowTask() {
  const { t } = useTranslation('waste')
  const site = useOperatorSite()
  const record = useRecordFlow(site.city, site.facilityId)
  const key = useRef(newIdempotencyKey())
  const [params, setParams] = useSearchParams()
  const step = Number(params.get('step')) === 2 ? 2 : 1
  const [saved, setSaved] = useState<Flow | null>(null)
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const [weight, setWeight] = useState('')
  const [date, setDate] = useState(site.today)

  const goTo = (next: 1 | 2) => {
    setClientErrors({})
    record.reset()
    setParams(next === 1 ? {} : { step: String(next) })
  }
  const massBalance =
    record.error instanceof MassBalanceError ? massBalanceMessage(t, record.error.conflict) : undefined

  /** Checks weight and date, then sends; `found` holds the task's own problems. */
  const submit = (build: (weightGrams: number) => FlowInput | null, found: Record<string, string> = {}) => {
    const grams = parseKilogramsToGrams(weight)
    const problems = { ...found }
    const weightProblem = parseMessage(t, grams, 'weight')
    if (weightProblem) problems.weightGrams = weightProblem
    if (!isUsableDate(date, site.today)) problems.date = t('operator.problems.date')
    setClientErrors(problems)
    if (Object.keys(problems).length > 0 || !grams.ok) return
    const body = build(grams.value)
    if (!body) return
    record.mutate(
      { body: { ...body, date }, key: key.current },
      {
        onSuccess: (flow) => {
          setSaved(flow)
          key.current = newIdempotencyKey()
        },
      },
    )
  }

  const again = () => {
    setSaved(null)
    setWeight('')
    goTo(1)
  }

  return {
    ...site,
    step,
    goTo,
    submit,
    saved,
    again,
    weight,
    setWeight,
    date,
    setDate,
    isPending: record.isPending,
    /** A server refusal other than mass balance, for the summary. */
    error: massBalance ? null : record.error,
    clientErrors: massBalance ? { ...clientErrors, weightGrams: massBalance } : clientErrors,
    setClientErrors,
  }
}

/** A step's form: the error summary on top, the fields, then the main button. */
export function TaskForm({
  form,
  error,
  clientErrors,
  labels,
  onSubmit,
  children,
  submitLabel,
  isPending,
}: {
  form: string
  error: unknown
  clientErrors: Record<string, string>
  labels: Record<string, string>
  onSubmit: () => void
  children: ReactNode
  submitLabel: string
  isPending?: boolean
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit()
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <ErrorSummary form={form} error={error} clientErrors={clientErrors} labels={labels} />
        {children}
        <Button type="submit" size="lg" loading={isPending} fullWidth maw={360} style={TOUCH}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  )
}

/** `12,5 kg, 28 Nov 2026` for the confirmation. */
export function useSavedWords() {
  const language = currentLanguage()
  return {
    weight: (grams: number) => formatKilograms(grams, language),
    date: (date: string) => formatDate(date, language),
  }
}

/** Village names by Kemendagri code, for the intake picker and for describing entries. */
export function useVillages(city: string) {
  const { t } = useTranslation('waste')
  const regions = useCityRegions(city)
  const districts = regions.data?.districts ?? []
  const nameOf = new Map<string, string>()
  for (const district of districts)
    for (const village of district.villages) nameOf.set(village.code, village.name)
  const options = districts.map((district) => ({
    group: t('operator.intake.district', { name: district.name }),
    items: district.villages.map((village) => ({
      value: village.code,
      label: `${village.name} (${t(`kind.${village.kind}`, { ns: 'translation', defaultValue: village.kind })})`,
    })),
  }))
  return { options, nameOf, isPending: regions.isPending }
}
