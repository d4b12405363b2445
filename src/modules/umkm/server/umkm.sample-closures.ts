import { addDays, daysBetween } from '../domain/licences.ts'
import { firstDayOf } from '../domain/registry.ts'

/**
 * Which sample businesses have closed (*tutup usaha*), so the registry's status filter and the
 * counts of past years show something. Made up: in the showcase the 22nd business (a micro one
 * with an NIB, which no sample programme or centre product uses), closed on 30 August 2025; at the
 * city's scale about 2.5 % more, each on a day from 2023 to mid-2026 after it started, with a
 * reason of the kind a dinas records. Drawn per row from its index, so a row's closure does not
 * depend on the count generated, and the generators' own random streams are untouched.
 */

export const SHOWCASE_CLOSED_INDEX = 21
/** In 2025, so the demo's 2025 counts (computed at seed) leave it out and 2023's keep it. */
const SHOWCASE_CLOSURE = { closedOn: '2025-08-30', closureReason: 'Pemilik beralih pekerjaan' }
const SHARE_CLOSED = 0.025
const FIRST_CLOSURE = '2023-01-01'
// Well before any day the demo is seeded on: a closure is never in the future.
const LAST_CLOSURE = '2026-06-30'

const REASONS = [
  'Pemilik pindah ke luar kota',
  'Pemilik beralih pekerjaan',
  'Modal habis, usaha tidak berjalan lagi',
  'Tempat usaha tidak disewa lagi',
  'Pemilik meninggal dunia, tidak ada yang meneruskan',
  'Digabung dengan usaha keluarga',
] as const

export interface SampleClosure {
  closedOn: string | null
  closureReason: string | null
}

/** Three numbers in [0, 1) from the seed and the row's index alone. */
function rollsOf(seed: number, index: number): [number, number, number] {
  let state = (seed ^ Math.imul(index + 1, 2_654_435_761)) >>> 0
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0
    return state / 2 ** 32
  }
  next()
  return [next(), next(), next()]
}

export function sampleClosureOf(options: {
  seed: number
  index: number
  /** True for the showcase rows, whose one closure is fixed. */
  isShowcase: boolean
  startedYear: number
  startedMonth: number
}): SampleClosure {
  if (options.isShowcase) {
    return options.index === SHOWCASE_CLOSED_INDEX
      ? SHOWCASE_CLOSURE
      : { closedOn: null, closureReason: null }
  }
  const [closes, day, reason] = rollsOf(options.seed, options.index)
  if (closes >= SHARE_CLOSED) return { closedOn: null, closureReason: null }
  const started = firstDayOf(options)!
  const from = started > FIRST_CLOSURE ? started : FIRST_CLOSURE
  if (from > LAST_CLOSURE) return { closedOn: null, closureReason: null }
  return {
    closedOn: addDays(from, Math.floor(day * (daysBetween(from, LAST_CLOSURE) + 1))),
    closureReason: REASONS[Math.floor(reason * REASONS.length)]!,
  }
}
