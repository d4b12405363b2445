import { Alert, Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { formatRupiah } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { type Batch, type Outlet, type Sale, useOutlets, useStock } from './centre.api.ts'
import { type Cart, CartBar, CartPanel } from './centre-cart.tsx'
import { IntakeForm } from './centre-intake-form.tsx'
import {
  CentreLinks,
  PrintButton,
  printClasses,
  TOUCH,
  useCentreRights,
  useCityToday,
  useRememberedOutlet,
} from './centre-labels.tsx'
import { OutletForm } from './centre-outlet-form.tsx'
import { DaySales, Receipt } from './centre-sales.tsx'
import { Shelf } from './centre-shelf.tsx'

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

/** Goods brought in at the counter: a button, then the intake form in place. */
function IntakeSection({ city, outletId, today }: { city: string; outletId: string; today: string }) {
  const { t } = useTranslation('umkm')
  const [intake, setIntake] = useState(false)
  return (
    <Stack gap="sm" className={printClasses.noPrint}>
      {intake ? (
        <IntakeForm city={city} outletId={outletId} today={today} onDone={() => setIntake(false)} />
      ) : (
        <Group>
          <Button variant="outline" size="md" style={TOUCH} onClick={() => setIntake(true)}>
            {t('centre.intake.title')}
          </Button>
        </Group>
      )}
    </Stack>
  )
}

function Counter({ city, outlets }: { city: string; outlets: Outlet[] }) {
  const { today, timeZone } = useCityToday(city)
  const [remembered, remember] = useRememberedOutlet(city)
  const outlet = outlets.find((candidate) => candidate.id === remembered) ?? outlets[0]!
  const stock = useStock(city, outlet.id)
  const [cart, setCart] = useState<Cart>(new Map())
  // One key per cart: a double tap or a retry after a dropped answer records the sale once.
  const [saleKey, setSaleKey] = useState(newIdempotencyKey)
  const [sold, setSold] = useState<Sale | null>(null)
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
      <IntakeSection city={city} outletId={outlet.id} today={today} />
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
