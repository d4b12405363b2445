import { Alert, Checkbox, Paper, Progress, Stack, Text, TextInput, Title } from '@mantine/core'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../../../platform/web/api/client.ts'
import { problemMessage, requiredMessage } from '../../../../platform/web/api/problem.ts'
import { formatNumber, formatRupiah } from '../../../../platform/web/format.ts'
import { currentLanguage } from '../../../../platform/web/i18n/setup.ts'
import { fieldError, fieldId } from '../../../../platform/web/ui/error-summary.tsx'
import { QueryState } from '../../../../platform/web/ui/query-state.tsx'
import { TaskForm } from './flow-task.tsx'
import { MonthField, useChosenMonth } from './month-field.tsx'
import { type MonthFees, useAddHousehold, useMonthFees, useSetFeePaid } from './operator.api.ts'
import { parseMessage, RupiahField, TaskLayout, useOperatorSite } from './operator-ui.tsx'
import { monthOf, parseRupiah } from './quantities.ts'

const FORM = 'household'

function Collection({ fees }: { fees: MonthFees }) {
  const { t } = useTranslation('waste')
  const language = currentLanguage()
  const { summary } = fees
  const rate = summary.rateByHouseholds ?? 0
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Text fw={700} size="lg">
          {t('operator.fees.paidHouseholds', {
            paid: formatNumber(summary.paidHouseholds, language),
            total: formatNumber(summary.households, language),
            rate: formatNumber(rate * 100, language, 0),
          })}
        </Text>
        <Progress value={rate * 100} color="teal.8" size="lg" aria-hidden />
        <Text>
          {t('operator.fees.paidAmount', {
            paid: formatRupiah(summary.paidRupiah, language),
            charged: formatRupiah(summary.chargedRupiah, language),
          })}
        </Text>
      </Stack>
    </Paper>
  )
}

function Households({ fees, period }: { fees: MonthFees; period: string }) {
  const { t, i18n } = useTranslation('waste')
  const { city, facilityId, today } = useOperatorSite()
  const setPaid = useSetFeePaid(city, facilityId, period)
  const language = currentLanguage()
  if (fees.lines.length === 0) return <Text>{t('operator.fees.empty')}</Text>
  return (
    <Stack gap="xs">
      {setPaid.error ? (
        <Alert color="red" role="alert">
          {problemMessage(i18n, setPaid.error)}
        </Alert>
      ) : null}
      <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
        {fees.lines.map((line) => (
          <Paper component="li" key={line.household.id} withBorder p="sm" radius="md">
            <Checkbox
              size="lg"
              // Shows the tap at once on a slow connection; the refetch confirms it.
              checked={
                setPaid.isPending && setPaid.variables?.householdId === line.household.id
                  ? setPaid.variables.paid
                  : line.paidOn !== null
              }
              disabled={setPaid.isPending && setPaid.variables?.householdId === line.household.id}
              onChange={(event) =>
                setPaid.mutate({
                  householdId: line.household.id,
                  paid: event.currentTarget.checked,
                  // Paid "today" only makes sense for the current month; earlier months get the server's default.
                  ...(monthOf(today) === period ? { paidOn: today } : {}),
                })
              }
              label={
                <span>
                  <Text span fw={600}>
                    {line.household.label}
                  </Text>
                  {line.household.headName ? ` · ${line.household.headName}` : ''}
                </span>
              }
              description={
                line.paidOn
                  ? t('operator.fees.paidOn', { amount: formatRupiah(line.amountRupiah, language) })
                  : t('operator.fees.unpaid', { amount: formatRupiah(line.amountRupiah, language) })
              }
              styles={{ body: { minHeight: 48, alignItems: 'center' } }}
            />
          </Paper>
        ))}
      </Stack>
    </Stack>
  )
}

function AddHousehold() {
  const { t, i18n } = useTranslation('waste')
  const { city, facilityId } = useOperatorSite()
  const add = useAddHousehold(city, facilityId)
  const key = useRef(newIdempotencyKey())
  const [label, setLabel] = useState('')
  const [headName, setHeadName] = useState('')
  const [fee, setFee] = useState('')
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const [added, setAdded] = useState<string | null>(null)
  const labels = {
    label: t('operator.fees.label'),
    headName: t('operator.fees.headName'),
    monthlyFeeRupiah: t('operator.fees.monthlyFee'),
  }
  const errorOf = (name: string) => fieldError(add.error, name, clientErrors)
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('operator.fees.addTitle')}
      </Title>
      {added && (
        <Alert color="teal" role="status">
          {t('operator.fees.added', { label: added })}
        </Alert>
      )}
      <TaskForm
        form={FORM}
        error={add.error}
        clientErrors={clientErrors}
        labels={labels}
        submitLabel={t('operator.fees.add')}
        isPending={add.isPending}
        onSubmit={() => {
          const parsed = parseRupiah(fee, { allowZero: true })
          const found: Record<string, string> = {}
          if (!label.trim()) found.label = requiredMessage(i18n)
          const feeProblem = parseMessage(t, parsed, 'money')
          if (feeProblem) found.monthlyFeeRupiah = feeProblem
          setClientErrors(found)
          setAdded(null)
          if (Object.keys(found).length > 0 || !parsed.ok) return
          add.mutate(
            {
              body: {
                label: label.trim(),
                headName: headName.trim() || null,
                monthlyFeeRupiah: parsed.value,
              },
              key: key.current,
            },
            {
              onSuccess: (household) => {
                key.current = newIdempotencyKey()
                setAdded(household.label)
                setLabel('')
                setHeadName('')
              },
            },
          )
        }}
      >
        <TextInput
          id={fieldId(FORM, 'label')}
          label={labels.label}
          description={t('operator.fees.labelHint')}
          size="lg"
          maxLength={120}
          value={label}
          onChange={(event) => setLabel(event.currentTarget.value)}
          error={errorOf('label')}
        />
        <TextInput
          id={fieldId(FORM, 'headName')}
          label={labels.headName}
          description={t('operator.optional')}
          size="lg"
          maxLength={120}
          autoComplete="off"
          value={headName}
          onChange={(event) => setHeadName(event.currentTarget.value)}
          error={errorOf('headName')}
        />
        <RupiahField
          form={FORM}
          name="monthlyFeeRupiah"
          label={labels.monthlyFeeRupiah}
          hint={t('operator.fees.monthlyFeeHint')}
          value={fee}
          onChange={setFee}
          error={errorOf('monthlyFeeRupiah')}
        />
      </TaskForm>
    </Stack>
  )
}

/** Iuran warga: who paid this month, the collection rate, and adding a household. */
export default function FeesPage() {
  const { t } = useTranslation('waste')
  const { city, facilityId, today } = useOperatorSite()
  const month = useChosenMonth(today)
  const period = month.period
  const fees = useMonthFees(city, facilityId, period)
  return (
    <TaskLayout title={t('operator.tasks.fees')}>
      <MonthField month={month} />
      <QueryState query={fees}>
        {(data) => (
          <Stack gap="md">
            <Collection fees={data} />
            <Households fees={data} period={period} />
          </Stack>
        )}
      </QueryState>
      <AddHousehold />
    </TaskLayout>
  )
}
