import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import type { FastifyInstance } from 'fastify'
import type { FieldProblem } from '../errors.ts'

function makeAjv(coerceTypes: boolean | 'array'): Ajv {
  const ajv = new Ajv({
    coerceTypes,
    useDefaults: true,
    removeAdditional: false,
    allErrors: true,
    strict: false,
  })
  addFormats(ajv)
  return ajv
}

/**
 * Bodies are validated strictly: no type coercion (a string "5" is not a weight) and, through
 * BodySchema, no unknown fields. Query strings and path parameters arrive as text, so they coerce.
 */
export function installValidators(app: FastifyInstance): void {
  const strict = makeAjv(false)
  const coercing = makeAjv('array')
  app.setValidatorCompiler(({ schema, httpPart }) =>
    refusingNul(httpPart === 'body' ? strict.compile(schema) : coercing.compile(schema)),
  )
}

/** The JSON pointer of the first string holding a NUL character, or null. */
function findNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      const found = findNul(inner, `${path}/${key}`)
      if (found !== null) return found
    }
  }
  return null
}

/**
 * PostgreSQL cannot store a NUL character in text, and would answer with a 500. Refuse it as a
 * validation error instead, in every part of every request.
 */
function refusingNul(validate: ValidateFunction) {
  const wrapped = (data: unknown): boolean => {
    if (!validate(data)) {
      wrapped.errors = validate.errors
      return false
    }
    const path = findNul(data)
    wrapped.errors =
      path === null
        ? null
        : [{ keyword: 'nul', instancePath: path, schemaPath: '#', params: {}, message: 'contains NUL' }]
    return path === null
  }
  wrapped.errors = null as ErrorObject[] | null | undefined
  return wrapped
}

export function toFieldProblems(errors: ErrorObject[], context: string): FieldProblem[] {
  const problems: FieldProblem[] = []
  const seen = new Set<string>()
  for (const error of errors) {
    // A union's branches each report; the union's own error says it better.
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'const') continue
    let field = `/${context}${error.instancePath}`
    let code = `validation.${error.keyword}`
    const params: Record<string, unknown> = { ...error.params }
    if (error.keyword === 'required') field = `${field}/${String(error.params.missingProperty)}`
    if (error.keyword === 'additionalProperties') {
      field = `${field}/${String(error.params.additionalProperty)}`
      params.property = error.params.additionalProperty
    }
    if (
      ![
        'required',
        'type',
        'minLength',
        'maxLength',
        'minimum',
        'maximum',
        'pattern',
        'format',
        'enum',
        'additionalProperties',
      ].includes(error.keyword)
    ) {
      code = 'validation.invalid'
    }
    const key = `${field} ${code}`
    if (seen.has(key)) continue
    seen.add(key)
    problems.push({ field, code, params })
  }
  if (problems.length === 0) {
    for (const error of errors)
      problems.push({ field: `/${context}${error.instancePath}`, code: 'validation.invalid' })
  }
  return problems
}
