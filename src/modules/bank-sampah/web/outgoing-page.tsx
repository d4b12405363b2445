import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { requiredMessage } from '../../../platform/web/api/problem.ts'
import { formatKilograms, formatRupiah } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { SUB_MATERIALS } from '../../waste/domain/materials.ts'
import { TaskForm } from '../../waste/web/operator/flow-task.tsx'
import { parseMessage } from '../../waste/web/operator/operator-ui.tsx'
import { parseKilogramsToGrams, parseRupiah } from '../../waste/web/operator/quantities.ts'
import { type Outgoing, type OutgoingLines, useRecordOutgoing } from './bank-operations.api.ts'
import { usePrices } from './bank-sampah.api.ts'
import { pricesInForce } from './teller-logic.ts'
import { BankLayout, TOUCH, useBankSite, useMaterialName } from './teller-ui.tsx'

const FORM = 'outgoing'
type Line = { key: number; subMaterial: string; weight: string; price: string }

function Done({ outgoing }: { outgoing: Outgoing }) {
  const { t } = useTranslation('bank-sampah')
  const { home } = useBankSite()
  const materialName = useMaterialName()
  const language = currentLanguage()
  return (
    <Stack gap="md">
      <Alert color="teal" variant="filled" role="status" title={t(`outgoing.${outgoing.kind}.done`)}>
        {outgoing.lines.map((line) => (
          <Text c="white" key={line.subMaterial}>
            {materialName(line.subMaterial)}: {formatKilograms(line.weightGrams, language)} ·{' '}
            {formatRupiah(line.amountRupiah, language)}
          </Text>
        ))}
        <Text c="white" fw={700}>
          {t('outgoing.total', { total: formatRupiah(outgoing.totalRupiah, language) })}
        </Text>
      </Alert>
      <Button component={Link} to={home} size="lg" maw={360} style={TOUCH}>
        {t('backToMenu')}
      </Button>
    </Stack>
  )
}

function LineFields({
  line,
  index,
  onChange,
  errorOf,
}: {
  line: Line
  index: number
  onChange: (line: Line) => void
  errorOf: (name: string) => string | undefined
}) {
  const { t } = useTranslation('bank-sampah')
  const materialName = useMaterialName()
  const number = index + 1
  const name = (field: string) => `lines.${index}.${field}`
  return (
    <Paper withBorder p="sm" radius="md" component="fieldset" style={{ margin: 0 }}>
      <Text component="legend" fw={700} px={4}>
        {t('deposit.lineLegend', { number })}
      </Text>
      <Stack gap="sm">
        <NativeSelect
          id={fieldId(FORM, name('subMaterial'))}
          label={t('deposit.material', { number })}
          size="lg"
          value={line.subMaterial}
          onChange={(event) => onChange({ ...line, subMaterial: event.currentTarget.value })}
          data={[
            { value: '', label: t('deposit.chooseMaterial') },
            ...Object.keys(SUB_MATERIALS).map((value) => ({ value, label: materialName(value) })),
          ]}
          error={errorOf(name('subMaterial'))}
        />
        <Group gap="sm" align="flex-start">
          <TextInput
            id={fieldId(FORM, name('weightGrams'))}
            label={t('deposit.weight', { number })}
            inputMode="decimal"
            size="lg"
            w={200}
            value={line.weight}
            onChange={(event) => onChange({ ...line, weight: event.currentTarget.value })}
            error={errorOf(name('weightGrams'))}
          />
          <TextInput
            id={fieldId(FORM, name('pricePerKgRupiah'))}
            label={t('outgoing.price', { number })}
            inputMode="numeric"
            size="lg"
            w={200}
            leftSection={<Text aria-hidden>Rp</Text>}
            value={line.price}
            onChange={(event) => onChange({ ...line, price: event.currentTarget.value })}
            error={errorOf(name('pricePerKgRupiah'))}
          />
        </Group>
      </Stack>
    </Paper>
  )
}

