import { createHash } from 'node:crypto'
import type { Database } from '../db/client.ts'

/**
 * The public city detail (a kabupaten/kota with its kecamatan and desa/kelurahan) is reference
 * data: the region tree changes only when a new idn-area-data version is loaded at boot, and the
 * city's own row only when it is (de)activated. It is served from memory, already serialised,
 * with an ETag so a phone on a weak connection can revalidate with a 304.
 *
 * Activation in this process clears the entry at once; another app server behind the same load
 * balancer sees the change within TTL_MS.
 */
const TTL_MS = 30_000

export interface CachedBody {
  body: string
  etag: string
  expiresAt: number
}

const caches = new WeakMap<Database, Map<string, CachedBody>>()

function cacheOf(database: Database): Map<string, CachedBody> {
  let cache = caches.get(database)
  if (!cache) {
    cache = new Map()
    caches.set(database, cache)
  }
  return cache
}

export async function cachedCityDetail(
  database: Database,
  options: { key: string; load: () => Promise<{ codes: string[]; value: unknown }> },
): Promise<CachedBody> {
  const cache = cacheOf(database)
  const hit = cache.get(options.key)
  if (hit && hit.expiresAt > Date.now()) return hit
  const { codes, value } = await options.load()
  const body = JSON.stringify(value)
  const entry = {
    body,
    etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
    expiresAt: Date.now() + TTL_MS,
  }
  for (const code of codes) cache.set(code, entry)
  return entry
}

export function forgetCityDetail(database: Database): void {
  caches.get(database)?.clear()
}
