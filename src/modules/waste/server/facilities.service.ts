import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import type { ServiceContext } from '../../../platform/server/context.ts'
import { type DbOrTx, isUniqueViolation, type Tx } from '../../../platform/server/db/client.ts'
import { AppError, type FieldProblem } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import {
  checkFacilityRules,
  type FacilityKind,
  type FacilityStatus,
  type LandfillSystem,
} from '../domain/facilities.ts'
import * as repo from './facilities.repository.ts'
import { assertCanEditFacilities, assertCanReadWaste } from './waste.policy.ts'

export interface FacilityInput {
  kind: FacilityKind
  name: string
  status?: FacilityStatus
  villageCode?: string | null
  address?: string | null
  latitude?: number | null
  longitude?: number | null
  designCapacityKgPerDay?: number | null
  householdsServed?: number | null
  operatorName?: string | null
  decreeNumber?: string | null
  landfillSystem?: LandfillSystem | null
  parentId?: string | null
  openedOn?: string | null
}

function snapshot(row: repo.FacilityRow) {
  const { id: _id, cityId: _cityId, createdAt: _created, updatedAt: _updated, ...rest } = row
  return rest
}

/** Checks what needs the database (the village and the parent belong to this city), then the pure rules. */
async function resolveReferences(tx: Tx, options: { city: CityRef; input: FacilityInput }) {
  const { city, input } = options
  const problems: FieldProblem[] = []
  if (
    input.villageCode &&
    !(await repo.findVillageOfCity(tx, { cityId: city.id, code: input.villageCode }))
  ) {
    problems.push({
      field: '/body/villageCode',
      code: 'facility.village_not_in_city',
      params: { city: city.name },
    })
  }
  const parent = input.parentId
    ? await repo.findFacility(tx, { cityId: city.id, publicId: input.parentId })
    : undefined
  if (input.parentId && !parent) problems.push({ field: '/body/parentId', code: 'facility.parent_invalid' })
  for (const problem of checkFacilityRules({ ...input, parentKind: parent?.facility.kind ?? null })) {
    problems.push({ field: `/body/${problem.field}`, code: problem.code })
  }
  if (problems.length > 0) throw new AppError('validation.failed', { details: problems })
  return { parentId: parent?.facility.id ?? null }
}

function columnsOf(input: Partial<FacilityInput>) {
  const { parentId: _parent, latitude, longitude, name, ...rest } = input
  return {
    ...rest,
    ...(name !== undefined ? { name: name.trim() } : {}),
    ...(latitude !== undefined ? { latitude: latitude === null ? null : latitude.toFixed(6) } : {}),
    ...(longitude !== undefined ? { longitude: longitude === null ? null : longitude.toFixed(6) } : {}),
  }
}

function nameTaken(error: unknown, name: string | undefined): never {
  if (isUniqueViolation(error, 'facilities_name_key'))
    throw new AppError('facility.name_taken', { params: { name } })
  throw error
}

export async function listFacilities(
  context: ServiceContext,
  options: repo.FacilityFilter & { city: CityRef; page: number; pageSize: number },
) {
  assertCanReadWaste(context.access, { actor: context.actor!, cityId: options.city.id })
  return repo.listFacilities(context.database.db, {
    ...options,
    cityId: options.city.id,
    limit: options.pageSize,
    offset: (options.page - 1) * options.pageSize,
  })
}

export const MAX_MAP_POINTS = 2000

export function listFacilityPoints(context: ServiceContext, options: { city: CityRef }) {
  assertCanReadWaste(context.access, { actor: context.actor!, cityId: options.city.id })
  return repo.listFacilityPoints(context.database.db, { cityId: options.city.id, limit: MAX_MAP_POINTS })
}

export async function getFacility(context: ServiceContext, options: { city: CityRef; facilityId: string }) {
  assertCanReadWaste(context.access, { actor: context.actor!, cityId: options.city.id })
  const found = await repo.findFacilityWithParent(context.database.db, {
    cityId: options.city.id,
    publicId: options.facilityId,
  })
  if (!found) throw new AppError('facility.not_found')
  return found
}

export async function createFacility(
  context: ServiceContext,
  options: { city: CityRef; input: FacilityInput },
) {
  assertCanEditFacilities(context.access, { actor: context.actor!, cityId: options.city.id })
  try {
    return await runWrite(context, async (tx) => {
      const { parentId } = await resolveReferences(tx, options)
      const row = await repo.insertFacility(tx, {
        ...columnsOf(options.input),
        kind: options.input.kind,
        name: options.input.name.trim(),
        cityId: options.city.id,
        parentId,
      })
      await recordAudit(tx, context, {
        cityId: options.city.id,
        action: 'facility.created',
        entityType: 'facility',
        entityId: row.publicId,
        after: snapshot(row),
      })
      return row
    })
  } catch (error) {
    nameTaken(error, options.input.name)
  }
}

export async function updateFacility(
  context: ServiceContext,
  options: { city: CityRef; facilityId: string; input: Partial<FacilityInput> },
) {
  assertCanEditFacilities(context.access, { actor: context.actor!, cityId: options.city.id })
  try {
    return await runWrite(context, async (tx) => {
      const found = await repo.findFacility(tx, { cityId: options.city.id, publicId: options.facilityId })
      if (!found) throw new AppError('facility.not_found')
      const before = found.facility
      const parent = before.parentId
        ? await repo.findFacilityById(tx, { cityId: options.city.id, id: before.parentId })
        : undefined
      // The rules apply to the record as it will be, so merge before checking.
      const merged: FacilityInput = {
        kind: options.input.kind ?? before.kind,
        name: options.input.name ?? before.name,
        villageCode: options.input.villageCode,
        landfillSystem:
          options.input.landfillSystem !== undefined ? options.input.landfillSystem : before.landfillSystem,
        latitude:
          options.input.latitude !== undefined
            ? options.input.latitude
            : before.latitude === null
              ? null
              : Number(before.latitude),
        longitude:
          options.input.longitude !== undefined
            ? options.input.longitude
            : before.longitude === null
              ? null
              : Number(before.longitude),
        parentId: options.input.parentId !== undefined ? options.input.parentId : (parent?.publicId ?? null),
      }
      const { parentId } = await resolveReferences(tx, { city: options.city, input: merged })
      const after = await repo.updateFacility(tx, {
        cityId: options.city.id,
        id: before.id,
        values: {
          ...columnsOf(options.input),
          ...(options.input.parentId !== undefined ? { parentId } : {}),
        },
      })
      await recordAudit(tx, context, {
        cityId: options.city.id,
        action: 'facility.updated',
        entityType: 'facility',
        entityId: after.publicId,
        before: snapshot(before),
        after: snapshot(after),
      })
      return after
    })
  } catch (error) {
    nameTaken(error, options.input.name)
  }
}

/** The `facility` scope of roles: a facility operator's grant names one facility of the city. */
export async function findFacilityLabel(options: {
  tx: Tx
  cityId: number
  facilityId: string
}): Promise<string | null> {
  const found = await repo.findFacility(options.tx, { cityId: options.cityId, publicId: options.facilityId })
  return found ? found.facility.name : null
}

export async function listFacilityScopes(options: { db: DbOrTx; cityId: number }) {
  const rows = await repo.listFacilityPoints(options.db, { cityId: options.cityId, limit: MAX_MAP_POINTS })
  return rows
    .map((row) => ({ id: row.publicId, label: row.name }))
    .sort((a, b) => a.label.localeCompare(b.label, 'id'))
}
