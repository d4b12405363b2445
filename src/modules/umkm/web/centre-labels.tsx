import { Anchor, Badge, Button, Group } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { cityDateOf } from '../../../platform/domain/city-time.ts'
import { useWorkspace } from '../../../platform/web/api/hooks.ts'
import type { UiLocale } from '../../../platform/web/format.ts'
import type { Grade } from '../domain/centre.ts'
import classes from './centre-print.module.css'

export { classes as printClasses }

/** Big enough for a thumb on a cheap phone (WCAG 2.5.5 target size). */
export const TOUCH = { minHeight: 48 }

/** Days before expiry from which the counter warns: two weeks to sell or return a batch. */
export const EXPIRY_WARNING_DAYS = 14

const GRADE_COLOUR: Record<Grade, string> = { A: 'teal.9', B: 'blue.9', C: 'grape.9', D: 'red.9' }
/** A badge in a narrow table cell keeps its whole text instead of shrinking to "NILA…". */
const WHOLE = { root: { flexShrink: 0 }, label: { overflow: 'visible' } } as const

export function GradeBadge({ grade }: { grade: Grade | null }) {
  const { t } = useTranslation('umkm')
  if (!grade)
    return (
      <Badge variant="outline" color="gray.8" styles={WHOLE}>
        {t('centre.grade.none')}
      </Badge>
    )
  return (
    <Badge variant="filled" color={GRADE_COLOUR[grade]} styles={WHOLE}>
      {t('centre.grade.label', { grade })}
    </Badge>
  )
}

/** Nothing when the batch keeps well; orange within two weeks; red once the date has passed. */
export function ExpiryBadge({ daysToExpiry }: { daysToExpiry: number | null }) {
  const { t } = useTranslation('umkm')
  if (daysToExpiry === null || daysToExpiry > EXPIRY_WARNING_DAYS) return null
  const text =
    daysToExpiry < 0
      ? t('centre.expiry.expired')
      : daysToExpiry === 0
        ? t('centre.expiry.today')
        : t('centre.expiry.inDays', { count: daysToExpiry })
  return (
    // Yellow with dark text: orange.9 under white text falls short of 4.5:1 at badge size.
    <Badge variant="filled" color={daysToExpiry <= 0 ? 'red.9' : 'yellow.5'} autoContrast styles={WHOLE}>
      {text}
    </Badge>
  )
}

/** Clerks run the counter (umkm:centre); only dinas staff open outlets, register, curate and settle (umkm:write). */
export function useCentreRights(city: string) {
  const permissions = useWorkspace(city).data?.permissions ?? []
  return { canEdit: permissions.includes('umkm:write') }
}

/** The calendar day in the city (Batu is WIB), not in the phone's own zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return cityDateOf(now, timeZone)
}

export function useCityToday(city: string) {
  const workspace = useWorkspace(city)
  const timeZone = workspace.data?.city.timezone ?? 'Asia/Jakarta'
  return { timeZone, today: todayIn(timeZone) }
}

const INTL: Record<UiLocale, string> = { id: 'id-ID', en: 'en-GB' }

/** `2026-11` → `November 2026`. */
export function formatMonth(month: string, language: UiLocale): string {
  return new Intl.DateTimeFormat(INTL[language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  )
}

/** `14.05` (id) or `14:05` (en), in the city's time zone. */
export function formatTime(instant: string, language: UiLocale, timeZone: string): string {
  return new Intl.DateTimeFormat(INTL[language], {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
  }).format(new Date(instant))
}

/** Basis points as a percentage: 1000 → `10%`, 750 → `7,5%`. */
export function formatCommission(bps: number, language: UiLocale): string {
  return new Intl.NumberFormat(INTL[language], { style: 'percent', maximumFractionDigits: 2 }).format(
    bps / 10_000,
  )
}

/**
 * What a clerk types, read the way they mean it: whole numbers with or without thousands dots
 * ("15.000", "Rp15000"). Null when it is not a whole number.
 */
export function parseWhole(text: string): number | null {
  const value = text.trim().replace(/\s+/g, '').replace(/^rp/i, '')
  if (!/^\d+$/.test(value) && !/^\d{1,3}(?:\.\d{3})+$/.test(value)) return null
  const number = Number(value.replaceAll('.', ''))
  return Number.isSafeInteger(number) ? number : null
}

/** "10" or "7,5" (percent, up to two decimals) → basis points; null when it is not 0–100. */
export function parsePercentToBps(text: string): number | null {
  const value = text.trim().replace(/%$/, '').trim()
  if (!/^\d{1,3}(?:[.,]\d{1,2})?$/.test(value)) return null
  const [whole = '0', fraction = ''] = value.split(/[.,]/)
  const bps = Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  return bps <= 10_000 ? bps : null
}

/** The shelf, the products and the statements: the centre's three pages, a tap apart. */
export function CentreLinks({
  city,
  current,
}: {
  city: string
  current: 'counter' | 'products' | 'statements'
}) {
  const { t } = useTranslation('umkm')
  const links = [
    { key: 'counter', to: `/c/${city}/umkm/centre`, label: t('centre.counter.title') },
    { key: 'products', to: `/c/${city}/umkm/centre/products`, label: t('centre.products.title') },
    { key: 'statements', to: `/c/${city}/umkm/centre/statements`, label: t('centre.statements.title') },
  ] as const
  return (
    <Group component="nav" aria-label={t('centre.sections')} gap="md" className={classes.noPrint}>
      {links.map((link) =>
        link.key === current ? null : (
          <Anchor key={link.key} component={Link} to={link.to} style={{ ...TOUCH, alignContent: 'center' }}>
            {link.label}
          </Anchor>
        ),
      )}
    </Group>
  )
}

/** Print this page; on screen only (the printout has no buttons). */
export function PrintButton({ label }: { label: string }) {
  return (
    <Group className={classes.noPrint}>
      <Button size="md" style={TOUCH} variant="outline" onClick={() => window.print()}>
        {label}
      </Button>
    </Group>
  )
}

const OUTLET_KEY = 'sinergi.umkm.centre.outlet.'

/** The outlet this phone sells at, remembered across visits (a clerk works at one counter). */
export function useRememberedOutlet(city: string): [string | null, (outletId: string) => void] {
  const [outletId, setOutletId] = useState<string | null>(() => {
    try {
      return window.localStorage.getItem(OUTLET_KEY + city)
    } catch {
      return null
    }
  })
  const choose = (next: string) => {
    setOutletId(next)
    try {
      window.localStorage.setItem(OUTLET_KEY + city, next)
    } catch {
      // Private browsing may refuse storage: the choice then lasts as long as the page.
    }
  }
  return [outletId, choose]
}
