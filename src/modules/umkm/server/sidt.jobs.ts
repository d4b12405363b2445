import type { FastifyBaseLogger } from 'fastify'
import type { ServiceContext } from '../../../platform/server/context.ts'
import { isUniqueViolation } from '../../../platform/server/db/client.ts'
import { AppError, type FieldProblem } from '../../../platform/server/errors.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import {
  assertCanImportSidt,
  importSidt,
  type SidtImportPhase,
  type SidtImportResult,
} from './sidt.import.service.ts'
import type { SidtUpload } from './sidt.upload.ts'
import type { SidtJobRow } from './sidt-jobs.repository.ts'
import * as repo from './sidt-jobs.repository.ts'

/**
 * A SIDT import runs as a job the web page polls, rather than as one long request or a streamed
 * response. A 25,000-row file takes seconds to check and write: a request held that long invites
 * a proxy timeout and a retry while the first is still writing, and a streamed progress body does
 * not fit the JSON API client, its problem documents, or the OpenAPI types. Polling a small JSON
 * document does, and the CLI calls importSidt() itself with a progress callback.
 *
 * The job runs in the app server that received the upload; its state lives in the database
 * (umkm_sidt_jobs), so a poll answered by another app server or worker finds it. The running
 * server writes progress at most twice a second and a heartbeat every few seconds; a running job
 * not heard of for a minute lost its server (a crash, a restart) and is reported failed. That is
 * safe: the import is one transaction, so a job cut short has written nothing, and a job that had
 * committed answers a re-sent upload with the same Idempotency-Key from the database (the key is
 * stored with the result in the same transaction). Finished jobs are kept for an hour, scoped to
 * the city and the user who started them.
 */
export const JOB_RETENTION_MS = 60 * 60_000
const HEARTBEAT_MS = 5_000
export const JOB_LOST_AFTER_MS = 60_000
const PROGRESS_EVERY_MS = 500

export type SidtJobStatus = 'running' | 'done' | 'failed'

export interface SidtJob {
  id: string
  status: SidtJobStatus
  phase: SidtImportPhase
  done: number
  total: number
  startedAt: Date
  finishedAt: Date | null
  result: SidtImportResult | null
  error: AppError | null
}

interface StoredError {
  code: string
  params?: Record<string, unknown>
  details?: FieldProblem[]
  extensions?: Record<string, unknown>
}

function storedError(error: AppError): StoredError {
  return { code: error.code, params: error.params, details: error.details, extensions: error.extensions }
}

const LOST: StoredError = { code: 'umkm.sidt_job_lost' }

function jobOf(row: SidtJobRow, now: Date): SidtJob {
  const isLost = row.status === 'running' && now.getTime() - row.heartbeatAt.getTime() > JOB_LOST_AFTER_MS
  const error = isLost ? LOST : (row.error as StoredError | null)
  return {
    id: row.publicId,
    status: isLost ? 'failed' : row.status,
    phase: row.phase,
    done: row.done,
    total: row.total,
    startedAt: row.startedAt,
    finishedAt: isLost ? row.heartbeatAt : row.finishedAt,
    result: row.result as SidtImportResult | null,
    error: error ? new AppError(error.code, error) : null,
  }
}

/** This process's running imports: the app closes after their transactions end, not during. */
const runningHere = new Set<Promise<void>>()

/**
 * What the running import tells the database: progress, coalesced to the latest and written in
 * order; a heartbeat; and the end. Never awaited by the import itself: on PGlite (one connection)
 * a write waits for the import's transaction, so the import must not wait for it.
 */