/** Reads every line or reports, by field name, what is wrong with it. */
function readLines(
  lines: Line[],
  messages: {
    choose: string
    weight: (index: number) => string | undefined
    price: (index: number) => string | undefined
  },
) {
  const problems: Record<string, string> = {}
  const read: OutgoingLines = []
  lines.forEach((line, index) => {
    const grams = parseKilogramsToGrams(line.weight)
    const price = parseRupiah(line.price, { allowZero: true })
    if (!line.subMaterial) problems[`lines.${index}.subMaterial`] = messages.choose
    const weightProblem = messages.weight(index)
    if (weightProblem) problems[`lines.${index}.weightGrams`] = weightProblem
    const priceProblem = messages.price(index)
    if (priceProblem) problems[`lines.${index}.pricePerKgRupiah`] = priceProblem
    if (grams.ok && price.ok && line.subMaterial)
      read.push({
        subMaterial: line.subMaterial as OutgoingLines[number]['subMaterial'],
        weightGrams: grams.value,
        pricePerKgRupiah: price.value,
      })
  })
  return { problems, read }
}

/** /c/:city/bank-sampah/:bankId/sale or /transfer: recyclables leave the bank, never more than its stock. */
export default function OutgoingPage() {
  const { t, i18n } = useTranslation('bank-sampah')
  const { t: tw } = useTranslation('waste')
  const kind = useLocation().pathname.endsWith('/transfer') ? 'transfer' : 'sale'
  const { target, today } = useBankSite()
  const prices = usePrices(target)
  const record = useRecordOutgoing(target)
  const key = useRef(newIdempotencyKey())
  const next = useRef(1)
  const [lines, setLines] = useState<Line[]>([{ key: 0, subMaterial: '', weight: '', price: '' }])
  const [buyer, setBuyer] = useState('')
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const errorOf = (name: string) => fieldError(record.error, name, clientErrors)
  // The buying price in force is a fair first guess at what a transfer is worth; a sale's price is the pengepul's.
  const buyingPrice = (subMaterial: string) =>
    pricesInForce(prices.data ?? [], today).find((price) => price.subMaterial === subMaterial)
      ?.pricePerKgRupiah
  const change = (line: Line) =>
    setLines((current) =>
      current.map((existing) => {
        if (existing.key !== line.key) return existing
        const isNewMaterial = existing.subMaterial !== line.subMaterial
        const guess = isNewMaterial && kind === 'transfer' ? buyingPrice(line.subMaterial) : undefined
        return guess !== undefined && !line.price ? { ...line, price: String(guess) } : line
      }),
    )
  if (record.data)
    return (
      <BankLayout title={t(`outgoing.${kind}.title`)}>
        <Done outgoing={record.data} />
      </BankLayout>
    )

  const submit = () => {
    const { problems, read } = readLines(lines, {
      choose: t('deposit.chooseMaterial'),
      weight: (index) => parseMessage(tw, parseKilogramsToGrams(lines[index]?.weight ?? ''), 'weight'),
      price: (index) =>
        parseMessage(tw, parseRupiah(lines[index]?.price ?? '', { allowZero: true }), 'money'),
    })
    if (kind === 'sale' && buyer.trim().length < 2) problems.buyerName = requiredMessage(i18n)
    setClientErrors(problems)
    if (Object.keys(problems).length === 0)
      record.mutate({ kind, lines: read, buyerName: buyer.trim(), key: key.current })
  }
  return (
    <BankLayout title={t(`outgoing.${kind}.title`)}>
      <Text>{t(`outgoing.${kind}.lead`)}</Text>
      <TaskForm
        form={FORM}
        error={record.error}
        clientErrors={clientErrors}
        labels={{ buyerName: t('outgoing.buyer') }}
        submitLabel={t(`outgoing.${kind}.submit`)}
        isPending={record.isPending}
        onSubmit={submit}
      >
        {kind === 'sale' && (
          <TextInput
            id={fieldId(FORM, 'buyerName')}
            label={t('outgoing.buyer')}
            description={t('outgoing.buyerHint')}
            size="lg"
            maxLength={160}
            value={buyer}
            onChange={(event) => setBuyer(event.currentTarget.value)}
            error={errorOf('buyerName')}
          />
        )}
        {lines.map((line, index) => (
          <LineFields key={line.key} line={line} index={index} onChange={change} errorOf={errorOf} />
        ))}
        <Button
          variant="outline"
          size="lg"
          maw={360}
          style={TOUCH}
          onClick={() =>
            setLines((current) => [
              ...current,
              { key: next.current++, subMaterial: '', weight: '', price: '' },
            ])
          }
        >
          {t('deposit.addLine')}
        </Button>
      </TaskForm>
    </BankLayout>
  )
}
