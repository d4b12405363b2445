/** The demo's random draws: seeded, so the same seed gives the same demo on every machine. */

/** A small linear congruential generator: the same seed, the same demo. */
export function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0
    return state / 2 ** 32
  }
}

export type Next = () => number

export const pickFrom = <T>(next: Next, items: readonly T[]): T => items[Math.floor(next() * items.length)]!
export const between = (next: Next, low: number, high: number) => low + Math.floor(next() * (high - low + 1))

/** One of `items` with probability proportional to its weight. */
export function weighted<T>(next: Next, items: readonly T[], weightOf: (item: T) => number): T {
  const total = items.reduce((sum, item) => sum + weightOf(item), 0)
  let left = next() * total
  for (const item of items) {
    left -= weightOf(item)
    if (left < 0) return item
  }
  return items[items.length - 1]!
}

/** Low values far more often than high ones, as in every registry of small traders. */
export const skewedBetween = (next: Next, low: number, high: number, power = 1.6) =>
  low * (high / low) ** (next() ** power)
