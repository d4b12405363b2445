import { and, asc, eq, inArray } from 'drizzle-orm'
import { users } from '../auth/auth.tables.ts'
import type { DbOrTx } from '../db/client.ts'
import { cities } from '../tenancy/cities.tables.ts'
import { roleGrants } from './access.tables.ts'
import type { Grant } from './policy.ts'

export type RoleGrantRow = typeof roleGrants.$inferSelect

/** Every grant of one user across cities: the only cross-city read, and only of the user's own roles. */
export async function findGrantsOfUser(db: DbOrTx, userId: number) {
  return db
    .select({
      publicId: roleGrants.publicId,
      cityId: roleGrants.cityId,
      cityCode: cities.code,
      citySlug: cities.slug,
      cityName: cities.name,
      cityIsActive: cities.isActive,
      role: roleGrants.role,
      scopeKind: roleGrants.scopeKind,
      scopeId: roleGrants.scopeId,
    })
    .from(roleGrants)
    .innerJoin(cities, eq(cities.id, roleGrants.cityId))
    .where(eq(roleGrants.userId, userId))
    .orderBy(asc(cities.name), asc(roleGrants.role))
}

export function toGrant(row: {
  cityId: number
  role: string
  scopeKind: string | null
  scopeId: string | null
}): Grant {
  return { cityId: row.cityId, role: row.role, scopeKind: row.scopeKind, scopeId: row.scopeId }
}

export async function insertGrant(db: DbOrTx, values: typeof roleGrants.$inferInsert): Promise<RoleGrantRow> {
  const [row] = await db.insert(roleGrants).values(values).returning()
  return row!
}

export async function findGrant(db: DbOrTx, options: { cityId: number; publicId: string }) {
  const [row] = await db
    .select()
    .from(roleGrants)
    .where(and(eq(roleGrants.cityId, options.cityId), eq(roleGrants.publicId, options.publicId)))
  return row
}

export async function deleteGrant(db: DbOrTx, options: { cityId: number; grantId: number }): Promise<void> {
  await db
    .delete(roleGrants)
    .where(and(eq(roleGrants.cityId, options.cityId), eq(roleGrants.id, options.grantId)))
}

/** The people with at least one role in the city, with those roles. */
export async function listCityMembers(db: DbOrTx, cityId: number) {
  const grants = await db
    .select({
      grantPublicId: roleGrants.publicId,
      userId: roleGrants.userId,
      role: roleGrants.role,
      scopeKind: roleGrants.scopeKind,
      scopeId: roleGrants.scopeId,
      grantedAt: roleGrants.createdAt,
    })
    .from(roleGrants)
    .where(eq(roleGrants.cityId, cityId))
    .orderBy(asc(roleGrants.id))
  const userIds = [...new Set(grants.map((grant) => grant.userId))]
  const people =
    userIds.length === 0
      ? []
      : await db
          .select({
            id: users.id,
            publicId: users.publicId,
            username: users.username,
            displayName: users.displayName,
            disabledAt: users.disabledAt,
          })
          .from(users)
          .where(inArray(users.id, userIds))
          .orderBy(asc(users.username))
  return people.map((person) => ({ ...person, grants: grants.filter((grant) => grant.userId === person.id) }))
}

export async function hasGrantInCity(
  db: DbOrTx,
  options: { cityId: number; userId: number },
): Promise<boolean> {
  const [row] = await db
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(and(eq(roleGrants.cityId, options.cityId), eq(roleGrants.userId, options.userId)))
    .limit(1)
  return row !== undefined
}
