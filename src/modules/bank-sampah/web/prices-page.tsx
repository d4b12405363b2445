import { Alert, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate, formatRupiah } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { SUB_MATERIALS } from '../../waste/domain/materials.ts'
import { TaskForm } from '../../waste/web/operator/flow-task.tsx'
import { parseMessage, RupiahField } from '../../waste/web/operator/operator-ui.tsx'
import { parseRupiah } from '../../waste/web/operator/quantities.ts'
import type { PriceRow } from '../domain/money.ts'
import { type PricedSubMaterial, usePrices, useSetPrice } from './bank-sampah.api.ts'
import classes from './print.module.css'
import { priceHistory, pricesInForce } from './teller-logic.ts'
import { BankLayout, useBankSite, useIsCityWide, useMaterialName, useOwnBankIds } from './teller-ui.tsx'

const FORM = 'price'

function PriceTable({
  rows,
  caption,
}: {
  rows: (PriceRow & { status?: string; source?: string })[]
  caption: string
}) {
  const { t } = useTranslation('bank-sampah')
  const materialName = useMaterialName()
  const language = currentLanguage()
  return (
    // Narrow columns that wrap rather than a sideways scroll: the passbook fits a 360 px phone.
    <div className={classes.passbook}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('prices.material')}</th>
            <th scope="col" className={classes.number}>
              {t('prices.perKg')}
            </th>
            <th scope="col">{t('prices.from')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.subMaterial}-${row.effectiveFrom}`}>
              <th scope="row" style={{ fontWeight: 400 }}>
                {materialName(row.subMaterial)}
                {row.source === 'induk' ? ` (${t('prices.fromInduk')})` : ''}
              </th>
              <td className={classes.number}>{formatRupiah(row.pricePerKgRupiah, language)}</td>
              <td>
                {formatDate(row.effectiveFrom, language)}
                {row.status && row.status !== 'past' ? ` (${t(`prices.status.${row.status}`)})` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function History({ prices, today }: { prices: PriceRow[]; today: string }) {
  const { t } = useTranslation('bank-sampah')
  const materialName = useMaterialName()
  const materials = [...new Set(prices.map((price) => price.subMaterial))]
  const [material, setMaterial] = useState(materials[0] ?? '')
  if (materials.length === 0) return null
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('prices.historyTitle')}
      </Title>
      <NativeSelect
        label={t('prices.historyOf')}
        size="lg"
        maw={360}
        value={material}
        onChange={(event) => setMaterial(event.currentTarget.value)}
        data={materials.map((value) => ({ value, label: materialName(value) }))}
      />
      <PriceTable
        rows={priceHistory(prices, { subMaterial: material, date: today })}
        caption={t('prices.historyTitle')}
      />
    </Stack>
  )
}

function SetPriceForm() {
  const { t } = useTranslation('bank-sampah')
  const { t: tw } = useTranslation('waste')
  const { target, today } = useBankSite()
  const materialName = useMaterialName()
  const setPrice = useSetPrice(target)
  const [material, setMaterial] = useState('')
  const [from, setFrom] = useState(today)
  const [price, setPriceText] = useState('')
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const labels = {
    subMaterial: t('prices.material'),
    effectiveFrom: t('prices.from'),
    pricePerKgRupiah: t('prices.perKg'),
  }
  const errorOf = (name: string) => fieldError(setPrice.error, name, clientErrors)
  const submit = () => {
    const parsed = parseRupiah(price, { allowZero: true })
    const problems: Record<string, string> = {}
    if (!material) problems.subMaterial = t('deposit.chooseMaterial')
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) problems.effectiveFrom = t('prices.chooseDate')
    const priceProblem = parseMessage(tw, parsed, 'money')
    if (priceProblem) problems.pricePerKgRupiah = priceProblem
    setClientErrors(problems)
    if (!parsed.ok || Object.keys(problems).length > 0) return
    const input = {
      subMaterial: material as PricedSubMaterial,
      effectiveFrom: from,
      pricePerKgRupiah: parsed.value,
    }
    setPrice.mutate(input, { onSuccess: () => setPriceText('') })
  }
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('prices.setTitle')}
      </Title>
      {setPrice.data && (
        <Alert color="teal" role="status">
          {t('prices.saved', {
            material: materialName(setPrice.data.subMaterial),
            price: formatRupiah(setPrice.data.pricePerKgRupiah, currentLanguage()),
            date: formatDate(setPrice.data.effectiveFrom, currentLanguage()),
          })}
        </Alert>
      )}
      <TaskForm
        form={FORM}
        error={setPrice.error}
        clientErrors={clientErrors}
        labels={labels}
        submitLabel={t('prices.submit')}
        isPending={setPrice.isPending}
        onSubmit={submit}
      >
        <NativeSelect
          id={fieldId(FORM, 'subMaterial')}
          label={labels.subMaterial}
          size="lg"
          value={material}
          onChange={(event) => setMaterial(event.currentTarget.value)}
          data={[
            { value: '', label: t('deposit.chooseMaterial') },
            ...Object.keys(SUB_MATERIALS).map((value) => ({ value, label: materialName(value) })),
          ]}
          error={errorOf('subMaterial')}
        />
        <TextInput
          id={fieldId(FORM, 'effectiveFrom')}
          type="date"
          label={labels.effectiveFrom}
          description={t('prices.fromHint')}
          size="lg"
          maw={240}
          value={from}
          onChange={(event) => setFrom(event.currentTarget.value)}
          error={errorOf('effectiveFrom')}
        />
        <RupiahField
          form={FORM}
          name="pricePerKgRupiah"
          label={labels.pricePerKgRupiah}
          value={price}
          onChange={setPriceText}
          error={errorOf('pricePerKgRupiah')}
        />
      </TaskForm>
    </Stack>
  )
}

/** /c/:city/bank-sampah/:bankId/prices: what the bank pays today, how that changed, and a new price. */
export default function PricesPage() {
  const { t } = useTranslation('bank-sampah')
  const { target, today, city, bankId } = useBankSite()
  const prices = usePrices(target)
  const own = useOwnBankIds(city) ?? []
  const isCityWide = useIsCityWide(city)
  const canSet = own.includes(bankId) || isCityWide
  return (
    <BankLayout title={t('prices.title')} width={720}>
      <QueryState query={prices}>
        {(list) => (
          <Stack gap="lg">
            <Title order={2} size="h3">
              {t('prices.currentTitle')}
            </Title>
            {list.length === 0 ? (
              <Text>{t('prices.empty')}</Text>
            ) : (
              <PriceTable rows={pricesInForce(list, today)} caption={t('prices.currentTitle')} />
            )}
            <History prices={list} today={today} />
            {canSet && <SetPriceForm />}
          </Stack>
        )}
      </QueryState>
    </BankLayout>
  )
}
