import { Anchor, Checkbox, Stack, Text, Title } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { ApiError, requiredMessage } from '../../../platform/web/api/problem.ts'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { ErrorSummary, fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { kilogramsToGrams, tonnesToGrams } from './balance-logic.ts'
import { NS, useCanWriteBalance } from './balance-ui.tsx'
import { FormButtons, NumberField, TextField, toNumber } from './form-parts.tsx'
import { type Estimate, type EstimateInput, useEstimates, useSaveEstimate } from './waste-balance.api.ts'
import type { SavedState } from './waste-balance-page.tsx'

const FORM = 'estimate'
const NUMBERS = [
  'population',
  'gramsPerCapitaDay',
  'nonHouseholdGramsPerDay',
  'touristVisits',
  'gramsPerVisit',
] as const
const TEXTS = ['populationSource', 'rateSource', 'nonHouseholdSource', 'touristVisitsSource'] as const
type NumberName = (typeof NUMBERS)[number]
type TextName = (typeof TEXTS)[number]
type Values = Record<NumberName, number | string> & Record<TextName, string>

/** People type kilograms and tonnes; the fields keep the API's names so its errors land next to them. */
function initialValues(estimate: Estimate | undefined): Values {
  return {
    population: estimate?.population ?? '',
    gramsPerCapitaDay: estimate ? estimate.gramsPerCapitaDay / 1000 : '',
    nonHouseholdGramsPerDay: estimate ? estimate.nonHouseholdGramsPerDay / 1_000_000 : '',
    touristVisits: estimate?.touristVisits ?? '',
    gramsPerVisit: estimate ? estimate.gramsPerVisit / 1000 : '',
    populationSource: estimate?.populationSource ?? '',
    rateSource: estimate?.rateSource ?? '',
    nonHouseholdSource: estimate?.nonHouseholdSource ?? '',
    touristVisitsSource: estimate?.touristVisitsSource ?? '',
  }
}

function bodyOf(values: Values, confirmUnusualRate: boolean): EstimateInput {
  const number = (name: NumberName) => toNumber(values[name]) ?? 0
  return {
    population: Math.round(number('population')),
    populationSource: values.populationSource.trim(),
    gramsPerCapitaDay: kilogramsToGrams(number('gramsPerCapitaDay')),
    rateSource: values.rateSource.trim(),
    confirmUnusualRate,
    nonHouseholdGramsPerDay: tonnesToGrams(number('nonHouseholdGramsPerDay')),
    nonHouseholdSource: values.nonHouseholdSource.trim() || null,
    touristVisits: Math.round(number('touristVisits')),
    touristVisitsSource: values.touristVisitsSource.trim() || null,
    gramsPerVisit: kilogramsToGrams(number('gramsPerVisit')),
  }
}

function isUnusualRate(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.fieldProblems.some((problem) => problem.code === 'balance.rate_unusual')
  )
}

function EstimateForm({ city, year, estimate }: { city: string; year: number; estimate?: Estimate }) {
  const { t, i18n } = useTranslation(NS)
  const navigate = useNavigate()
  const save = useSaveEstimate(city)
  const [values, setValues] = useState(() => initialValues(estimate))
  const [confirm, setConfirm] = useState(false)
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const key = useRef(newIdempotencyKey())
  const showConfirm = isUnusualRate(save.error) || confirm
  const labels = Object.fromEntries(
    [...NUMBERS, ...TEXTS, 'confirmUnusualRate'].map((name) => [name, t(`estimate.${name}`)]),
  )
  const set = (name: keyof Values, value: number | string) => setValues((old) => ({ ...old, [name]: value }))
  const errorOf = (name: string) => fieldError(save.error, name, clientErrors)
  const number = (name: NumberName, decimals = 0) => (
    <NumberField
      form={FORM}
      name={name}
      label={labels[name]!}
      hint={t(`estimate.hints.${name}`)}
      required
      decimals={decimals}
      value={values[name]}
      onChange={(value) => set(name, value)}
      error={errorOf(name)}
    />
  )
  const text = (name: TextName, required = false) => (
    <TextField
      form={FORM}
      name={name}
      label={labels[name]!}
      required={required}
      value={values[name]}
      onChange={(value) => set(name, value)}
      error={errorOf(name)}
    />
  )

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, string> = {}
    for (const name of NUMBERS) if (toNumber(values[name]) === null) found[name] = requiredMessage(i18n)
    for (const name of ['populationSource', 'rateSource'] as const) {
      if (values[name].trim().length < 2) found[name] = requiredMessage(i18n)
    }
    setClientErrors(found)
    if (Object.keys(found).length > 0) return
    save.mutate(
      { year, body: bodyOf(values, confirm), key: key.current },
      {
        onSuccess: () => {
          const state: SavedState = { saved: 'estimate' }
          void navigate(`/c/${city}/waste-balance?period=${year}`, { state })
        },
        // A refused attempt is over: the corrected form is a new submission with a new key.
        onError: () => (key.current = newIdempotencyKey()),
      },
    )
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={560}>
        <ErrorSummary form={FORM} error={save.error} clientErrors={clientErrors} labels={labels} />
        {number('population')}
        {text('populationSource', true)}
        {number('gramsPerCapitaDay', 3)}
        {showConfirm && (
          <Checkbox
            id={fieldId(FORM, 'confirmUnusualRate')}
            label={labels.confirmUnusualRate}
            checked={confirm}
            onChange={(event) => setConfirm(event.currentTarget.checked)}
          />
        )}
        {text('rateSource', true)}
        {number('nonHouseholdGramsPerDay', 3)}
        {text('nonHouseholdSource')}
        {number('touristVisits')}
        {text('touristVisitsSource')}
        {number('gramsPerVisit', 3)}
        <FormButtons city={city} isPending={save.isPending} />
      </Stack>
    </form>
  )
}

/** /c/:city/waste-balance/estimates/:year: the inputs of a year's timbulan estimate, with sources. */
export default function EstimatePage() {
  const { t } = useTranslation(NS)
  const city = useCityParam()
  const year = Number(useParams().year)
  const estimates = useEstimates(city)
  const canWrite = useCanWriteBalance(city)
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/c/${city}/waste-balance?period=${year}`}>
        {t('form.back')}
      </Anchor>
      <Title order={1}>{t('estimate.title', { year })}</Title>
      <Text maw={640}>{t('estimate.lead')}</Text>
      {!canWrite ? (
        <Text>{t('form.noPermission')}</Text>
      ) : (
        <QueryState query={estimates}>
          {(list) => (
            <EstimateForm city={city} year={year} estimate={list.find((row) => row.year === year)} />
          )}
        </QueryState>
      )}
    </Stack>
  )
}
