import { and, count, eq, sql } from 'drizzle-orm'
import type { DbOrTx, Tx } from '../../../platform/server/db/client.ts'
import type { KbliKelompok } from '../domain/kbli-table.ts'
import { umkmKbliCodes } from './kbli.tables.ts'

const INSERT_CHUNK = 500

/** Replaces a version's whole table: the file is the table, so codes it drops are dropped. */
export async function replaceVersion(
  tx: Tx,
  options: { version: string; kelompok: readonly KbliKelompok[]; source: string },
): Promise<{ before: number }> {
  const [before] = await tx
    .select({ value: count() })
    .from(umkmKbliCodes)
    .where(eq(umkmKbliCodes.version, options.version))
  await tx.delete(umkmKbliCodes).where(eq(umkmKbliCodes.version, options.version))
  for (let start = 0; start < options.kelompok.length; start += INSERT_CHUNK) {
    await tx.insert(umkmKbliCodes).values(
      options.kelompok.slice(start, start + INSERT_CHUNK).map((row) => ({
        version: options.version,
        code: row.code,
        category: row.category,
        title: row.title,
        source: options.source,
      })),
    )
  }
  return { before: before?.value ?? 0 }
}

/** The version's kelompok codes, or null while none are loaded (then only divisions are checked). */
export async function kelompokOf(db: DbOrTx, version: string): Promise<Set<string> | null> {
  const rows = await db
    .select({ code: umkmKbliCodes.code })
    .from(umkmKbliCodes)
    .where(eq(umkmKbliCodes.version, version))
  return rows.length > 0 ? new Set(rows.map((row) => row.code)) : null
}

/** For one code: whether the version has a table at all, and whether the code is in it; one statement. */
export async function lookUpCode(db: DbOrTx, options: { version: string; code: string }) {
  const [row] = await db
    .select({
      loaded: sql<boolean>`exists (select 1 from ${umkmKbliCodes} where ${umkmKbliCodes.version} = ${options.version})`,
      title: sql<string | null>`(select ${umkmKbliCodes.title} from ${umkmKbliCodes}
        where ${and(eq(umkmKbliCodes.version, options.version), eq(umkmKbliCodes.code, options.code))})`,
    })
    .from(sql`(select 1) as one`)
  return { loaded: Boolean(row?.loaded), title: row?.title ?? null }
}
