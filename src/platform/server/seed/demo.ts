import { asc, eq } from 'drizzle-orm'
import { findGrantsOfUser } from '../access/access.repository.ts'
import { createUser, grantRole } from '../access/access.service.ts'
import { findUserByUsername } from '../auth/auth.repository.ts'
import { loadActor } from '../auth/auth.service.ts'
import { users } from '../auth/auth.tables.ts'
import { type AppDeps, type ServiceContext, systemContext } from '../context.ts'
import type { Db } from '../db/client.ts'
import { appMeta } from '../db/meta.tables.ts'
import { AppError } from '../errors.ts'
import type { CityRef } from '../module.ts'
import { activateCity, toCityRef } from '../tenancy/cities.service.ts'

/** Published in the README and printed at start: never valid in production (see config.ts). */
export const DEMO_PASSWORD = 'sinergi-demo'

export const DEMO_CITIES = { batu: '35.79', palopo: '73.73' } as const

export interface DemoUser {
  username: string
  displayName: string
  isPlatformAdmin?: boolean
  roles: { city: keyof typeof DEMO_CITIES; role: string }[]
}

export const DEMO_USERS: DemoUser[] = [
  {
    username: 'admin',
    displayName: 'Admin Platform',
    isPlatformAdmin: true,
    roles: [],
  },
  {
    username: 'admin.batu',
    displayName: 'Admin Kota Batu (Diskominfo)',
    roles: [{ city: 'batu', role: 'city_admin' }],
  },
  {
    username: 'admin.palopo',
    displayName: 'Admin Kota Palopo (Diskominfo)',
    roles: [{ city: 'palopo', role: 'city_admin' }],
  },
  {
    username: 'bappeda.palopo',
    displayName: 'Staf Bappeda Kota Palopo',
    roles: [
      { city: 'palopo', role: 'city_viewer' },
      { city: 'batu', role: 'city_viewer' },
    ],
  },
]

const META_KEY = 'demo_seeded_at'

/**
 * Creates a demo account and its roles unless they exist: a seed interrupted half-way (or two app
 * servers starting together) picks up where it stopped instead of failing for ever.
 */
export async function ensureDemoUser(
  context: ServiceContext,
  user: {
    username: string
    displayName: string
    isPlatformAdmin?: boolean
    roles: { city: CityRef; role: string; scopeKind?: string; scopeId?: string }[]
  },
): Promise<void> {
  if (!(await findUserByUsername(context.database.db, user.username))) {
    try {
      await createUser(context, {
        username: user.username,
        password: DEMO_PASSWORD,
        displayName: user.displayName,
        isPlatformAdmin: user.isPlatformAdmin,
        isDemo: true,
      })
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'user.username_taken')) throw error
    }
  }
  for (const grant of user.roles) {
    try {
      await grantRole(context, {
        city: grant.city,
        username: user.username,
        grant: { role: grant.role, scopeKind: grant.scopeKind ?? null, scopeId: grant.scopeId ?? null },
      })
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'role.already_granted')) throw error
    }
  }
}

/** Every demo account with its roles, for the start-up banner: modules add their own. */
export async function listDemoLogins(db: Db): Promise<{ username: string; roles: string[] }[]> {
  const rows = await db.select().from(users).where(eq(users.isDemo, true)).orderBy(asc(users.id))
  return Promise.all(
    rows.map(async (user) => {
      const grants = await findGrantsOfUser(db, user.id)
      const roles = grants.map(
        (grant) => `${grant.role}${grant.scopeKind ? ` (one ${grant.scopeKind})` : ''}, ${grant.cityName}`,
      )
      return { username: user.username, roles: user.isPlatformAdmin ? ['platform admin', ...roles] : roles }
    }),
  )
}

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
    await ensureDemoUser(context, {
      username: user.username,
      displayName: user.displayName,
      isPlatformAdmin: user.isPlatformAdmin,
      roles: user.roles.map((grant) => ({ city: cities[grant.city], role: grant.role })),
    })
  }
  for (const manifest of deps.manifests) {
    await manifest.seedDemo?.({ deps, cities })
  }
  await db.insert(appMeta).values({ key: META_KEY, value: new Date().toISOString() })
  return { seeded: true }
}

/** A service context acting as a demo user, so module seeds go through the same services and rules. */
export async function actingAs(deps: AppDeps, username: string): Promise<ServiceContext> {
  const user = await findUserByUsername(deps.database.db, username)
  if (!user) throw new Error(`demo user ${username} is missing`)
  return { ...systemContext(deps, 'seed'), actor: await loadActor(deps.database.db, user) }
}
