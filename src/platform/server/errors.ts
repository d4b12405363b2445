/**
 * One error model. A service throws `new AppError(code, …)`; the error handler turns it into
 * `application/problem+json` (RFC 9457) with the stable code and a message in the caller's
 * language. The web client translates the same codes.
 */
export interface FieldProblem {
  /** JSON pointer into the request, e.g. `/body/username`. */
  field: string
  code: string
  message?: string
  params?: Record<string, unknown>
}

const STATUS_BY_CODE: Record<string, number> = {
  'validation.failed': 400,
  'request.malformed_json': 400,
  'request.invalid': 400,
  'request.unsupported_media_type': 415,
  'request.payload_too_large': 413,
  'route.not_found': 404,
  'auth.required': 401,
  'auth.session_expired': 401,
  'auth.invalid_credentials': 401,
  'auth.token_invalid': 401,
  'api_token.not_found': 404,
  'auth.too_many_attempts': 429,
  'auth.csrf_invalid': 403,
  'auth.forbidden': 403,
  'auth.forbidden_city': 403,
  'auth.wrong_password': 400,
  'auth.weak_password': 400,
  'city.not_found': 404,
  'city.inactive': 409,
  'user.username_taken': 409,
  'user.not_found': 404,
  'role.unknown': 400,
  'role.scope_invalid': 400,
  'role.already_granted': 409,
  'role.grant_not_found': 404,
  'indicator.not_found': 404,
  'indicator.period_invalid': 400,
  'idempotency.key_invalid': 400,
  'idempotency.key_reused': 422,
  rate_limited: 429,
  database_unavailable: 503,
  internal: 500,
}

/** Modules register the status of their own codes through their manifest. */
export function registerErrorCodes(codes: Record<string, number>): void {
  for (const [code, status] of Object.entries(codes)) {
    if (STATUS_BY_CODE[code] !== undefined && STATUS_BY_CODE[code] !== status) {
      throw new Error(`Error code ${code} is already registered with status ${STATUS_BY_CODE[code]}`)
    }
    STATUS_BY_CODE[code] = status
  }
}

export function statusOf(code: string): number {
  return STATUS_BY_CODE[code] ?? 500
}

export function knownErrorCodes(): string[] {
  return Object.keys(STATUS_BY_CODE)
}

export class AppError extends Error {
  readonly code: string
  readonly status: number
  readonly params: Record<string, unknown>
  readonly details: FieldProblem[] | undefined
  /** Extra members of the problem document (e.g. the figures that conflict). */
  readonly extensions: Record<string, unknown> | undefined

  constructor(
    code: string,
    options: {
      params?: Record<string, unknown>
      details?: FieldProblem[]
      extensions?: Record<string, unknown>
    } = {},
  ) {
    super(code)
    this.name = 'AppError'
    this.code = code
    this.status = statusOf(code)
    this.params = options.params ?? {}
    this.details = options.details
    this.extensions = options.extensions
  }
}

/** A validation failure on one field, raised by a service rule rather than by the schema. */
export function fieldError(field: string, code: string, params: Record<string, unknown> = {}): AppError {
  return new AppError('validation.failed', { details: [{ field, code, params }] })
}
