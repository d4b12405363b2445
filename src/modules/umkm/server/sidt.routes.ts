import type { Readable } from 'node:stream'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { AppError } from '../../../platform/server/errors.ts'
import {
  CityParamsSchema,
  IsoDateTimeSchema,
  Nullable,
  ProblemSchema,
} from '../../../platform/server/http/schemas.ts'
import { type Locale, translate } from '../../../platform/server/i18n.ts'
import { exportSidt } from './sidt.export.ts'
import { MAX_REPORTED_PROBLEMS } from './sidt.import.service.ts'
import { findSidtImport, type SidtJob, settleSidtImports, startSidtImport } from './sidt.jobs.ts'
import { SidtUpload, XLSX_TYPE } from './sidt.upload.ts'

const tags = ['umkm']
// A stream, not a JSON body: the serializer leaves it alone.
const BinarySchema = Type.Unsafe<Readable>({ type: 'string', format: 'binary' })
const CSV_TYPE = 'text/csv'

const JobParamsSchema = Type.Intersect([
  CityParamsSchema,
  Type.Object({ jobId: Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$', examples: ['Zm9vYmFyYmF6cXV4'] }) }),
])

const SidtJobSchema = Type.Object(
  {
    id: Type.String(),
    status: Type.Enum(['running', 'done', 'failed']),
    phase: Type.Enum(['reading', 'checking', 'writing'], {
      description: 'reading the file, checking every row, writing in one transaction',
    }),
    done: Type.Integer({ description: 'Rows through the current phase so far' }),
    total: Type.Integer({ description: 'Rows in the file (0 while it is being read)' }),
    startedAt: IsoDateTimeSchema,
    finishedAt: Nullable(IsoDateTimeSchema),
    result: Nullable(
      Type.Object({
        rows: Type.Integer(),
        inserted: Type.Integer(),
        updated: Type.Integer({ description: 'Matched by SIDT id or NIB, and changed' }),
        unchanged: Type.Integer({ description: 'Matched, with nothing new: not written again' }),
        figures: Type.Integer({ description: 'Dated figures records appended' }),
        fileSha256: Type.String(),
      }),
    ),
    problem: Nullable(
      Type.Object(
        {
          status: Type.Integer(),
          code: Type.String({ description: 'e.g. umkm.sidt_rows_invalid, umkm.sidt_wrong_city' }),
          detail: Type.String(),
          rowsWithProblems: Type.Integer(),
          problemCount: Type.Integer(),
          errors: Type.Array(
            Type.Object({
              row: Nullable(Type.Integer({ description: 'Spreadsheet row; the header is row 1' })),
              column: Nullable(Type.String()),
              field: Type.String({ description: 'JSON pointer, /rows/{row}/{column}' }),
              code: Type.String(),
              message: Type.String(),
            }),
            { description: `The first ${MAX_REPORTED_PROBLEMS} problems, by row and column` },
          ),
        },
        { description: 'Why the import wrote nothing' },
      ),
    ),
  },
  { title: 'SidtImportJob' },
)

function presentProblem(error: AppError, locale: Locale) {
  const extensions = error.extensions ?? {}
  const errors = (error.details ?? []).map((detail) => {
    const match = /^\/rows\/(\d+)\/(.+)$/.exec(detail.field)
    return {
      row: match ? Number(match[1]) : null,
      column: match ? match[2]! : null,
      field: detail.field,
      code: detail.code,
      message: translate(locale, detail.code, detail.params),
    }
  })
  return {
    status: error.status,
    code: error.code,
    detail: translate(locale, error.code, error.params),
    rowsWithProblems: Number(extensions.rowsWithProblems ?? 0),
    problemCount: Number(extensions.problemCount ?? errors.length),
    errors,
  }
}

/** Messages are put in the language of whoever asks, each time they ask. */
function presentJob(job: SidtJob, locale: Locale) {
  return {
    id: job.id,
    status: job.status,
    phase: job.phase,
    done: job.done,
    total: job.total,
    startedAt: job.startedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    result: job.result,
    problem: job.error ? presentProblem(job.error, locale) : null,
  }
}

/** Mounted at /api/v1/cities/:city/umkm: the registry in and out of the national SIDT layout. */
export const sidtRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The file arrives as the raw request body (what `fetch(url, { body: file })` sends).
  app.addContentTypeParser(
    [XLSX_TYPE, CSV_TYPE],
    { parseAs: 'buffer', bodyLimit: 64 * 1_048_576 },
    (request, body, done) => {
      const isCsv = (request.headers['content-type'] ?? '').startsWith(CSV_TYPE)
      done(null, new SidtUpload(body as Buffer, isCsv ? 'csv' : 'xlsx'))
    },
  )
  // The app closes after running imports end: a transaction is never cut by the shutdown.
  app.addHook('onClose', async () => settleSidtImports())

  app.post(
    '/sidt/imports',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary:
          'Start importing businesses from a SIDT file (49 columns, xlsx or CSV body); poll the job. Any bad row: nothing is written',
        params: CityParamsSchema,
        consumes: [XLSX_TYPE, CSV_TYPE],
        response: {
          202: SidtJobSchema,
          400: ProblemSchema,
          403: ProblemSchema,
          409: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      if (!(request.body instanceof SidtUpload) || request.body.size === 0) {
        throw new AppError('umkm.sidt_file_unreadable')
      }
      const job = await startSidtImport(request.context(), {
        city: request.city!,
        upload: request.body,
        log: request.log,
      })
      return reply
        .code(202)
        .header('location', `${request.url.replace(/\/$/, '')}/${job.id}`)
        .send(presentJob(job, request.locale))
    },
  )

  app.get(
    '/sidt/imports/:jobId',
    {
      schema: {
        tags,
        summary:
          'Progress of a SIDT import started by the caller: running, done (counts) or failed (row problems)',
        params: JobParamsSchema,
        response: { 200: SidtJobSchema, 404: ProblemSchema },
      },
    },
    async (request) => {
      const job = await findSidtImport(request.context(), {
        jobId: request.params.jobId,
        city: request.city!,
        userId: request.actor?.userId ?? null,
      })
      return presentJob(job, request.locale)
    },
  )

  app.get(
    '/sidt/export.xlsx',
    {
      schema: {
        tags,
        summary:
          "The city's businesses in the 49 SIDT columns, in order; NIK and phone masked unless unmasked=true (umkm:personal_data, audited)",
        params: CityParamsSchema,
        querystring: Type.Object({
          format: Type.Enum(['xlsx', 'csv'], { default: 'xlsx' }),
          unmasked: Type.Boolean({
            default: false,
            description: 'Full NIK, phone, birth date and street address; needs umkm:personal_data',
          }),
        }),
        produces: [XLSX_TYPE, CSV_TYPE],
        response: { 200: BinarySchema, 403: ProblemSchema },
      },
    },
    async (request, reply) => {
      const file = await exportSidt(request.context(), {
        city: request.city!,
        format: request.query.format,
        unmasked: request.query.unmasked,
        onError: (error) => request.log.error({ err: error }, 'SIDT export failed while streaming'),
      })
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.stream)
    },
  )
}
