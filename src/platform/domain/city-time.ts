/**
 * Calendar days in a city's own time zone: "today" in Palopo (WITA) starts an hour before "today"
 * in Batu (WIB). Indonesia keeps no daylight saving time, but the rule does not depend on that.
 */
// Building a DateTimeFormat costs about a third of a millisecond; a city has one zone, so keep it.
const wallFormats = new Map<string, Intl.DateTimeFormat>()

/** The zone's wall clock at the instant, to the second, as `YYYY-MM-DDTHH:MM:SS`. */
function wallClockOf(instant: Date, timezone: string): string {
  let format = wallFormats.get(timezone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    wallFormats.set(timezone, format)
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]))
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`
}

function offsetMinutes(instant: Date, timezone: string): number {
  const asUtc = Date.parse(`${wallClockOf(instant, timezone)}Z`)
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000)
}

/**
 * The instant as the city's wall clock with its offset, to the second: `2026-11-28T15:21:18+07:00`.
 * A receipt states when the nasabah stood at the counter in the bank's own time (WIB, WITA or
 * WIT), whichever zone the printer or the server is in.
 */
export function cityWallClock(instant: Date, timezone: string): string {
  const offset = offsetMinutes(instant, timezone)
  const sign = offset < 0 ? '-' : '+'
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0')
  return `${wallClockOf(instant, timezone)}${sign}${hours}:${minutes}`
}

/** The instant a calendar day (`YYYY-MM-DD`) begins in the zone. */
export function startOfCityDay(date: string, timezone: string): Date {
  const utcMidnight = new Date(`${date}T00:00:00Z`)
  return new Date(utcMidnight.getTime() - offsetMinutes(utcMidnight, timezone) * 60_000)
}

// Building a DateTimeFormat costs about a third of a millisecond; a city has one zone, so keep it.
const dayFormats = new Map<string, Intl.DateTimeFormat>()

/** The calendar day (`YYYY-MM-DD`) an instant falls on in the zone. */
export function cityDateOf(instant: Date, timezone: string): string {
  let format = dayFormats.get(timezone)
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
    dayFormats.set(timezone, format)
  }
  return format.format(instant)
}

export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}

export function previousDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
}
