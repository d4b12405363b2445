import { Alert, Button, Paper, Stack, Text } from '@mantine/core'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { formatRupiah } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { fieldError } from '../../../platform/web/ui/error-summary.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { TaskForm } from '../../waste/web/operator/flow-task.tsx'
import { DateField, parseMessage } from '../../waste/web/operator/operator-ui.tsx'
import { isUsableDate } from '../../waste/web/operator/quantities.ts'
import type { PriceRow } from '../domain/money.ts'
import {
  type DepositInput,
  type NasabahWithBalance,
  useNasabah,
  usePrices,
  useRecordDeposit,
} from './bank-sampah.api.ts'
import { DEPOSIT_FORM, DepositLineFields, type KeyedLine } from './deposit-lines.tsx'
import { priceDraftLines, pricesInForce } from './teller-logic.ts'
import { BankLayout, TOUCH, useBankSite } from './teller-ui.tsx'

const MAX_LINES = 50

function useLines() {
  const next = useRef(1)
  const [lines, setLines] = useState<KeyedLine[]>([{ key: 0, subMaterial: '', weight: '' }])
  return {
    lines,
    add: () => setLines((current) => [...current, { key: next.current++, subMaterial: '', weight: '' }]),
    change: (line: KeyedLine) =>
      setLines((current) => current.map((existing) => (existing.key === line.key ? line : existing))),
    remove: (key: number) => setLines((current) => current.filter((line) => line.key !== key)),
  }
}

function DepositForm({ nasabah, prices }: { nasabah: NasabahWithBalance; prices: PriceRow[] }) {
  const { t } = useTranslation('bank-sampah')
  const { t: tw } = useTranslation('waste')
  const { target, today, nasabahPath } = useBankSite()
  const record = useRecordDeposit(target)
  const navigate = useNavigate()
  // One key for this form: a double tap or a retry after a lost answer records one deposit.
  const key = useRef(newIdempotencyKey())
  const { lines, add, change, remove } = useLines()
  const [date, setDate] = useState(today)
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const preview = priceDraftLines(lines, { prices, date })
  const offered = pricesInForce(prices, date)
  const errorOf = (name: string) => fieldError(record.error, name, clientErrors)
  const labels = Object.fromEntries(
    lines.flatMap((_line, index) => [
      [`lines.${index}.subMaterial`, t('deposit.material', { number: index + 1 })],
      [`lines.${index}.weightGrams`, t('deposit.weight', { number: index + 1 })],
    ]),
  )

  const submit = () => {
    const problems: Record<string, string> = {}
    preview.lines.forEach((line, index) => {
      if (!line.subMaterial) problems[`lines.${index}.subMaterial`] = t('deposit.chooseMaterial')
      const weightProblem = parseMessage(tw, line.grams, 'weight')
      if (weightProblem) problems[`lines.${index}.weightGrams`] = weightProblem
    })
    if (!isUsableDate(date, today)) problems.date = tw('operator.problems.date')
    setClientErrors(problems)
    if (Object.keys(problems).length > 0) return
    const body = {
      nasabahId: nasabah.id,
      date,
      lines: preview.lines.map((line) => ({
        subMaterial: line.subMaterial as DepositInput['lines'][number]['subMaterial'],
        weightGrams: line.grams.ok ? line.grams.value : 0,
      })),
    }
    record.mutate(
      { body, key: key.current },
      {
        onSuccess: (deposit) => {
          void navigate(`${nasabahPath(nasabah.id)}/receipt/${deposit.id}`, {
            replace: true,
            state: { saved: true },
          })
        },
      },
    )
  }

  return (
    <TaskForm
      form={DEPOSIT_FORM}
      error={record.error}
      clientErrors={clientErrors}
      labels={{ ...labels, date: tw('operator.date') }}
      submitLabel={t('deposit.submit', { total: formatRupiah(preview.totalRupiah, currentLanguage()) })}
      isPending={record.isPending}
      onSubmit={submit}
    >
      {offered.length === 0 && <Alert color="yellow">{t('deposit.noPrices')}</Alert>}
      {lines.map((line, index) => (
        <DepositLineFields
          key={line.key}
          index={index}
          line={line}
          priced={preview.lines[index]!}
          prices={offered}
          onChange={change}
          onRemove={lines.length > 1 ? () => remove(line.key) : undefined}
          errorOf={errorOf}
        />
      ))}
      {lines.length < MAX_LINES && (
        <Button variant="outline" size="lg" style={TOUCH} maw={360} onClick={add}>
          {t('deposit.addLine')}
        </Button>
      )}
      <DateField form={DEPOSIT_FORM} value={date} today={today} onChange={setDate} error={errorOf('date')} />
      <Paper withBorder p="md" radius="md">
        <Text size="sm">{t('deposit.total')}</Text>
        <Text fw={700} fz={28} data-testid="deposit-total" aria-live="polite">
          {formatRupiah(preview.totalRupiah, currentLanguage())}
        </Text>
      </Paper>
    </TaskForm>
  )
}

/** /…/nasabah/:nasabahId/deposit: lines of material × weight, priced before sending. */
export default function DepositPage() {
  const { t } = useTranslation('bank-sampah')
  const { target, nasabahId, nasabahPath } = useBankSite()
  const nasabah = useNasabah(target, nasabahId)
  const prices = usePrices(target)
  return (
    <BankLayout title={t('deposit.title')} back={{ to: nasabahPath(nasabahId), label: t('backToNasabah') }}>
      <QueryState query={nasabah}>
        {(who) => (
          <Stack gap="md">
            <Text fw={700}>{t('deposit.for', { name: who.name, number: who.memberNumber })}</Text>
            <QueryState query={prices}>{(list) => <DepositForm nasabah={who} prices={list} />}</QueryState>
          </Stack>
        )}
      </QueryState>
    </BankLayout>
  )
}
