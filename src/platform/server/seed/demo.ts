import { eq } from 'drizzle-orm'
import { createUser, grantRole } from '../access/access.service.ts'
import { type AppDeps, systemContext } from '../context.ts'
import { appMeta } from '../db/meta.tables.ts'
import { activateCity, toCityRef } from '../tenancy/cities.service.ts'

/** Published in the README and printed at start: never valid in production (see config.ts). */
export const DEMO_PASSWORD = 'sinergi-demo'

export const DEMO_CITIES = { batu: '35.79', palopo: '73.73' } as const

export interface DemoUser {
  username: string
  displayName: string
  isPlatformAdmin?: boolean
  roles: { city: keyof typeof DEMO_CITIES; role: string }[]
  /** What the person does, for the start-up banner. */
  description: string
}

export const DEMO_USERS: DemoUser[] = [
  {
    username: 'admin',
    displayName: 'Admin Platform',
    isPlatformAdmin: true,
    roles: [],
    description: 'platform admin',
  },
  {
    username: 'admin.batu',
    displayName: 'Admin Kota Batu (Diskominfo)',
    roles: [{ city: 'batu', role: 'city_admin' }],
    description: 'city admin, Kota Batu',
  },
  {
    username: 'admin.palopo',
    displayName: 'Admin Kota Palopo (Diskominfo)',
    roles: [{ city: 'palopo', role: 'city_admin' }],
    description: 'city admin, Kota Palopo',
  },
  {
    username: 'bappeda.palopo',
    displayName: 'Staf Bappeda Kota Palopo',
    roles: [
      { city: 'palopo', role: 'city_viewer' },
      { city: 'batu', role: 'city_viewer' },
    ],
    description: 'city viewer in Palopo and Batu (partner cities)',
  },
]

const META_KEY = 'demo_seeded_at'

/**
 * Seeds the demo once: both cities active with their default agencies, one user per role, then
 * each module's own demo data. A marker row makes a second start seed nothing.
 */
export async function seedDemo(deps: AppDeps): Promise<{ seeded: boolean }> {
  const { db } = deps.database
  const [marker] = await db.select().from(appMeta).where(eq(appMeta.key, META_KEY))
  if (marker) return { seeded: false }

  const context = systemContext(deps, 'seed')
  const cities = {
    batu: toCityRef(await activateCity(context, DEMO_CITIES.batu)),
    palopo: toCityRef(await activateCity(context, DEMO_CITIES.palopo)),
  }
  for (const user of DEMO_USERS) {
    await createUser(context, {
      username: user.username,
      password: DEMO_PASSWORD,
      displayName: user.displayName,
      isPlatformAdmin: user.isPlatformAdmin,
      isDemo: true,
    })
    for (const grant of user.roles) {
      await grantRole(context, {
        city: cities[grant.city],
        username: user.username,
        grant: { role: grant.role },
      })
    }
  }
  for (const manifest of deps.manifests) {
    await manifest.seedDemo?.({ database: deps.database, cities })
  }
  await db.insert(appMeta).values({ key: META_KEY, value: new Date().toISOString() })
  return { seeded: true }
}
