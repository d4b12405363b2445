import { randomBytes } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import type { ServiceContext } from '../../../platform/server/context.ts'
import { AppError } from '../../../platform/server/errors.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import {
  assertCanImportSidt,
  importSidt,
  type SidtImportPhase,
  type SidtImportResult,
} from './sidt.import.service.ts'
import type { SidtUpload } from './sidt.upload.ts'

/**
 * A SIDT import runs as a job the web page polls, rather than as one long request or a streamed
 * response. A 25,000-row file takes seconds to check and write: a request held that long invites
 * a proxy timeout and a retry while the first is still writing, and a streamed progress body does
 * not fit the JSON API client, its problem documents, or the OpenAPI types. Polling a small JSON
 * document does, and the CLI calls importSidt() itself with a progress callback.
 *
 * Jobs live in this process's memory only, scoped to the city and the user who started them, and
 * are forgotten an hour after they finish. A restart loses them, and that is safe: the import is
 * one transaction, so a job cut short has written nothing, and a job that had committed answers a
 * re-sent upload with the same Idempotency-Key from the database (the key is stored with the
 * result in the same transaction).
 */
export const JOB_RETENTION_MS = 60 * 60_000

export type SidtJobStatus = 'running' | 'done' | 'failed'

export interface SidtJob {
  id: string
  cityId: number
  userId: number | null
  /** The Idempotency-Key and body hash it was started with: a re-sent upload finds this job. */
  claim: { key: string; requestHash: string } | null
  status: SidtJobStatus
  phase: SidtImportPhase
  done: number
  total: number
  startedAt: Date
  finishedAt: Date | null
  result: SidtImportResult | null
  error: AppError | null
  settled: Promise<void>
}

const jobs = new Map<string, SidtJob>()

function forgetOldJobs(now: number) {
  for (const [id, job] of jobs) {
    if (job.finishedAt && now - job.finishedAt.getTime() > JOB_RETENTION_MS) jobs.delete(id)
  }
}

/**
 * Starts an import in the background and returns its job at once. The policy is checked before
 * anything starts.
 */
export function startSidtImport(
  context: ServiceContext,
  options: { city: CityRef; upload: SidtUpload; log: FastifyBaseLogger },
): SidtJob {
  const { city, upload } = options
  assertCanImportSidt(context, city)
  forgetOldJobs(Date.now())
  const userId = context.actor?.userId ?? null
  const claim = context.idempotency
  // Still running: the same upload sent again joins it. Once finished, a retry starts a job that
  // answers at once with the stored result (or fails again, when the first wrote nothing).
  if (claim) {
    for (const job of jobs.values()) {
      if (job.status !== 'running' || job.cityId !== city.id || job.userId !== userId) continue
      if (job.claim?.key !== claim.key) continue
      if (job.claim.requestHash !== claim.requestHash) throw new AppError('idempotency.key_reused')
      return job
    }
  }
  // One import per city at a time: the second would only wait for the first's lock.
  for (const job of jobs.values()) {
    if (job.cityId === city.id && job.status === 'running') throw new AppError('umkm.sidt_import_running')
  }
  const job: SidtJob = {
    id: randomBytes(12).toString('base64url'),
    cityId: city.id,
    userId,
    claim: claim ? { key: claim.key, requestHash: claim.requestHash } : null,
    status: 'running',
    phase: 'reading',
    done: 0,
    total: 0,
    startedAt: new Date(),
    finishedAt: null,
    result: null,
    error: null,
    settled: Promise.resolve(),
  }
  jobs.set(job.id, job)
  job.settled = importSidt(context, {
    city,
    upload,
    onProgress: (done, total, phase) => Object.assign(job, { done, total, phase }),
  })
    .then((result) => {
      job.status = 'done'
      job.result = result
    })
    .catch((error: unknown) => {
      if (!(error instanceof AppError) || error.status >= 500) {
        options.log.error({ err: error, jobId: job.id }, 'SIDT import failed')
      }
      job.status = 'failed'
      job.error = error instanceof AppError ? error : new AppError('internal')
    })
    .finally(() => {
      job.finishedAt = new Date()
    })
  return job
}

/** Only the person who started a job, in the same city, sees it; anyone else is told it does not exist. */
export function findSidtImport(options: { jobId: string; city: CityRef; userId: number | null }): SidtJob {
  forgetOldJobs(Date.now())
  const job = jobs.get(options.jobId)
  if (!job || job.cityId !== options.city.id || job.userId !== options.userId) {
    throw new AppError('umkm.sidt_job_not_found')
  }
  return job
}

/** Waits for the running imports, so the app closes after their transactions end, not during. */
export async function settleSidtImports(): Promise<void> {
  await Promise.all([...jobs.values()].map((job) => job.settled))
}
