/** What every benchmark shares: the admin connection to PostgreSQL, and the app as a child process. */
import { fork } from 'node:child_process'
import path from 'node:path'
import pg from 'pg'

export const ROOT = path.resolve(import.meta.dirname, '..')
export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/** One statement as the admin (create or drop a throwaway database). */
export async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** The admin URL pointed at another database on the same server. */
export function urlOf(database: string): string {
  const url = new URL(ADMIN_URL)
  url.pathname = `/${database}`
  return url.toString()
}

/** Waits for a URL to answer 2xx: a first start migrates and seeds, which takes a while. */
export async function waitForHttp(url: string, attempts = 1_500): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      if ((await fetch(url)).ok) return
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url} did not come up`)
}

/**
 * Starts the real server with `env` on a free-ish port, runs `work` against it (with the server's
 * process id, for CPU accounting), and stops it.
 */
export async function withServer<T>(
  env: Record<string, string>,
  work: (base: string, pid: number) => Promise<T>,
  options: { portFrom: number } = { portFrom: 3920 },
): Promise<T> {
  const port = String(options.portFrom + Math.floor(Math.random() * 60))
  const app = fork(path.join(ROOT, 'src/platform/server/main.ts'), [], {
    cwd: ROOT,
    env: { ...process.env, PORT: port, LOG_LEVEL: 'warn', SEED_DEMO: 'true', ...env },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  const base = `http://127.0.0.1:${port}`
  try {
    await waitForHttp(`${base}/api/health`)
    return await work(base, app.pid!)
  } finally {
    app.kill('SIGTERM')
    await new Promise((resolve) => app.once('exit', resolve))
  }
}
