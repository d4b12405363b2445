import type { ServiceContext } from '../../../platform/server/context.ts'
import { AppError } from '../../../platform/server/errors.ts'
import { formatMemberNumber, parseMemberNumber } from '../domain/member.ts'
import { assertTeller, type BankTarget, getNasabah, loadBank, loadNasabah } from './bank-sampah.service.ts'
import { renderMemberCard } from './member-card.ts'
import { findNasabahById } from './nasabah-access.repository.ts'

/** The printable member card of a nasabah (teller only: it shows the full name). */
export async function memberCard(context: ServiceContext, target: BankTarget & { nasabahId: string }) {
  assertTeller(context, target)
  const { bank, nasabah } = await loadNasabah(context, target)
  return renderMemberCard({
    bankName: bank.facility.name,
    memberNumber: formatMemberNumber(nasabah.id),
    name: nasabah.name,
  })
}

/** What the teller finds by scanning or typing the number on a card: a nasabah of this bank only. */
export async function findByMemberNumber(
  context: ServiceContext,
  target: BankTarget & { memberNumber: string },
) {
  const bank = await loadBank(context, target)
  const id = parseMemberNumber(target.memberNumber)
  const found = id ? await findNasabahById(context.database.db, { cityId: bank.cityId, id }) : undefined
  if (!found || found.bankFacilityId !== bank.bankFacilityId) throw new AppError('nasabah.not_found')
  return getNasabah(context, { ...target, nasabahId: found.publicId })
}
