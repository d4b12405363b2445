import { randomBytes } from 'node:crypto'
import { text, timestamp } from 'drizzle-orm/pg-core'

/** Random, URL-safe, 12 characters: what the outside world sees instead of an internal key. */
export function newPublicId(): string {
  return randomBytes(9).toString('base64url')
}

export const publicIdColumn = () => text('public_id').notNull().$defaultFn(newPublicId)
export const createdAtColumn = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
