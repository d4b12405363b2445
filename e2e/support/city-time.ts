/**
 * The year in Kota Batu (WIB) now. The app's "this year" is the city's: from 17:00 UTC on
 * 31 December it is already the next year there, whatever the test machine's clock says.
 */
export function batuYear(now = new Date()): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(now))
}

/** Today, or a number of days from now, in Batu (WIB) as `YYYY-MM-DD`, as the server counts days. */
export function batuDay(offsetDays = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  )
}
