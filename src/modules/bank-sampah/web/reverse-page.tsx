import { Alert, Button, Paper, Stack, Text, TextInput } from '@mantine/core'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { formatDate, formatRupiah } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { TaskForm } from '../../waste/web/operator/flow-task.tsx'
import { useReverseJournal } from './bank-operations.api.ts'
import { type Statement, useStatement } from './bank-sampah.api.ts'
import { BankLayout, TOUCH, useBankSite } from './teller-ui.tsx'

const FORM = 'reverse'

function ReverseForm({ entry }: { entry: Statement['entries'][number] }) {
  const { t } = useTranslation('bank-sampah')
  const { target, nasabahId, nasabahPath } = useBankSite()
  const reverse = useReverseJournal(target, nasabahId)
  const key = useRef(newIdempotencyKey())
  const [reason, setReason] = useState('')
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const language = currentLanguage()
  if (reverse.data) {
    return (
      <Stack gap="md">
        <Alert color="teal" variant="filled" role="status" title={t('reverse.done')}>
          <Text c="white">
            {t('reverse.doneLine', { balance: formatRupiah(reverse.data.balanceAfterRupiah, language) })}
          </Text>
        </Alert>
        <Button component={Link} to={nasabahPath(nasabahId)} size="lg" maw={360} style={TOUCH}>
          {t('backToNasabah')}
        </Button>
      </Stack>
    )
  }
  const submit = () => {
    const problems: Record<string, string> =
      reason.trim().length < 3 ? { reason: t('reverse.reasonNeeded') } : {}
    setClientErrors(problems)
    if (!problems.reason) reverse.mutate({ journalId: entry.id, reason: reason.trim(), key: key.current })
  }
  return (
    <TaskForm
      form={FORM}
      error={reverse.error}
      clientErrors={clientErrors}
      labels={{ reason: t('reverse.reason') }}
      submitLabel={t('reverse.submit')}
      isPending={reverse.isPending}
      onSubmit={submit}
    >
      <Paper withBorder p="md" radius="md">
        <Text fw={700}>
          {t(`statement.kinds.${entry.kind}`)} · {formatDate(entry.date, language)}
        </Text>
        <Text>{formatRupiah(Math.abs(entry.amountRupiah), language)}</Text>
      </Paper>
      <Text>{t('reverse.lead')}</Text>
      <TextInput
        id={fieldId(FORM, 'reason')}
        label={t('reverse.reason')}
        description={t('reverse.reasonHint')}
        size="lg"
        maxLength={300}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={fieldError(reverse.error, 'reason', clientErrors)}
      />
    </TaskForm>
  )
}

/** /…/nasabah/:nasabahId/reverse/:journalId: correct a wrong deposit or withdrawal by a mirror entry. */
export default function ReversePage() {
  const { t } = useTranslation('bank-sampah')
  const { target, nasabahId, nasabahPath } = useBankSite()
  const journalId = useParams().journalId ?? ''
  const statement = useStatement(target, nasabahId)
  return (
    <BankLayout title={t('reverse.title')} back={{ to: nasabahPath(nasabahId), label: t('backToNasabah') }}>
      <QueryState query={statement}>
        {(data) => {
          const entry = data.entries.find((candidate) => candidate.id === journalId)
          return entry ? <ReverseForm entry={entry} /> : <Alert color="yellow">{t('reverse.notFound')}</Alert>
        }}
      </QueryState>
    </BankLayout>
  )
}
