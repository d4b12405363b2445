import { eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  activate,
  BATU,
  createTestApp,
  createTestUser,
  type Session,
  signIn,
  type TestApp,
  type TestUser,
} from '../../../../test/support/test-app.ts'
import { buildApp } from '../../../platform/server/app.ts'
import { users } from '../../../platform/server/auth/auth.tables.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import { SIDT_COLUMNS } from '../domain/sidt.ts'
import { JOB_LOST_AFTER_MS } from './sidt.jobs.ts'
import { umkmSidtJobs } from './sidt-jobs.tables.ts'

/*
 * A SIDT import job lives in the database, not in the memory of the app server that runs it:
 * with several app servers (or WORKERS > 1) the page's polls land anywhere.
 */
function csvOf(serials: number[]): Buffer {
  const line = (serial: string) => {
    const values: Record<string, string> = {
      id_data_badan_usaha: `SIDT-JOB-${serial}`,
      nama_pengusaha: `Pemilik ${serial}`,
      jenis_kelamin: 'P',
      kel_pengusaha: '35.79.01.2006',
      nama_usaha: `Kripik Tempe ${serial}`,
      kode_kbli: '10794',
      kategori_kbli: 'C',
      skala_usaha: 'mikro',
      prov_usaha: '35',
      kab_usaha: '35.79',
      kec_usaha: '35.79.01',
      kel_usaha: '35.79.01.2006',
      updated_at: '2026-04-15 08:30:00',
    }
    return SIDT_COLUMNS.map((column) => values[column] ?? '').join(';')
  }
  const lines = [SIDT_COLUMNS.join(';'), ...serials.map((n) => line(String(n).padStart(4, '0')))]
  return Buffer.from(`${lines.join('\r\n')}\r\n`)
}

describe('SIDT import jobs shared by app servers', () => {
  let t: TestApp
  let other: FastifyInstance
  let batu: CityRef
  let staff: Session
  let staffUser: TestUser
  let now = new Date()
  const url = '/api/v1/cities/35.79/umkm/sidt/imports'
  const pollOn = (app: FastifyInstance, jobId: string, language = 'id') =>
    app.inject({
      method: 'GET',
      url: `${url}/${jobId}`,
      headers: { cookie: staff.cookie, 'accept-language': language },
    })

  beforeAll(async () => {
    t = await createTestApp({}, { clock: () => now })
    // A second app on the same database. In one test process the two share module state, so what
    // proves the job is the database's is the row itself (below) and the jobs written straight
    // into the table in the next tests.
    other = await buildApp({ ...t.deps, clock: () => now })
    batu = await activate(t, BATU)
    staffUser = await createTestUser(t, { roles: [{ city: batu, role: 'umkm_staff' }] })
    staff = await signIn(t, staffUser)
  })
  afterAll(async () => {
    await other.close()
    await t.close()
  })

  it('answers a poll on another app server with the job, then its result', async () => {
    const started = await staff.request({
      method: 'POST',
      url,
      payload: csvOf([1, 2]),
      headers: { 'content-type': 'text/csv' },
    })
    expect(started.statusCode, started.body).toBe(202)
    const jobId = started.json().id as string
    let job = (await pollOn(other, jobId)).json()
    for (let i = 0; job.status === 'running' && i < 500; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      job = (await pollOn(other, jobId)).json()
    }
    expect(job).toMatchObject({ status: 'done', phase: 'writing', done: 2, total: 2, problem: null })
    expect(job.result).toMatchObject({ rows: 2, inserted: 2 })
    // What any other server reads: the row, with the end state written by the running one.
    const [row] = await t.database.db.select().from(umkmSidtJobs).where(eq(umkmSidtJobs.publicId, jobId))
    expect(row).toMatchObject({ status: 'done', done: 2, total: 2, result: { rows: 2, inserted: 2 } })
  })

  it('lets one import run per city across servers, and frees the city when that server goes quiet', async () => {
    const [staffRow] = await t.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.publicId, staffUser.publicId))
    // An import running on another app server, heard of a moment ago.
    const [elsewhere] = await t.database.db
      .insert(umkmSidtJobs)
      .values({
        cityId: batu.id,
        userId: staffRow!.id,
        status: 'running',
        phase: 'writing',
        done: 120,
        total: 400,
        startedAt: new Date(now.getTime() - 5 * 60_000),
        heartbeatAt: now,
      })
      .returning()
    const upload = () =>
      staff.request({ method: 'POST', url, payload: csvOf([3]), headers: { 'content-type': 'text/csv' } })
    const refused = await upload()
    expect(refused.statusCode).toBe(409)
    expect(refused.json().code).toBe('umkm.sidt_import_running')
    expect((await pollOn(other, elsewhere!.publicId)).json()).toMatchObject({ status: 'running', done: 120 })

    // Its server stops: a minute later the job is reported failed, in the reader's language.
    now = new Date(now.getTime() + JOB_LOST_AFTER_MS + 1_000)
    const lost = (await pollOn(other, elsewhere!.publicId)).json()
    expect(lost).toMatchObject({ status: 'failed', problem: { code: 'umkm.sidt_job_lost' } })
    expect(lost.problem.detail).toMatch(/unggah lagi/)
    expect((await pollOn(t.app, elsewhere!.publicId, 'en')).json().problem.detail).toMatch(
      /upload the file again/,
    )
    // …and the city may import again; the lost job is recorded as failed.
    expect((await upload()).statusCode).toBe(202)
    const [after] = await t.database.db.select().from(umkmSidtJobs).where(eq(umkmSidtJobs.id, elsewhere!.id))
    expect(after).toMatchObject({ status: 'failed', error: { code: 'umkm.sidt_job_lost' } })
  })

  it('forgets a finished job after an hour', async () => {
    const [row] = await t.database.db
      .select()
      .from(umkmSidtJobs)
      .where(eq(umkmSidtJobs.status, 'done'))
      .limit(1)
    expect((await pollOn(other, row!.publicId)).statusCode).toBe(200)
    now = new Date(row!.finishedAt!.getTime() + 61 * 60_000)
    expect((await pollOn(other, row!.publicId)).statusCode).toBe(404)
  })
})
