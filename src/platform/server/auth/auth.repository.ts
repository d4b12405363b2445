import { and, eq, isNull, lt, ne, type SQL, sql } from 'drizzle-orm'
import type { ThrottleState } from '../../domain/login-throttle.ts'
import { roleGrants } from '../access/access.tables.ts'
import type { Grant } from '../access/policy.ts'
import type { DbOrTx, Tx } from '../db/client.ts'
import { compiledQuery } from '../db/compiled.ts'
import { cityKeyOf, type TenantCity, tenantCityJsonBy } from '../tenancy/cities.repository.ts'
import { cities } from '../tenancy/cities.tables.ts'
import { apiTokens, loginThrottle, sessions, users } from './auth.tables.ts'

export type UserRow = typeof users.$inferSelect

export async function findUserByUsername(db: DbOrTx, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username.trim().toLowerCase()))
  return row
}

export async function findUserById(db: DbOrTx, userId: number): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, userId))
  return row
}

export async function findUserByPublicId(db: DbOrTx, publicId: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.publicId, publicId))
  return row
}

export async function insertUser(db: DbOrTx, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning()
  return row!
}

export async function updateUser(
  db: DbOrTx,
  options: { userId: number; values: Partial<typeof users.$inferInsert> },
): Promise<UserRow> {
  const [row] = await db.update(users).set(options.values).where(eq(users.id, options.userId)).returning()
  return row!
}

export async function countDemoUsers(db: DbOrTx): Promise<number> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.isDemo, true))
  return rows.length
}

export async function insertSession(db: DbOrTx, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values)
}

function buildSessionQuery(db: DbOrTx, city: SQL<TenantCity | null>) {
  return db
    .select({
      session: {
        csrfToken: sessions.csrfToken,
        createdAt: sessions.createdAt,
        expiresAt: sessions.expiresAt,
        lastSeenAt: sessions.lastSeenAt,
      },
      user: {
        id: users.id,
        publicId: users.publicId,
        username: users.username,
        displayName: users.displayName,
        isPlatformAdmin: users.isPlatformAdmin,
        locale: users.locale,
        disabledAt: users.disabledAt,
      },
      // The city's name by its key, grant by grant: joined instead, PostgreSQL's plan hashed every
      // city (500 rows) on every request.
      grants: sql<Grant[]>`(
        select coalesce(json_agg(json_build_object(
                 'cityId', g.city_id, 'role', g.role, 'scopeKind', g.scope_kind, 'scopeId', g.scope_id)
                 order by (select c.name from ${cities} c where c.id = g.city_id), g.role), '[]'::json)
          from ${roleGrants} g
         where g.user_id = ${users}.id)`,
      city,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare('')
}

const sessionQueries = {
  withoutCity: compiledQuery((db) => buildSessionQuery(db, sql<TenantCity | null>`null`)),
  byCode: compiledQuery((db) => buildSessionQuery(db, tenantCityJsonBy('code', sql.placeholder('cityKey')))),
  bySlug: compiledQuery((db) => buildSessionQuery(db, tenantCityJsonBy('slug', sql.placeholder('cityKey')))),
}

/**
 * The session, what an actor needs of its user, and the user's role grants, read fresh on every
 * request (a revoked session or grant takes effect at once), in one round trip. Grants in the order
 * findGrantsOfUser gives. With `cityKey` (a tenant route's `{city}`), that city too (null when
 * there is none), so the tenancy check needs no statement of its own. Compiled once: every
 * signed-in request runs it.
 */
export async function findSessionWithUser(db: DbOrTx, tokenHash: string, options: { cityKey?: string } = {}) {
  if (options.cityKey === undefined) {
    const [row] = await sessionQueries.withoutCity(db, { tokenHash })
    return row
  }
  const { column, key } = cityKeyOf(options.cityKey)
  const query = column === 'code' ? sessionQueries.byCode : sessionQueries.bySlug
  const [row] = await query(db, { tokenHash, cityKey: key })
  return row
}

export async function extendSession(
  db: DbOrTx,
  options: { tokenHash: string; expiresAt: Date },
): Promise<void> {
  await db
    .update(sessions)
    .set({ expiresAt: options.expiresAt, lastSeenAt: new Date() })
    .where(eq(sessions.tokenHash, options.tokenHash))
}

export async function deleteSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash))
}

/** Signs a person out everywhere except, optionally, the session they are using. */
export async function deleteUserSessions(db: DbOrTx, options: { userId: number; exceptTokenHash?: string }) {
  const conditions = [eq(sessions.userId, options.userId)]
  if (options.exceptTokenHash) conditions.push(ne(sessions.tokenHash, options.exceptTokenHash))
  await db.delete(sessions).where(and(...conditions))
}

/** Inside a transaction: the row (created if missing) stays locked until the transaction ends. */
export async function lockThrottle(tx: Tx, usernameKey: string): Promise<ThrottleState | undefined> {
  await tx.insert(loginThrottle).values({ usernameKey, failures: 0 }).onConflictDoNothing()
  const [row] = await tx
    .select()
    .from(loginThrottle)
    .where(eq(loginThrottle.usernameKey, usernameKey))
    .for('update')
  return row && row.failures > 0 ? row : undefined
}

export async function saveThrottle(db: DbOrTx, options: { usernameKey: string; state: ThrottleState }) {
  const values = { usernameKey: options.usernameKey, ...options.state }
  await db
    .insert(loginThrottle)
    .values(values)
    .onConflictDoUpdate({ target: loginThrottle.usernameKey, set: values })
}

export async function clearThrottle(db: DbOrTx, usernameKey: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.usernameKey, usernameKey))
}

export async function insertApiToken(db: DbOrTx, values: typeof apiTokens.$inferInsert) {
  const [row] = await db.insert(apiTokens).values(values).returning()
  return row!
}

export async function findActiveApiTokenWithUser(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
  return row
}

export async function listApiTokens(db: DbOrTx, userId: number) {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(apiTokens.id)
}

export async function revokeApiToken(db: DbOrTx, options: { userId: number; publicId: string }) {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(apiTokens.userId, options.userId),
        eq(apiTokens.publicId, options.publicId),
        isNull(apiTokens.revokedAt),
      ),
    )
    .returning()
  return row
}

export async function touchApiToken(db: DbOrTx, tokenId: number): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, tokenId))
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now))
}
