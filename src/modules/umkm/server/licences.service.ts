import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import type { ServiceContext } from '../../../platform/server/context.ts'
import { isUniqueViolation, type Tx } from '../../../platform/server/db/client.ts'
import { AppError } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import { checkLicence, type LicenceKind, normaliseLicenceNumber } from '../domain/licences.ts'
import * as repo from './licences.repository.ts'
import { assertCanEditUmkm, assertCanReadUmkm } from './umkm.policy.ts'
import { findBusiness } from './umkm.repository.ts'

export interface LicenceInput {
  kind: LicenceKind
  number: string
  issuer?: string | null
  issuedOn?: string | null
  expiresOn?: string | null
}

async function requireBusiness(tx: Tx | ServiceContext['database']['db'], city: CityRef, businessId: string) {
  const found = await findBusiness(tx, { cityId: city.id, publicId: businessId })
  if (!found) throw new AppError('umkm.business_not_found')
  return found.business
}

function assertLicenceRules(input: LicenceInput) {
  const problems = checkLicence(input)
  if (problems.length > 0) {
    throw new AppError('validation.failed', {
      details: problems.map((problem) => ({
        field: `/body/${problem.field}`,
        code: problem.code,
        params: { value: input.number },
      })),
    })
  }
}

function licenceTaken(error: unknown, number: string | undefined): never {
  if (isUniqueViolation(error, 'umkm_licences_number_key')) {
    throw new AppError('umkm.licence_taken', {
      params: { number },
      details: [{ field: '/body/number', code: 'umkm.licence_taken', params: { number } }],
    })
  }
  throw error
}

function snapshot(row: repo.LicenceRow) {
  const { kind, number, issuer, issuedOn, expiresOn } = row
  return { kind, number, issuer, issuedOn, expiresOn }
}

function columnsOf(input: Partial<LicenceInput>, kind: LicenceKind): Partial<repo.NewLicence> {
  return {
    ...input,
    ...(input.number !== undefined ? { number: normaliseLicenceNumber(kind, input.number) } : {}),
    ...(input.issuer !== undefined ? { issuer: input.issuer?.trim() || null } : {}),
  }
}

export async function listBusinessLicences(
  context: ServiceContext,
  options: { city: CityRef; businessId: string },
) {
  assertCanReadUmkm(context.access, { actor: context.actor!, cityId: options.city.id })
  const db = context.database.db
  const business = await requireBusiness(db, options.city, options.businessId)
  return repo.listLicences(db, { cityId: options.city.id, businessId: business.id })
}

export async function addLicence(
  context: ServiceContext,
  options: { city: CityRef; businessId: string; input: LicenceInput },
) {
  assertCanEditUmkm(context.access, { actor: context.actor!, cityId: options.city.id })
  assertLicenceRules(options.input)
  try {
    return await runWrite(context, async (tx) => {
      const business = await requireBusiness(tx, options.city, options.businessId)
      const row = await repo.insertLicence(tx, {
        ...columnsOf(options.input, options.input.kind),
        kind: options.input.kind,
        number: normaliseLicenceNumber(options.input.kind, options.input.number),
        cityId: options.city.id,
        businessId: business.id,
      })
      await recordAudit(tx, context, {
        cityId: options.city.id,
        action: 'umkm_licence.created',
        entityType: 'umkm_licence',
        entityId: row.publicId,
        after: { business: business.publicId, ...snapshot(row) },
      })
      return row
    })
  } catch (error) {
    licenceTaken(error, options.input.number)
  }
}

export async function updateLicence(
  context: ServiceContext,
  options: { city: CityRef; businessId: string; licenceId: string; input: Partial<LicenceInput> },
) {
  assertCanEditUmkm(context.access, { actor: context.actor!, cityId: options.city.id })
  try {
    return await runWrite(context, async (tx) => {
      const business = await requireBusiness(tx, options.city, options.businessId)
      const before = await repo.findLicence(tx, {
        cityId: options.city.id,
        businessId: business.id,
        publicId: options.licenceId,
      })
      if (!before) throw new AppError('umkm.licence_not_found')
      // Checked as it will be stored: fields left out keep their value.
      const merged = { ...snapshot(before), ...options.input }
      assertLicenceRules(merged)
      const after = await repo.updateLicence(tx, {
        cityId: options.city.id,
        id: before.id,
        // A change of kind re-reads the number under the new kind (an NIB keeps only its digits).
        values: columnsOf(
          options.input.kind ? { ...options.input, number: merged.number } : options.input,
          merged.kind,
        ),
      })
      await recordAudit(tx, context, {
        cityId: options.city.id,
        action: 'umkm_licence.updated',
        entityType: 'umkm_licence',
        entityId: after.publicId,
        before: snapshot(before),
        after: snapshot(after),
      })
      return after
    })
  } catch (error) {
    licenceTaken(error, options.input.number)
  }
}
