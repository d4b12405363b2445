import { ActionIcon, Anchor, Button, Group, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core'
import type { TFunction } from 'i18next'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatNumber, formatRupiah } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { ErrorSummary, fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import type { PaymentMethod } from '../domain/centre.ts'
import { type Batch, type Sale, useRecordSale } from './centre.api.ts'
import { parseWhole, printClasses, TOUCH } from './centre-labels.tsx'

const SALE_FORM = 'sale'

/** Batch id → quantity in the cart, in the order the clerk tapped them. */
export type Cart = Map<string, number>

interface CartLine {
  batch: Batch
  quantity: number
}

/** What the clerk sees before the server does: more than is left, or a QRIS sale without its reference. */
function clientErrorsOf(options: {
  lines: CartLine[]
  method: PaymentMethod
  reference: string
  t: TFunction<'umkm'>
}): Record<string, string> {
  const { lines, method, reference, t } = options
  const language = currentLanguage()
  const found: Record<string, string> = {}
  lines.forEach((line, index) => {
    if (line.quantity > line.batch.remaining)
      found[`lines.${index}.quantity`] = t('centre.cart.tooMany', {
        remaining: formatNumber(line.batch.remaining, language),
      })
  })
  if (method === 'qris' && !reference.trim()) found.paymentReference = t('centre.cart.referenceRequired')
  return found
}

function CartLineItem({
  line: { batch, quantity },
  index,
  error,
  clientErrors,
  onQuantity,
}: {
  line: CartLine
  index: number
  error: unknown
  clientErrors: Record<string, string>
  onQuantity: (quantity: number) => void
}) {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  const name = `lines.${index}.quantity`
  return (
    <li>
      <Group justify="space-between" align="flex-end" gap="xs" wrap="wrap">
        <Stack gap={0} style={{ flex: '1 1 160px' }}>
          <Text fw={600}>{batch.product.name}</Text>
          <Text size="sm">
            {formatRupiah(batch.unitPriceRupiah, language)} / {batch.product.unit}
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap" align="flex-end">
          <ActionIcon
            size={48}
            variant="default"
            onClick={() => onQuantity(quantity - 1)}
            aria-label={t('centre.cart.less', { product: batch.product.name })}
          >
            −
          </ActionIcon>
          <TextInput
            id={fieldId(SALE_FORM, name)}
            label={t('centre.cart.quantityOf', { product: batch.product.name })}
            labelProps={{ className: 'visually-hidden' }}
            inputMode="numeric"
            w={64}
            size="md"
            value={String(quantity)}
            onChange={(event) => {
              const typed = parseWhole(event.currentTarget.value)
              if (typed !== null) onQuantity(Math.min(typed, 10_000))
            }}
            error={fieldError(error, name, clientErrors)}
          />
          <ActionIcon
            size={48}
            variant="default"
            disabled={quantity >= batch.remaining}
            onClick={() => onQuantity(quantity + 1)}
            aria-label={t('centre.cart.more', { product: batch.product.name })}
          >
            +
          </ActionIcon>
        </Group>
        <Text fw={700} w={110} ta="right">
          {formatRupiah(batch.unitPriceRupiah * quantity, language)}
        </Text>
      </Group>
    </li>
  )
}

function PaymentFields({
  method,
  reference,
  labels,
  error,
  clientErrors,
  onMethod,
  onReference,
}: {
  method: PaymentMethod
  reference: string
  labels: Record<string, string>
  error: unknown
  clientErrors: Record<string, string>
  onMethod: (method: PaymentMethod) => void
  onReference: (reference: string) => void
}) {
  const { t } = useTranslation('umkm')
  return (
    <>
      <Radio.Group
        id={fieldId(SALE_FORM, 'paymentMethod')}
        label={labels.paymentMethod}
        value={method}
        onChange={(value) => onMethod(value as PaymentMethod)}
      >
        <Group gap="lg" mt="xs">
          <Radio value="cash" label={t('centre.payment.cash')} size="md" />
          <Radio value="qris" label={t('centre.payment.qris')} size="md" />
        </Group>
      </Radio.Group>
      {method === 'qris' && (
        <TextInput
          id={fieldId(SALE_FORM, 'paymentReference')}
          label={labels.paymentReference}
          description={t('centre.cart.referenceHint')}
          required
          maxLength={100}
          autoComplete="off"
          value={reference}
          onChange={(event) => onReference(event.currentTarget.value)}
          error={fieldError(error, 'paymentReference', clientErrors)}
          maw={360}
        />
      )}
    </>
  )
}

function EmptyCart() {
  const { t } = useTranslation('umkm')
  return (
    <Paper withBorder p="md" id="cart" className={printClasses.noPrint}>
      <Title order={2} size="h3">
        {t('centre.cart.title')}
      </Title>
      <Text mt="xs">{t('centre.cart.empty')}</Text>
    </Paper>
  )
}

function linesOf(cart: Cart, batches: Batch[]): CartLine[] {
  return [...cart].flatMap(([batchId, quantity]) => {
    const batch = batches.find((candidate) => candidate.id === batchId)
    return batch ? [{ batch, quantity }] : []
  })
}

/** The names the error summary gives the fields it links to. */
function cartLabelsOf(t: TFunction<'umkm'>, lines: CartLine[]): Record<string, string> {
  return {
    paymentReference: t('centre.cart.reference'),
    paymentMethod: t('centre.cart.method'),
    ...Object.fromEntries(
      lines.flatMap((line, index) => [
        [`lines.${index}.quantity`, t('centre.cart.quantityOf', { product: line.batch.product.name })],
        [`lines.${index}.batchId`, line.batch.product.name],
      ]),
    ),
  }
}

/** The sale the cart becomes: how it is paid, what the clerk must fix first, and the request. */
function useCartSale(options: {
  city: string
  outletId: string
  saleKey: string
  lines: CartLine[]
  onSold: (sale: Sale) => void
}) {
  const { t } = useTranslation('umkm')
  const { outletId, saleKey, lines, onSold } = options
  const record = useRecordSale(options.city)
  const [method, setMethod] = useState<PaymentMethod>('cash')
  const [reference, setReference] = useState('')
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = clientErrorsOf({ lines, method, reference, t })
    setClientErrors(found)
    if (Object.keys(found).length > 0 || lines.length === 0) return
    record.mutate(
      {
        body: {
          outletId,
          paymentMethod: method,
          paymentReference: method === 'qris' ? reference.trim() : null,
          lines: lines.map((line) => ({ batchId: line.batch.id, quantity: line.quantity })),
        },
        key: saleKey,
      },
      {
        onSuccess: (sale) => {
          setMethod('cash')
          setReference('')
          onSold(sale)
        },
      },
    )
  }
  return { record, method, setMethod, reference, setReference, clientErrors, submit }
}

