import { maskName, maskPhone } from '../../../platform/domain/personal-data.ts'
import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import { cityToday, type ServiceContext } from '../../../platform/server/context.ts'
import { AppError } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import { addDays, daysBetween } from '../domain/licences.ts'
import { type ReminderChannel, reminderMessage, whatsappLink } from '../domain/reminders.ts'
import * as reminders from './licence-reminders.repository.ts'
import * as repo from './licences.repository.ts'
import { assertCanEditUmkm, canSeeOwnerPersonalData } from './umkm.policy.ts'
import { findBusiness } from './umkm.repository.ts'

const officeOf = (city: CityRef) => `Dinas Koperasi dan UMKM ${city.name}`

/**
 * Expiry reminders for the dinas staff: licences that lapse within `days` from today in the city,
 * and, when asked, those that already lapsed in the same number of days before; each with the
 * owner to remind, a WhatsApp chat with the message written (for staff who may see the phone
 * number) and the last reminder made about this expiry date.
 */
export async function listExpiringLicences(
  context: ServiceContext,
  options: {
    city: CityRef
    days: number
    includeExpired: boolean
    notReminded: boolean
    page: number
    pageSize: number
  },
) {
  const actor = context.actor!
  assertCanEditUmkm(context.access, { actor, cityId: options.city.id })
  const today = cityToday(context, options.city)
  const db = context.database.db
  const result = await repo.listExpiringLicences(db, {
    cityId: options.city.id,
    from: options.includeExpired ? addDays(today, -options.days) : today,
    to: addDays(today, options.days),
    notReminded: options.notReminded,
    limit: options.pageSize,
    offset: (options.page - 1) * options.pageSize,
  })
  const latest = await reminders.latestReminders(db, {
    cityId: options.city.id,
    licenceIds: result.rows.map((row) => row.licence.id),
  })
  const personal = canSeeOwnerPersonalData(context.access, { actor, cityId: options.city.id })
  const items = result.rows.map((row) => {
    const last = latest.get(row.licence.id)
    const message = reminderMessage({
      ownerName: row.ownerName,
      businessName: row.businessName,
      kind: row.licence.kind,
      number: row.licence.number,
      expiresOn: row.licence.expiresOn!,
      today,
      office: officeOf(options.city),
    })
    return {
      ...row,
      daysLeft: daysBetween(today, row.licence.expiresOn!),
      owner: {
        name: personal ? row.ownerName : maskName(row.ownerName)!,
        phone: personal ? row.ownerPhone : maskPhone(row.ownerPhone),
      },
      whatsappUrl: personal ? whatsappLink(row.ownerPhone, message) : null,
      reminders: { count: row.reminderCount, last: last ?? null },
    }
  })
  return { items, total: result.total, today, personalDataMasked: !personal }
}

/**
 * Records that the owner was reminded of the licence's expiry (a WhatsApp chat opened from the
 * list, a call, a letter, a visit). A licence that does not lapse has nothing to remind of.
 */
export async function recordReminder(
  context: ServiceContext,
  options: {
    city: CityRef
    businessId: string
    licenceId: string
    channel: ReminderChannel
    note?: string | null
  },
) {
  const actor = context.actor!
  assertCanEditUmkm(context.access, { actor, cityId: options.city.id })
  return runWrite(context, async (tx) => {
    const found = await findBusiness(tx, { cityId: options.city.id, publicId: options.businessId })
    if (!found) throw new AppError('umkm.business_not_found')
    const licence = await repo.findLicence(tx, {
      cityId: options.city.id,
      businessId: found.business.id,
      publicId: options.licenceId,
    })
    if (!licence) throw new AppError('umkm.licence_not_found')
    if (!licence.expiresOn) throw new AppError('umkm.licence_never_expires')
    if (found.business.closedOn) {
      throw new AppError('umkm.reminder_business_closed', {
        params: { business: found.business.name, date: found.business.closedOn },
      })
    }
    const note = options.note?.trim() || null
    const row = await reminders.insertReminder(tx, {
      cityId: options.city.id,
      licenceId: licence.id,
      expiresOn: licence.expiresOn,
      channel: options.channel,
      note,
      sentBy: actor.userId,
    })
    await recordAudit(tx, context, {
      cityId: options.city.id,
      action: 'umkm_licence.reminded',
      entityType: 'umkm_licence',
      entityId: licence.publicId,
      after: { channel: row.channel, expiresOn: row.expiresOn, note },
    })
    return { ...row, sentByName: actor.displayName }
  })
}