function jobWriter(context: ServiceContext, id: number, log: FastifyBaseLogger) {
  const { db } = context.database
  let chain = Promise.resolve()
  type Progress = { done: number; total: number; phase: SidtImportPhase }
  // `latest` waits to be written; `last` is the newest ever reported, which the end also records.
  let latest: Progress | null = null
  let last: Progress = { done: 0, total: 0, phase: 'reading' }
  let lastPhase: SidtImportPhase = 'reading'
  let lastWrite = 0
  let queued = false
  const enqueue = (write: () => Promise<void>) => {
    chain = chain.then(write).catch((error: unknown) => log.warn({ err: error }, 'SIDT job state not saved'))
  }
  const heartbeat = setInterval(
    () => enqueue(() => repo.touchJob(db, { id, at: context.clock() })),
    HEARTBEAT_MS,
  )
  heartbeat.unref()
  return {
    progress(done: number, total: number, phase: SidtImportPhase) {
      last = { done, total, phase }
      latest = last
      if (queued) return
      if (phase === lastPhase && Date.now() - lastWrite < PROGRESS_EVERY_MS) return
      lastPhase = phase
      lastWrite = Date.now()
      queued = true
      enqueue(async () => {
        queued = false
        const state = latest
        latest = null
        if (state) await repo.updateProgress(db, { id, ...state, at: context.clock() })
      })
    },
    finish(outcome: { status: 'done' | 'failed'; result?: SidtImportResult; error?: StoredError }) {
      clearInterval(heartbeat)
      latest = null
      enqueue(() =>
        repo.finishJob(db, {
          id,
          ...last,
          status: outcome.status,
          result: outcome.result,
          error: outcome.error,
          at: context.clock(),
        }),
      )
      return chain
    },
  }
}

/**
 * Starts an import in the background and returns its job at once. The policy is checked before
 * anything starts.
 */
export async function startSidtImport(
  context: ServiceContext,
  options: { city: CityRef; upload: SidtUpload; log: FastifyBaseLogger },
): Promise<SidtJob> {
  const { city, upload, log } = options
  assertCanImportSidt(context, city)
  const { db } = context.database
  const now = context.clock()
  await repo.failLostJobs(db, {
    heardBefore: new Date(now.getTime() - JOB_LOST_AFTER_MS),
    error: LOST,
    at: now,
  })
  await repo.deleteFinishedJobs(db, { finishedBefore: new Date(now.getTime() - JOB_RETENTION_MS) })
  const userId = context.actor?.userId ?? null
  const claim = context.idempotency
  // Still running: the same upload sent again joins it. Once finished, a retry starts a job that
  // answers at once with the stored result (or fails again, when the first wrote nothing).
  const joinable = async () => {
    if (!claim) return undefined
    const row = await repo.findRunningJobWithKey(db, { cityId: city.id, userId, key: claim.key })
    if (row && row.requestHash !== claim.requestHash) throw new AppError('idempotency.key_reused')
    return row && jobOf(row, now)
  }
  const joined = await joinable()
  if (joined) return joined
  let row: SidtJobRow
  try {
    row = await repo.insertJob(db, {
      cityId: city.id,
      userId,
      idempotencyKey: claim?.key ?? null,
      requestHash: claim?.requestHash ?? null,
      startedAt: now,
      heartbeatAt: now,
    })
  } catch (error) {
    // One import per city at a time (a unique index): the second would only wait for the first's
    // lock. A twin of the running one, sent at the same moment, joins it instead.
    if (!isUniqueViolation(error)) throw error
    const twin = await joinable()
    if (twin) return twin
    throw new AppError('umkm.sidt_import_running')
  }
  const writer = jobWriter(context, row.id, log)
  const settled = importSidt(context, { city, upload, onProgress: writer.progress })
    .then((result) => writer.finish({ status: 'done', result }))
    .catch((error: unknown) => {
      if (!(error instanceof AppError) || error.status >= 500) {
        log.error({ err: error, jobId: row.publicId }, 'SIDT import failed')
      }
      return writer.finish({
        status: 'failed',
        error: storedError(error instanceof AppError ? error : new AppError('internal')),
      })
    })
    .finally(() => runningHere.delete(settled))
  runningHere.add(settled)
  return jobOf(row, now)
}

/** Only the person who started a job, in the same city, sees it; anyone else is told it does not exist. */
export async function findSidtImport(
  context: ServiceContext,
  options: { jobId: string; city: CityRef; userId: number | null },
): Promise<SidtJob> {
  const row = await repo.findJob(context.database.db, options.jobId)
  const now = context.clock()
  const isForgotten = row?.finishedAt && now.getTime() - row.finishedAt.getTime() > JOB_RETENTION_MS
  if (!row || row.cityId !== options.city.id || row.userId !== options.userId || isForgotten) {
    throw new AppError('umkm.sidt_job_not_found')
  }
  return jobOf(row, now)
}

/** Waits for this process's running imports, so the app closes after their transactions end. */
export async function settleSidtImports(): Promise<void> {
  await Promise.all([...runningHere])
}