export function CartPanel({
  city,
  outletId,
  batches,
  cart,
  saleKey,
  onChange,
  onSold,
}: {
  city: string
  outletId: string
  batches: Batch[]
  cart: Cart
  saleKey: string
  onChange: (next: Cart) => void
  onSold: (sale: Sale) => void
}) {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  const lines = linesOf(cart, batches)
  const { record, clientErrors, ...sale } = useCartSale({ city, outletId, saleKey, lines, onSold })
  const total = lines.reduce((sum, line) => sum + line.batch.unitPriceRupiah * line.quantity, 0)
  const labels = cartLabelsOf(t, lines)
  const setQuantity = (batchId: string, quantity: number) => {
    const next = new Map(cart)
    if (quantity <= 0) next.delete(batchId)
    else next.set(batchId, quantity)
    onChange(next)
  }
  if (lines.length === 0) return <EmptyCart />
  return (
    <Paper
      withBorder
      p="md"
      id="cart"
      component="form"
      onSubmit={sale.submit}
      noValidate
      aria-label={t('centre.cart.title')}
      className={printClasses.noPrint}
    >
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('centre.cart.title')}
        </Title>
        <ErrorSummary form={SALE_FORM} error={record.error} clientErrors={clientErrors} labels={labels} />
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {lines.map((line, index) => (
            <CartLineItem
              key={line.batch.id}
              line={line}
              index={index}
              error={record.error}
              clientErrors={clientErrors}
              onQuantity={(quantity) => setQuantity(line.batch.id, quantity)}
            />
          ))}
        </Stack>
        <Group
          justify="space-between"
          style={{ borderTop: '1px dashed var(--mantine-color-gray-6)' }}
          pt="xs"
        >
          <Text fw={700}>{t('centre.receipt.total')}</Text>
          <Text fw={700} fz={24} data-testid="cart-total">
            {formatRupiah(total, language)}
          </Text>
        </Group>
        <PaymentFields
          method={sale.method}
          reference={sale.reference}
          labels={labels}
          error={record.error}
          clientErrors={clientErrors}
          onMethod={sale.setMethod}
          onReference={sale.setReference}
        />
        <Group>
          <Button type="submit" size="lg" style={TOUCH} loading={record.isPending}>
            {t('centre.cart.record')}
          </Button>
          <Button
            variant="subtle"
            style={TOUCH}
            onClick={() => onChange(new Map())}
            disabled={record.isPending}
          >
            {t('centre.cart.clear')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}

/** On a phone the cart is below a long shelf: a bar at the bottom says what is in it and leads there. */
export function CartBar({ items, total }: { items: number; total: number }) {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  if (items === 0) return null
  return (
    <Paper
      withBorder
      shadow="sm"
      p="xs"
      mt="sm"
      hiddenFrom="sm"
      className={printClasses.noPrint}
      style={{ position: 'sticky', bottom: 8, zIndex: 2 }}
    >
      <Anchor href="#cart" fw={700} display="block" style={{ ...TOUCH, alignContent: 'center' }}>
        {t('centre.cart.summary', {
          count: items,
          countText: formatNumber(items, language),
          total: formatRupiah(total, language),
        })}
      </Anchor>
    </Paper>
  )
}
