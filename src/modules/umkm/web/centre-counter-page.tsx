import { Alert, Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { formatRupiah } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { type Batch, type Outlet, type Sale, useOutlets, useSale, useStock } from './centre.api.ts'
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
import { VoidForm } from './centre-void-form.tsx'

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

/** A sale from today's list, read again from the server: reprint its struk, or void it with a reason. */
function ReprintView({
  city,
  saleId,
  timeZone,
  onBack,
}: {
  city: string
  saleId: string
  timeZone: string
  onBack: () => void
}) {
  const { t } = useTranslation('umkm')
  const sale = useSale(city, saleId)
  const [voiding, setVoiding] = useState(false)
  const [voided, setVoided] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.focus()
  }, [])
  return (
    <Stack gap="md">
      <Title order={2} ref={heading} tabIndex={-1} className={printClasses.noPrint}>
        {t('centre.receipt.title')}
      </Title>
      {voided && (
        <Alert color="teal" role="status" className={printClasses.noPrint}>
          {t('centre.receipt.voidDone')}
        </Alert>
      )}
      <QueryState query={sale}>
        {(data) => (
          <Stack gap="md">
            <Receipt sale={data} timeZone={timeZone} />
            {voiding && !data.voided ? (
              <div className={printClasses.noPrint}>
                <VoidForm
                  city={city}
                  sale={data}
                  onDone={(result) => {
                    setVoiding(false)
                    if (result) setVoided(true)
                  }}
                />
              </div>
            ) : (
              <Group gap="sm" className={printClasses.noPrint}>
                <PrintButton label={t('centre.receipt.print')} />
                {!data.voided && (
                  <Button
                    size="md"
                    style={TOUCH}
                    variant="outline"
                    color="red.9"
                    onClick={() => setVoiding(true)}
                  >
                    {t('centre.receipt.void')}
                  </Button>
                )}
              </Group>
            )}
          </Stack>
        )}
      </QueryState>
      <Group className={printClasses.noPrint}>
        <Button size="md" style={TOUCH} onClick={onBack}>
          {t('centre.receipt.back')}
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
  const [opened, setOpened] = useState<string | null>(null)
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

  if (opened)
    return (
      <ReprintView
        city={city}
        saleId={opened}
        timeZone={timeZone}
        onBack={() => {
          setOpened(null)
          window.scrollTo({ top: 0 })
        }}
      />
    )
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
      <DaySales
        city={city}
        outletId={outlet.id}
        timeZone={timeZone}
        onOpen={(saleId) => {
          setOpened(saleId)
          window.scrollTo({ top: 0 })
        }}
      />
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
