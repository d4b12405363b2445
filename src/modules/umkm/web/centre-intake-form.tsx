import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { requiredMessage } from '../../../platform/web/api/problem.ts'
import { formatNumber } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { ErrorSummary, fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { useProducts, useReceiveConsignment } from './centre.api.ts'
import { parsePercentToBps, parseWhole, TOUCH } from './centre-labels.tsx'

const FORM = 'intake'
/** The centre's usual cut, as the demo outlet charges it; the clerk changes it per agreement. */
const DEFAULT_COMMISSION = '10'

const emptyValues = (today: string) => ({
  productId: '',
  quantity: '',
  unitPriceRupiah: '',
  commission: DEFAULT_COMMISSION,
  receivedOn: today,
  expiresOn: '',
})

/** "Terima titipan": a producer brings a batch; it goes on this outlet's shelf at the agreed price. */
export function IntakeForm({
  city,
  outletId,
  today,
  onDone,
}: {
  city: string
  outletId: string
  today: string
  onDone: () => void
}) {
  const { t, i18n } = useTranslation('umkm')
  const language = currentLanguage()
  const products = useProducts(city)
  const receive = useReceiveConsignment(city)
  const key = useRef(newIdempotencyKey())
  const [values, setValues] = useState(() => emptyValues(today))
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const [received, setReceived] = useState<string | null>(null)
  const labels = {
    productId: t('centre.intake.product'),
    quantity: t('centre.intake.quantity'),
    unitPriceRupiah: t('centre.intake.price'),
    commissionBps: t('centre.intake.commission'),
    receivedOn: t('centre.intake.receivedOn'),
    expiresOn: t('centre.intake.expiresOn'),
    outletId: t('centre.counter.outlet'),
  }
  const errorOf = (name: string) => fieldError(receive.error, name, clientErrors)
  const set = (name: keyof ReturnType<typeof emptyValues>) => (event: { currentTarget: { value: string } }) =>
    setValues({ ...values, [name]: event.currentTarget.value })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, string> = {}
    const quantity = parseWhole(values.quantity)
    const price = parseWhole(values.unitPriceRupiah)
    const commissionBps = parsePercentToBps(values.commission)
    if (!values.productId) found.productId = requiredMessage(i18n)
    if (!values.quantity.trim()) found.quantity = requiredMessage(i18n)
    else if (!quantity || quantity > 100_000) found.quantity = t('centre.intake.quantityInvalid')
    if (!values.unitPriceRupiah.trim()) found.unitPriceRupiah = requiredMessage(i18n)
    else if (!price || price > 1_000_000_000) found.unitPriceRupiah = t('centre.intake.priceInvalid')
    if (commissionBps === null) found.commissionBps = t('centre.intake.commissionInvalid')
    if (!values.receivedOn) found.receivedOn = requiredMessage(i18n)
    else if (values.receivedOn > today) found.receivedOn = t('centre.dateInFuture')
    if (values.expiresOn && values.receivedOn && values.expiresOn <= values.receivedOn)
      found.expiresOn = t('centre.intake.expiresBeforeReceived')
    setClientErrors(found)
    setReceived(null)
    if (Object.keys(found).length > 0 || !quantity || !price || commissionBps === null) return
    receive.mutate(
      {
        body: {
          outletId,
          productId: values.productId,
          quantity,
          unitPriceRupiah: price,
          commissionBps,
          receivedOn: values.receivedOn,
          expiresOn: values.expiresOn || null,
        },
        key: key.current,
      },
      {
        onSuccess: (batch) => {
          key.current = newIdempotencyKey()
          setValues(emptyValues(today))
          setReceived(
            t('centre.intake.done', {
              quantity: formatNumber(batch.quantity, language),
              unit: batch.product.unit,
              product: batch.product.name,
            }),
          )
        },
      },
    )
  }

  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={t('centre.intake.title')}
    >
      <Stack gap="sm">
        <Title order={3}>{t('centre.intake.title')}</Title>
        <Text size="sm" maw={640}>
          {t('centre.intake.lead')}
        </Text>
        <ErrorSummary form={FORM} error={receive.error} clientErrors={clientErrors} labels={labels} />
        {received && (
          <Alert color="teal" role="status">
            {received}
          </Alert>
        )}
        <QueryState query={products}>
          {(items) => {
            const shelfable = items.filter((product) => product.shelfable)
            return (
              <NativeSelect
                id={fieldId(FORM, 'productId')}
                label={labels.productId}
                description={t('centre.intake.productHint')}
                required
                value={values.productId}
                onChange={set('productId')}
                error={errorOf('productId')}
                data={[
                  { value: '', label: t('centre.intake.choose') },
                  ...shelfable.map((product) => ({
                    value: product.id,
                    label: `${product.name} · ${product.business.name} (${product.grade})`,
                  })),
                ]}
              />
            )
          }}
        </QueryState>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <TextInput
            id={fieldId(FORM, 'quantity')}
            label={labels.quantity}
            inputMode="numeric"
            required
            value={values.quantity}
            onChange={set('quantity')}
            error={errorOf('quantity')}
          />
          <TextInput
            id={fieldId(FORM, 'unitPriceRupiah')}
            label={labels.unitPriceRupiah}
            description={t('centre.intake.priceHint')}
            inputMode="numeric"
            required
            leftSection="Rp"
            value={values.unitPriceRupiah}
            onChange={set('unitPriceRupiah')}
            error={errorOf('unitPriceRupiah')}
          />
          <TextInput
            id={fieldId(FORM, 'commissionBps')}
            label={labels.commissionBps}
            description={t('centre.intake.commissionHint')}
            inputMode="decimal"
            required
            rightSection="%"
            value={values.commission}
            onChange={set('commission')}
            error={errorOf('commissionBps')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            id={fieldId(FORM, 'receivedOn')}
            type="date"
            label={labels.receivedOn}
            required
            max={today}
            value={values.receivedOn}
            onChange={set('receivedOn')}
            error={errorOf('receivedOn')}
          />
          <TextInput
            id={fieldId(FORM, 'expiresOn')}
            type="date"
            label={labels.expiresOn}
            description={t('centre.intake.expiresHint')}
            value={values.expiresOn}
            onChange={set('expiresOn')}
            error={errorOf('expiresOn')}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={receive.isPending} style={TOUCH}>
            {t('centre.intake.save')}
          </Button>
          <Button variant="subtle" onClick={onDone} style={TOUCH}>
            {t('centre.close')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
