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
  return new AppError('internal')
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
      // The cause goes to the log, never to the client.
      request.log.error({ err: error, url: request.url, method: request.method }, 'request failed')
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
