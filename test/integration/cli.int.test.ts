import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../..')
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-cli-'))

/** The real command, as an operator types it, on its own PGlite folder. */
async function sinergi(...args: string[]) {
  try {
    const { stdout, stderr } = await run('node', ['bin/sinergi.mjs', ...args], {
      cwd: root,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        NODE_ENV: 'development',
        LOG_LEVEL: 'silent',
      },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

// Each step spawns the command (tsx, migrations, a PGlite start): seconds alone, far longer when
// the two cores are busy with other suites, so the first test gets a generous ceiling.
describe('the sinergi command', () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  it('creates a user, activates a city, grants a role and issues a token', { timeout: 240_000 }, async () => {
    expect((await sinergi('--help')).stdout).toContain('city')
    expect(await sinergi('user', 'create', 'Andi.Palopo', '--password', 'kata-sandi-andi-1')).toMatchObject({
      code: 0,
    })
    expect((await sinergi('city', 'activate', '73.73')).stdout).toContain('Kota Palopo (73.73) is active')
    expect((await sinergi('user', 'grant', 'andi.palopo', 'city_admin', '--city', 'kota-palopo')).code).toBe(
      0,
    )
    const token = await sinergi('token', 'create', 'andi.palopo')
    expect(token.stdout.trim()).toMatch(/^sng_[\w-]{43}$/)
    expect((await sinergi('city', 'list', '--active')).stdout).toContain('73.73  active')
  })

  it('explains a mistake and exits non-zero', { timeout: 60_000 }, async () => {
    const duplicate = await sinergi('user', 'create', 'andi.palopo', '--password', 'kata-sandi-andi-1')
    expect(duplicate.code).toBe(1)
    expect(duplicate.stderr).toContain('already taken')
    const unknownCity = await sinergi('city', 'activate', '99.99')
    expect(unknownCity.code).toBe(1)
    expect(unknownCity.stderr).toContain('99.99')
  })
})
