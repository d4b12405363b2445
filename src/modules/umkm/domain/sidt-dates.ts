/**
 * Dates and moments as SIDT writes them, and the time-zone arithmetic that reads a bare
 * wall-clock time in the city's own zone.
 */
import { pad } from './sidt-cells.ts'

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** `YYYY-MM-DD`, or `DD/MM/YYYY` / `DD-MM-YYYY` as Indonesian spreadsheets write it. */
export function parseSidtDate(text: string): string | null {
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text)
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
    return isRealDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null
  }
  match = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text)
  if (match) {
    const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])]
    return isRealDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null
  }
  return null
}

/**
 * Time-zone arithmetic for many rows at once. Building an Intl.DateTimeFormat costs far more than
 * using one, and a file stamps every row: the formatters are made once per zone and kept.
 */
const offsetFormatters = new Map<string, Intl.DateTimeFormat>()
const dateFormatters = new Map<string, Intl.DateTimeFormat>()

function formatterOf(
  cache: Map<string, Intl.DateTimeFormat>,
  timezone: string,
  make: () => Intl.DateTimeFormat,
) {
  let formatter = cache.get(timezone)
  if (!formatter) {
    formatter = make()
    cache.set(timezone, formatter)
  }
  return formatter
}

/** Minutes the zone is ahead of UTC at an instant. */
function zoneOffsetMinutes(instant: number, timezone: string): number {
  const formatter = formatterOf(
    offsetFormatters,
    timezone,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone: timezone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
  )
  const parts: Record<string, number> = {}
  for (const part of formatter.formatToParts(instant)) parts[part.type] = Number(part.value)
  const wallClock = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  )
  return Math.round((wallClock - Math.floor(instant / 1000) * 1000) / 60_000)
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in the zone. */
export function localDateOf(instant: Date, timezone: string): string {
  return formatterOf(
    dateFormatters,
    timezone,
    () =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone: timezone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }),
  ).format(instant)
}

/**
 * A moment: ISO with a zone (`2026-04-15T08:30:00Z`, `+07:00`), or a wall-clock time without one
 * (`2026-04-15 08:30:00`, `2026-04-15`), which is read in the city's own time zone — SIDT is
 * filled in Indonesia, and a bare time there means local time.
 */
export function parseSidtMoment(text: string, timezone: string): Date | null {
  const match =
    /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
      text,
    )
  if (!match) return null
  const [, date, hh = '00', mm = '00', ss = '00', fraction = '0', zone] = match
  if (!parseSidtDate(date!) || Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return null
  const millis = Math.round(Number(`0.${fraction}`) * 1000)
  const timeOfDay = ((Number(hh) * 60 + Number(mm)) * 60 + Number(ss)) * 1000 + millis
  if (!zone) {
    // Indonesia keeps no daylight saving time: the offset at that wall-clock time is the offset.
    const wallClock = Date.parse(`${date}T00:00:00Z`) + timeOfDay
    return new Date(wallClock - zoneOffsetMinutes(wallClock, timezone) * 60_000)
  }
  const offset =
    zone === 'Z'
      ? 0
      : (zone.startsWith('-') ? -1 : 1) *
        (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(zone.includes(':') ? 4 : 3)))
  return new Date(Date.parse(`${date}T00:00:00Z`) + timeOfDay - offset * 60_000)
}
