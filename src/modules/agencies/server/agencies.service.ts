import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import type { ServiceContext } from '../../../platform/server/context.ts'
import { type DbOrTx, isUniqueViolation, type Tx } from '../../../platform/server/db/client.ts'
import { AppError } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import { DEFAULT_AGENCIES } from '../domain/default-agencies.ts'
import { assertCanEditAgencies, assertCanReadAgencies } from './agencies.policy.ts'
import * as repo from './agencies.repository.ts'

export interface AgencyInput {
  name: string
  shortName: string
  function?: string | null
  isActive?: boolean
}

function snapshot(row: repo.AgencyRow) {
  return { name: row.name, shortName: row.shortName, function: row.function, isActive: row.isActive }
}

export function listAgencies(context: ServiceContext, options: { city: CityRef; includeInactive: boolean }) {
  assertCanReadAgencies(context.access, { actor: context.actor!, cityId: options.city.id })
  return repo.listAgencies(context.database.db, {
    cityId: options.city.id,
    includeInactive: options.includeInactive,
  })
}

export async function createAgency(context: ServiceContext, options: { city: CityRef; input: AgencyInput }) {
  assertCanEditAgencies(context.access, { actor: context.actor!, cityId: options.city.id })
  const name = options.input.name.trim()
  try {
    return await runWrite(context, async (tx) => {
      const [row] = await repo.insertAgencies(tx, [
        {
          cityId: options.city.id,
          name,
          shortName: options.input.shortName.trim(),
          function: options.input.function ?? null,
          isActive: options.input.isActive ?? true,
        },
      ])
      if (!row) throw new AppError('agency.name_taken', { params: { name } })
      await recordAudit(tx, context, {
        cityId: options.city.id,
        action: 'agency.created',
        entityType: 'agency',
        entityId: row.publicId,
        after: snapshot(row),
      })
      return row
    })
  } catch (error) {
    if (isUniqueViolation(error, 'agencies_name_key'))
      throw new AppError('agency.name_taken', { params: { name } })
    throw error
  }
}

export async function updateAgency(
  context: ServiceContext,
  options: { city: CityRef; agencyId: string; input: Partial<AgencyInput> },
) {
  assertCanEditAgencies(context.access, { actor: context.actor!, cityId: options.city.id })
  try {
    return await runWrite(context, async (tx) => {
      const before = await repo.findAgency(tx, { cityId: options.city.id, publicId: options.agencyId })
      if (!before) throw new AppError('agency.not_found')
      const { input } = options
      const after = await repo.updateAgency(tx, {
        cityId: options.city.id,
        agencyId: before.id,
        values: {
          ...(input.name !== undefined ? { name: input.name.trim() } : {}),
          ...(input.shortName !== undefined ? { shortName: input.shortName.trim() } : {}),
          ...(input.function !== undefined ? { function: input.function } : {}),
          ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
        },
      })
      await recordAudit(tx, context, {
        cityId: options.city.id,
        action: 'agency.updated',
        entityType: 'agency',
        entityId: after.publicId,
        before: snapshot(before),
        after: snapshot(after),
      })
      return after
    })
  } catch (error) {
    if (isUniqueViolation(error, 'agencies_name_key')) {
      throw new AppError('agency.name_taken', { params: { name: options.input.name } })
    }
    throw error
  }
}

/** Inside the city's activation transaction; the activation itself is audited by the platform. */
export async function createDefaultAgencies(options: { tx: Tx; city: CityRef }): Promise<void> {
  const existing = await repo.listAgencies(options.tx, { cityId: options.city.id, includeInactive: true })
  if (existing.length > 0) return
  await repo.insertAgencies(
    options.tx,
    DEFAULT_AGENCIES.map((agency) => ({ ...agency, cityId: options.city.id })),
  )
}

export async function findAgencyLabel(options: {
  tx: Tx
  cityId: number
  agencyId: string
}): Promise<string | null> {
  const row = await repo.findAgency(options.tx, { cityId: options.cityId, publicId: options.agencyId })
  return row ? row.name : null
}

export async function listAgencyScopes(options: { db: DbOrTx; cityId: number }) {
  const rows = await repo.listAgencies(options.db, { cityId: options.cityId, includeInactive: false })
  return rows.map((row) => ({ id: row.publicId, label: `${row.name} (${row.shortName})` }))
}
