import createClient from 'openapi-fetch'
import { currentLanguage } from '../i18n/setup.ts'
import { ApiError, toApiError } from './problem.ts'
import type { paths } from './schema'

let csrfToken: string | null = null

/** The session's CSRF token, from login or GET /auth/me; every cookie-authenticated write echoes it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' })

/**
 * The headers every API request carries: the UI language, and the CSRF token on a write. Shared by
 * the typed client and the few plain `fetch` calls (a file upload's raw body).
 */
export function applyApiHeaders(headers: Headers, method: string): void {
  headers.set('Accept-Language', currentLanguage())
  if (csrfToken && method !== 'GET' && method !== 'HEAD') headers.set('X-CSRF-Token', csrfToken)
}

api.use({
  onRequest({ request }) {
    applyApiHeaders(request.headers, request.method)
    return request
  },
})

type Outcome = { data?: unknown; error?: unknown; response: Response }

/** Resolves to the response body, or throws an ApiError (status 0 when the server never answered). */
export async function unwrap<R extends Outcome>(call: Promise<R>): Promise<NonNullable<R['data']>> {
  let outcome: R
  try {
    outcome = await call
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new ApiError({ status: 0, code: 'network' })
  }
  if (!outcome.response.ok) throw toApiError(outcome.response.status, outcome.error)
  return outcome.data as NonNullable<R['data']>
}

/** One key per form submission: a double click or a retried request never creates twice. */
export function idempotencyHeaders(key: string): { 'Idempotency-Key': string } {
  return { 'Idempotency-Key': key }
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID()
}

/**
 * Uploads a file as the raw request body (xlsx or CSV), as the import routes take it, with an
 * Idempotency-Key; a refusal comes back as an ApiError with the row problems.
 */
export async function postFile<T>(
  url: string,
  options: { file: File; key: string; contentType: string },
): Promise<T> {
  const headers = new Headers({ 'Content-Type': options.contentType, ...idempotencyHeaders(options.key) })
  applyApiHeaders(headers, 'POST')
  let response: Response
  try {
    response = await fetch(url, { method: 'POST', body: options.file, headers, credentials: 'same-origin' })
  } catch {
    throw new ApiError({ status: 0, code: 'network' })
  }
  const body: unknown = await response.json().catch(() => undefined)
  if (!response.ok) throw toApiError(response.status, body)
  return body as T
}
