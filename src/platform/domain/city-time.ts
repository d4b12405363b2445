/**
 * Calendar days in a city's own time zone: "today" in Palopo (WITA) starts an hour before "today"
 * in Batu (WIB). Indonesia keeps no daylight saving time, but the rule does not depend on that.
 */
function offsetMinutes(instant: Date, timezone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant)
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000)
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
