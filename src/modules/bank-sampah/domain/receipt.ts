/** What a deposit receipt shows beyond the lines, pure. */

const WALL_CLOCKS = new Map<string, Intl.DateTimeFormat>()

/**
 * The instant as the city's wall clock with its offset, to the second: `2026-11-28T15:21:18+07:00`.
 * A receipt states when the nasabah stood at the counter in the bank's own time (WIB, WITA or
 * WIT), whichever zone the printer or the server is in.
 */
export function cityWallClock(instant: Date, timezone: string): string {
  let format = WALL_CLOCKS.get(timezone)
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
    WALL_CLOCKS.set(timezone, format)
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]))
  const wall = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`
  const seconds = Math.floor(instant.getTime() / 1000) * 1000
  const offsetMinutes = Math.round((Date.parse(`${wall}Z`) - seconds) / 60_000)
  const sign = offsetMinutes < 0 ? '-' : '+'
  const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0')
  const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0')
  return `${wall}${sign}${hours}:${minutes}`
}
