import { Alert, Button, Stack, Text, TextInput } from '@mantine/core'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { ApiError, problemMessage } from '../../../platform/web/api/problem.ts'
import { formatRupiah } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { TaskForm } from '../../waste/web/operator/flow-task.tsx'
import { ChoiceField, parseMessage, RupiahField } from '../../waste/web/operator/operator-ui.tsx'
import { parseRupiah } from '../../waste/web/operator/quantities.ts'
import {
  type NasabahWithBalance,
  useNasabah,
  useRecordWithdrawal,
  type Withdrawal,
} from './bank-sampah.api.ts'
import { BalanceFigure, BankLayout, TOUCH, useBankSite } from './teller-ui.tsx'

const FORM = 'withdrawal'

function Paid({ withdrawal, back }: { withdrawal: Withdrawal; back: string }) {
  const { t } = useTranslation('bank-sampah')
  const language = currentLanguage()
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => ref.current?.focus(), [])
  return (
    <Stack gap="md">
      <Alert ref={ref} tabIndex={-1} color="teal" variant="filled" role="status" title={t('withdraw.done')}>
        <Text c="white">
          {t('withdraw.doneLine', {
            amount: formatRupiah(withdrawal.amountRupiah, language),
            balance: formatRupiah(withdrawal.balanceAfterRupiah, language),
          })}
        </Text>
      </Alert>
      <Button component={Link} to={back} size="lg" maw={360} style={TOUCH}>
        {t('backToNasabah')}
      </Button>
    </Stack>
  )
}

function WithdrawalForm({ nasabah }: { nasabah: NasabahWithBalance }) {
  const { t, i18n } = useTranslation('bank-sampah')
  const { t: tw } = useTranslation('waste')
  const { target, nasabahPath } = useBankSite()
  const record = useRecordWithdrawal(target)
  const key = useRef(newIdempotencyKey())
  const [amount, setAmount] = useState('')
  const [method, setMethod] = useState('cash')
  const [note, setNote] = useState('')
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const language = currentLanguage()
  // Too little savings is the refusal a teller meets most: say it next to the amount, with the balance.
  const isShort = record.error instanceof ApiError && record.error.code === 'bank.insufficient_balance'
  const errors = isShort
    ? { ...clientErrors, amountRupiah: problemMessage(i18n, record.error) }
    : clientErrors
  const labels = {
    amountRupiah: t('withdraw.amount'),
    method: t('withdraw.method'),
    note: t('withdraw.note'),
  }

  if (record.data) return <Paid withdrawal={record.data} back={nasabahPath(nasabah.id)} />
  const submit = () => {
    const parsed = parseRupiah(amount)
    const problems: Record<string, string> = {}
    const amountProblem = parseMessage(tw, parsed, 'money')
    if (amountProblem) problems.amountRupiah = amountProblem
    else if (parsed.ok && parsed.value > nasabah.balanceRupiah)
      problems.amountRupiah = t('withdraw.tooMuch', {
        balance: formatRupiah(nasabah.balanceRupiah, language),
      })
    setClientErrors(problems)
    if (!parsed.ok || Object.keys(problems).length > 0) return
    const body = { nasabahId: nasabah.id, amountRupiah: parsed.value, method: method as 'cash' | 'transfer' }
    record.mutate({ body: note.trim() ? { ...body, note: note.trim() } : body, key: key.current })
  }
  return (
    <TaskForm
      form={FORM}
      error={isShort ? null : record.error}
      clientErrors={errors}
      labels={labels}
      submitLabel={t('withdraw.submit')}
      isPending={record.isPending}
      onSubmit={submit}
    >
      <BalanceFigure rupiah={nasabah.balanceRupiah} />
      <RupiahField
        form={FORM}
        name="amountRupiah"
        label={labels.amountRupiah}
        hint={t('withdraw.amountHint')}
        value={amount}
        onChange={setAmount}
        error={fieldError(null, 'amountRupiah', errors)}
      />
      <ChoiceField
        form={FORM}
        name="method"
        legend={labels.method}
        choices={(['cash', 'transfer'] as const).map((value) => ({
          value,
          label: t(`withdraw.methods.${value}`),
        }))}
        value={method}
        onChange={setMethod}
        error={fieldError(record.error, 'method', errors)}
      />
      <TextInput
        id={fieldId(FORM, 'note')}
        label={labels.note}
        description={t('withdraw.noteHint')}
        size="lg"
        maxLength={300}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        error={fieldError(record.error, 'note', errors)}
      />
    </TaskForm>
  )
}

/** /…/nasabah/:nasabahId/withdraw: pay out savings in cash or by transfer, never above the balance. */
export default function WithdrawalPage() {
  const { t } = useTranslation('bank-sampah')
  const { target, nasabahId, nasabahPath } = useBankSite()
  const nasabah = useNasabah(target, nasabahId)
  return (
    <BankLayout title={t('withdraw.title')} back={{ to: nasabahPath(nasabahId), label: t('backToNasabah') }}>
      <QueryState query={nasabah}>
        {(who) => (
          <Stack gap="md">
            <Text fw={700}>{t('deposit.for', { name: who.name, number: who.memberNumber })}</Text>
            <WithdrawalForm nasabah={who} />
          </Stack>
        )}
      </QueryState>
    </BankLayout>
  )
}
