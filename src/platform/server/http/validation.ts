import Ajv, { type ErrorObject } from 'ajv'
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
    httpPart === 'body' ? strict.compile(schema) : coercing.compile(schema),
  )
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
