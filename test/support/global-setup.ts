import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../../src/platform/server/db/client.ts'
import { prepareTemplate } from './template.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string
    postgresTemplate: string
    postgresUrl: string
  }
}

/**
 * Migrate once into a template, then every test file starts from a copy of it: a PGlite data
 * directory dump, or a PostgreSQL `CREATE DATABASE … TEMPLATE`.
 */
export default async function setup(project: TestProject) {
  const postgresUrl = process.env.TEST_DATABASE_URL
  if (postgresUrl) {
    const template = `sinergi_test_tpl_${process.pid}`
    const admin = new pg.Client({ connectionString: postgresUrl })
    await admin.connect()
    await admin.query(`drop database if exists ${template}`)
    await admin.query(`create database ${template}`)
    const url = new URL(postgresUrl)
    url.pathname = `/${template}`
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 })
    await prepareTemplate(database)
    await database.close()
    project.provide('postgresTemplate', template)
    project.provide('postgresUrl', postgresUrl)
    project.provide('pgliteTemplatePath', '')
    return async () => {
      const { rows } = await admin.query<{ datname: string }>(
        'select datname from pg_database where datname like $1',
        [`${template}%`],
      )
      for (const row of rows) await admin.query(`drop database if exists ${row.datname} with (force)`)
      await admin.end()
    }
  }

  const database = await openDatabase({})
  await prepareTemplate(database)
  const dump = await database.pglite!.dumpDataDir('gzip')
  await database.close()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-test-'))
  const templatePath = path.join(dir, 'template.tar.gz')
  fs.writeFileSync(templatePath, Buffer.from(await dump.arrayBuffer()))
  project.provide('pgliteTemplatePath', templatePath)
  project.provide('postgresTemplate', '')
  project.provide('postgresUrl', '')
  return () => fs.rmSync(dir, { recursive: true, force: true })
}
