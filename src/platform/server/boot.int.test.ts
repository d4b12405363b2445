import { afterEach, describe, expect, it } from 'vitest'
import { testConfig } from '../../../test/support/template.ts'
import { openTestDatabase } from '../../../test/support/test-app.ts'
import { agencies } from '../../modules/agencies/server/agencies.tables.ts'
import { allManifests } from './app.ts'
import { auditLog } from './audit/audit.tables.ts'
import { users } from './auth/auth.tables.ts'
import { BootError, prepareDatabase } from './boot.ts'
import type { Database } from './db/client.ts'
import { DEMO_USERS, listDemoLogins } from './seed/demo.ts'
import { cities } from './tenancy/cities.tables.ts'

// Each test seeds the whole demo (a year of waste flows, bank sampah deposits, the UMKM showcase and
// the centre): well under the default minute alone, but past it on a two-core machine under load.
const SEEDS_THE_DEMO = { timeout: 180_000 }

describe('first and second start', () => {
  let database: Database
  afterEach(() => database?.close())

  it(
    'seeds the demo once: Batu and Palopo active with their agencies, one user per role',
    SEEDS_THE_DEMO,
    async () => {
      database = await openTestDatabase()
      const config = { ...testConfig, seedDemo: true }
      const first = await prepareDatabase({ config, manifests: allManifests(), database })
      expect(first.demoSeeded).toBe(true)
      const counts = async () => ({
        users: (await database.db.select().from(users)).length,
        agencies: (await database.db.select().from(agencies)).length,
        audit: (await database.db.select().from(auditLog)).length,
      })
      const afterFirst = await counts()
      const logins = (await listDemoLogins(database.db)).map((login) => login.username)
      expect(logins).toEqual(
        expect.arrayContaining([...DEMO_USERS.map((u) => u.username), 'dlh.batu', 'operator.jalibar']),
      )
      expect(afterFirst.users).toBe(logins.length)
      expect(afterFirst.agencies).toBe(20)
      const active = (await database.db.select().from(cities))
        .filter((city) => city.isActive)
        .map((city) => city.code)
      expect(active.sort()).toEqual(['35.79', '73.73'])

      const second = await prepareDatabase({ config, manifests: allManifests(), database })
      expect(second.demoSeeded).toBe(false)
      expect(second.regions.loaded).toBe(false)
      expect(await counts()).toEqual(afterFirst)
    },
  )

  it('refuses to start in production while demo users exist', SEEDS_THE_DEMO, async () => {
    database = await openTestDatabase()
    await prepareDatabase({ config: { ...testConfig, seedDemo: true }, manifests: allManifests(), database })
    const production = { ...testConfig, env: 'production' as const, isProduction: true, seedDemo: false }
    await expect(
      prepareDatabase({ config: production, manifests: allManifests(), database }),
    ).rejects.toThrow(BootError)
  })
})
