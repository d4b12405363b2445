import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, type FieldProblem } from '../errors.ts'
import { translate } from '../i18n.ts'
import { toFieldProblems } from './validation.ts'

const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.payload_too_large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.malformed_json',
}

function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error
  if (error.validation) {
    const details = toFieldProblems(error.validation as never, error.validationContext ?? 'body')
    return new AppError('validation.failed', { details })
  }
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined
  if (mapped) return new AppError(mapped)
  if (error instanceof SyntaxError && error.statusCode === 400) return new AppError('request.malformed_json')
  if (error.statusCode === 429) return new AppError('rate_limited')
  if (error.statusCode === 404) return new AppError('route.not_found')
  // Any other refusal by the framework is the client's: say so, without a 500.
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
    return new AppError('request.invalid')
  return new AppError('internal')
}

/**
 * Drizzle wraps database errors with the failed query *and its parameters* in the message: a
 * password hash or a token would land in the log. Keep the SQL and the database's own error only.
 */
function loggable(error: Error): unknown {
  const wrapped = error as Error & { query?: string; params?: unknown[]; cause?: unknown }
  if (wrapped.query === undefined || wrapped.params === undefined) return error
  const cause = wrapped.cause as { code?: string; message?: string; constraint?: string } | undefined
  return {
    type: error.name,
    query: wrapped.query,
    cause: cause ? { code: cause.code, message: cause.message, constraint: cause.constraint } : undefined,
    stack: error.stack?.split('\n').slice(1).join('\n'),
  }
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, appError: AppError): FastifyReply {
  const locale = request.locale
  const errors = appError.details?.map((detail: FieldProblem) => ({
    field: detail.field,
    code: detail.code,
    message: detail.message ?? translate(locale, detail.code, detail.params),
  }))
  return reply
    .code(appError.status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `urn:sinergi:problem:${appError.code}`,
      title: translate(locale, appError.code, appError.params),
      status: appError.status,
      code: appError.code,
      detail: translate(locale, appError.code, appError.params),
      instance: request.url,
      ...(errors ? { errors } : {}),
      ...appError.extensions,
    })
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error)
    if (appError.status >= 500) {
      // The cause goes to the log, never to the client; and never a query's parameters to the log.
      request.log.error({ err: loggable(error), url: request.url, method: request.method }, 'request failed')
    } else {
      request.log.info({ code: appError.code, url: request.url }, 'request refused')
    }
    if (appError.code === 'rate_limited' && reply.getHeader('retry-after') === undefined) {
      reply.header('retry-after', '60')
    }
    return sendProblem(request, reply, appError)
  })
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, new AppError('route.not_found')))
}
