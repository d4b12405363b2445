import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { formatDate, formatNumber, formatRupiah } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { ErrorSummary, fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import type { PaymentMethod } from '../domain/centre.ts'
import { type Batch, type Outlet, type Sale, useOutlets, useRecordSale, useStock } from './centre.api.ts'
import { IntakeForm } from './centre-intake-form.tsx'
import {
  CentreLinks,
  ExpiryBadge,
  GradeBadge,
  PrintButton,
  parseWhole,
  printClasses,
  TOUCH,
  useCentreRights,
  useCityToday,
  useRememberedOutlet,
} from './centre-labels.tsx'
import { OutletForm } from './centre-outlet-form.tsx'
import { RemovalForm } from './centre-removal-form.tsx'
import { DaySales, Receipt } from './centre-sales.tsx'

const SALE_FORM = 'sale'

/** Batch id → quantity in the cart, in the order the clerk tapped them. */
type Cart = Map<string, number>

function ShelfItem({
  batch,
  inCart,
  onAdd,
  onRemove,
}: {
  batch: Batch
  inCart: number
  onAdd: () => void
  onRemove: () => void
}) {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  const left = batch.remaining - inCart
  return (
    <Card component="li" withBorder padding="sm" data-testid="shelf-item">
      <Stack gap={6} h="100%" justify="space-between">
        <Stack gap={4}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text fw={700}>{batch.product.name}</Text>
            <GradeBadge grade={batch.grade} />
          </Group>
          <Text size="sm">{batch.business.name}</Text>
          <Group gap="xs">
            <Text fw={700}>
              {t('centre.shelf.price', {
                price: formatRupiah(batch.unitPriceRupiah, language),
                unit: batch.product.unit,
              })}
            </Text>
            <Text size="sm">
              {t('centre.shelf.remaining', {
                remaining: formatNumber(batch.remaining, language),
                unit: batch.product.unit,
              })}
            </Text>
          </Group>
          {inCart > 0 && (
            <Text size="sm" fw={600} c="teal.9">
              {t('centre.shelf.inCart', { count: inCart })}
            </Text>
          )}
          {batch.expiresOn && (
            <Group gap="xs">
              <Text size="sm">
                {t('centre.shelf.expiresOn', { date: formatDate(batch.expiresOn, language) })}
              </Text>
              <ExpiryBadge daysToExpiry={batch.daysToExpiry} />
            </Group>
          )}
        </Stack>
        <Group gap="xs">
          <Button
            style={TOUCH}
            onClick={onAdd}
            disabled={left <= 0 || (batch.daysToExpiry !== null && batch.daysToExpiry < 0)}
            aria-label={t('centre.shelf.addOne', { product: batch.product.name })}
          >
            {t('centre.shelf.add')}
          </Button>
          <Button
            style={TOUCH}
            variant="default"
            onClick={onRemove}
            aria-label={t('centre.shelf.removeOne', { product: batch.product.name })}
          >
            {t('centre.shelf.remove')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}

function Shelf({
  city,
  batches,
  cart,
  today,
  onAdd,
}: {
  city: string
  batches: Batch[]
  cart: Cart
  today: string
  onAdd: (batch: Batch) => void
}) {
  const { t } = useTranslation('umkm')
  const [filter, setFilter] = useState('')
  const [removing, setRemoving] = useState<string | null>(null)
  const [removed, setRemoved] = useState<string | null>(null)
  const words = filter.trim().toLowerCase()
  const shown = words
    ? batches.filter((batch) => `${batch.product.name} ${batch.business.name}`.toLowerCase().includes(words))
    : batches
  const removingBatch = batches.find((batch) => batch.id === removing)
  return (
    <Stack gap="sm" component="section" aria-labelledby="shelf-title" className={printClasses.noPrint}>
      <Title order={2} id="shelf-title">
        {t('centre.shelf.title')}
      </Title>
      {removed && (
        <Alert color="teal" role="status" withCloseButton onClose={() => setRemoved(null)}>
          {removed}
        </Alert>
      )}
      {batches.length === 0 ? (
        <Text>{t('centre.shelf.empty')}</Text>
      ) : (
        <>
          <TextInput
            type="search"
            label={t('centre.shelf.filter')}
            value={filter}
            maxLength={100}
            onChange={(event) => setFilter(event.currentTarget.value)}
            maw={360}
          />
          {removingBatch && (
            <Stack gap="xs">
              <Title order={3}>{t('centre.removal.title', { product: removingBatch.product.name })}</Title>
              <RemovalForm
                key={removingBatch.id}
                city={city}
                batch={removingBatch}
                today={today}
                onDone={(message) => {
                  setRemoving(null)
                  if (message) setRemoved(message)
                }}
              />
            </Stack>
          )}
          {shown.length === 0 ? (
            <Text role="status">{t('centre.shelf.noMatch')}</Text>
          ) : (
            <SimpleGrid
              component="ul"
              cols={{ base: 1, sm: 2, lg: 3 }}
              spacing="sm"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              aria-label={t('centre.shelf.title')}
            >
              {shown.map((batch) => (
                <ShelfItem
                  key={batch.id}
                  batch={batch}
                  inCart={cart.get(batch.id) ?? 0}
                  onAdd={() => onAdd(batch)}
                  onRemove={() => {
                    setRemoved(null)
                    setRemoving(batch.id)
                  }}
                />
              ))}
            </SimpleGrid>
          )}
        </>
      )}
    </Stack>
  )
}

function CartPanel({
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
  const record = useRecordSale(city)
  const [method, setMethod] = useState<PaymentMethod>('cash')
  const [reference, setReference] = useState('')
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const lines = [...cart].flatMap(([batchId, quantity]) => {
    const batch = batches.find((candidate) => candidate.id === batchId)
    return batch ? [{ batch, quantity }] : []
  })
  const total = lines.reduce((sum, line) => sum + line.batch.unitPriceRupiah * line.quantity, 0)
  const labels: Record<string, string> = {
    paymentReference: t('centre.cart.reference'),
    paymentMethod: t('centre.cart.method'),
    ...Object.fromEntries(
      lines.flatMap((line, index) => [
        [`lines.${index}.quantity`, t('centre.cart.quantityOf', { product: line.batch.product.name })],
        [`lines.${index}.batchId`, line.batch.product.name],
      ]),
    ),
  }
  const setQuantity = (batchId: string, quantity: number) => {
    const next = new Map(cart)
    if (quantity <= 0) next.delete(batchId)
    else next.set(batchId, quantity)
    onChange(next)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, string> = {}
    lines.forEach((line, index) => {
      if (line.quantity > line.batch.remaining)
        found[`lines.${index}.quantity`] = t('centre.cart.tooMany', {
          remaining: formatNumber(line.batch.remaining, language),
        })
    })
    if (method === 'qris' && !reference.trim()) found.paymentReference = t('centre.cart.referenceRequired')
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
  if (lines.length === 0)
    return (
      <Paper withBorder p="md" id="cart" className={printClasses.noPrint}>
        <Title order={2} size="h3">
          {t('centre.cart.title')}
        </Title>
        <Text mt="xs">{t('centre.cart.empty')}</Text>
      </Paper>
    )
  return (
    <Paper
      withBorder
      p="md"
      id="cart"
      component="form"
      onSubmit={submit}
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
          {lines.map(({ batch, quantity }, index) => {
            const name = `lines.${index}.quantity`
            return (
              <li key={batch.id}>
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
                      onClick={() => setQuantity(batch.id, quantity - 1)}
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
                        if (typed !== null) setQuantity(batch.id, Math.min(typed, 10_000))
                      }}
                      error={fieldError(record.error, name, clientErrors)}
                    />
                    <ActionIcon
                      size={48}
                      variant="default"
                      disabled={quantity >= batch.remaining}
                      onClick={() => setQuantity(batch.id, quantity + 1)}
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
          })}
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
        <Radio.Group
          id={fieldId(SALE_FORM, 'paymentMethod')}
          label={labels.paymentMethod}
          value={method}
          onChange={(value) => setMethod(value as PaymentMethod)}
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
            onChange={(event) => setReference(event.currentTarget.value)}
            error={fieldError(record.error, 'paymentReference', clientErrors)}
            maw={360}
          />
        )}
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

/** After a sale: the struk on screen and on paper, then back to the counter. */
function SoldView({ sale, timeZone, onNext }: { sale: Sale; timeZone: string; onNext: () => void }) {
  const { t } = useTranslation('umkm')
  const saved = useRef<HTMLDivElement>(null)
  useEffect(() => {
    saved.current?.focus()
  }, [])
  return (
    <Stack gap="md">
      <Alert ref={saved} tabIndex={-1} color="teal" role="status" className={printClasses.noPrint}>
        {t('centre.receipt.saved', { total: formatRupiah(sale.totalRupiah, currentLanguage()) })}
      </Alert>
      <Receipt sale={sale} timeZone={timeZone} />
      <Group gap="sm" className={printClasses.noPrint}>
        <PrintButton label={t('centre.receipt.print')} />
        <Button size="md" style={TOUCH} onClick={onNext}>
          {t('centre.receipt.next')}
        </Button>
      </Group>
    </Stack>
  )
}

/** On a phone the cart is below a long shelf: a bar at the bottom says what is in it and leads there. */
function CartBar({ items, total }: { items: number; total: number }) {
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

function OutletPicker({
  outlets,
  outletId,
  onChoose,
}: {
  outlets: Outlet[]
  outletId: string
  onChoose: (outletId: string) => void
}) {
  const { t } = useTranslation('umkm')
  return (
    <NativeSelect
      label={t('centre.counter.outlet')}
      description={t('centre.counter.outletHint')}
      value={outletId}
      onChange={(event) => onChoose(event.currentTarget.value)}
      data={outlets.map((outlet) => ({ value: outlet.id, label: outlet.name }))}
      maw={420}
      size="md"
    />
  )
}

function Counter({ city, outlets }: { city: string; outlets: Outlet[] }) {
  const { t } = useTranslation('umkm')
  const { today, timeZone } = useCityToday(city)
  const [remembered, remember] = useRememberedOutlet(city)
  const outlet = outlets.find((candidate) => candidate.id === remembered) ?? outlets[0]!
  const stock = useStock(city, outlet.id)
  const [cart, setCart] = useState<Cart>(new Map())
  // One key per cart: a double tap or a retry after a dropped answer records the sale once.
  const [saleKey, setSaleKey] = useState(newIdempotencyKey)
  const [sold, setSold] = useState<Sale | null>(null)
  const [intake, setIntake] = useState(false)
  const items = [...cart.values()].reduce((sum, quantity) => sum + quantity, 0)
  const batches = stock.data ?? []
  const cartTotal = [...cart].reduce((sum, [batchId, quantity]) => {
    const batch = batches.find((candidate) => candidate.id === batchId)
    return sum + (batch ? batch.unitPriceRupiah * quantity : 0)
  }, 0)
  const add = (batch: Batch) => {
    const next = new Map(cart)
    next.set(batch.id, Math.min((cart.get(batch.id) ?? 0) + 1, batch.remaining))
    setCart(next)
  }

  if (sold)
    return (
      <SoldView
        sale={sold}
        timeZone={timeZone}
        onNext={() => {
          setSold(null)
          window.scrollTo({ top: 0 })
        }}
      />
    )
  return (
    <Stack gap="lg">
      <OutletPicker
        outlets={outlets}
        outletId={outlet.id}
        onChoose={(outletId) => {
          remember(outletId)
          setCart(new Map())
          setSaleKey(newIdempotencyKey())
        }}
      />
      <QueryState query={stock}>
        {(data) => (
          <Stack gap="lg">
            {/* The bar sticks only while the shelf is on screen, so it never covers the cart itself. */}
            <div>
              <Shelf city={city} batches={data} cart={cart} today={today} onAdd={add} />
              <CartBar items={items} total={cartTotal} />
            </div>
            <CartPanel
              city={city}
              outletId={outlet.id}
              batches={data}
              cart={cart}
              saleKey={saleKey}
              onChange={(next) => {
                setCart(next)
                if (next.size === 0) setSaleKey(newIdempotencyKey())
              }}
              onSold={(sale) => {
                setCart(new Map())
                setSaleKey(newIdempotencyKey())
                setSold(sale)
                window.scrollTo({ top: 0 })
              }}
            />
          </Stack>
        )}
      </QueryState>
      <Stack gap="sm" className={printClasses.noPrint}>
        {intake ? (
          <IntakeForm city={city} outletId={outlet.id} today={today} onDone={() => setIntake(false)} />
        ) : (
          <Group>
            <Button variant="outline" size="md" style={TOUCH} onClick={() => setIntake(true)}>
              {t('centre.intake.title')}
            </Button>
          </Group>
        )}
      </Stack>
      <DaySales city={city} outletId={outlet.id} timeZone={timeZone} />
    </Stack>
  )
}

/** /c/:city/umkm/centre: the clerk's counter — the shelf, the cart, the till, and intake. */
export default function CentreCounterPage() {
  const { t } = useTranslation('umkm')
  const city = useCityParam()
  const outlets = useOutlets(city)
  const { canEdit } = useCentreRights(city)
  return (
    <Stack gap="lg">
      <Stack gap="xs" className={printClasses.noPrint}>
        <Title order={1}>{t('centre.counter.title')}</Title>
        <CentreLinks city={city} current="counter" />
      </Stack>
      <QueryState query={outlets}>
        {(all) => {
          const open = all.filter((outlet) => outlet.isActive)
          if (open.length === 0)
            return (
              <Stack gap="md">
                <Text>{canEdit ? t('centre.counter.noOutletStaff') : t('centre.counter.noOutlet')}</Text>
                {canEdit && <OutletForm city={city} />}
              </Stack>
            )
          return <Counter city={city} outlets={open} />
        }}
      </QueryState>
    </Stack>
  )
}
