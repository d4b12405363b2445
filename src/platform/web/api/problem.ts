import type { i18n as I18n } from 'i18next'
import { ERRORS_NS } from '../i18n/resources.ts'

export interface FieldProblem {
  field: string
  code: string
  message: string
}

const SESSION_LOST = new Set(['auth.session_expired', 'auth.required'])

/** A refused request (an RFC 9457 problem from the server) or no answer at all (code `network`). */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly detail: string
  readonly fieldProblems: FieldProblem[]

  constructor(options: { status: number; code: string; detail?: string; errors?: FieldProblem[] }) {
    super(options.code)
    this.name = 'ApiError'
    this.status = options.status
    this.code = options.code
    this.detail = options.detail ?? ''
    this.fieldProblems = options.errors ?? []
  }

  get isNetwork(): boolean {
    return this.status === 0
  }

  get isSessionLost(): boolean {
    return this.status === 401 && SESSION_LOST.has(this.code)
  }
}

export function toApiError(status: number, body: unknown): ApiError {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  return new ApiError({
    status,
    code: typeof problem.code === 'string' ? problem.code : status >= 500 ? 'internal' : 'unknown',
    detail: typeof problem.detail === 'string' ? problem.detail : undefined,
    errors: Array.isArray(problem.errors) ? (problem.errors as FieldProblem[]) : undefined,
  })
}

/** `/body/username` → `username`: the name our forms give the field. */
export function fieldNameOf(pointer: string): string {
  return pointer.split('/').filter(Boolean).slice(1).join('.')
}

/** Field problems keyed by form field name, the first message winning. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const result: Record<string, string> = {}
  if (!(error instanceof ApiError)) return result
  for (const problem of error.fieldProblems) {
    const name = fieldNameOf(problem.field)
    if (name && !(name in result)) result[name] = problem.message
  }
  return result
}

/**
 * The message for a refused request in the UI language. Our catalog copy wins, except where the
 * server fills in values ({{minutes}}, {{name}}) that only its own `detail` carries.
 */
export function problemMessage(i18n: I18n, error: unknown): string {
  if (!(error instanceof ApiError)) return i18n.t('errors.unknown')
  if (error.isNetwork) return i18n.t('errors.network')
  const options = { ns: ERRORS_NS, keySeparator: false as const }
  const template = i18n.exists(error.code, options)
    ? String(i18n.getResource(i18n.language, ERRORS_NS, error.code) ?? '')
    : ''
  if (template && !template.includes('{{')) return i18n.t(error.code, options)
  return error.detail || i18n.t('errors.unknown')
}

/** "Required" in the UI language, from the same catalog the server uses for that check. */
export function requiredMessage(i18n: I18n): string {
  return i18n.t('validation.required', { ns: ERRORS_NS, keySeparator: false })
}
