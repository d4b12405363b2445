import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import { cityToday, type ServiceContext } from '../../../platform/server/context.ts'
import type { Tx } from '../../../platform/server/db/client.ts'
import { AppError } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import { reverseFlowInTransaction } from '../../waste/index.ts'
import { savingsAfterReversal, savingsBalance } from '../domain/money.ts'
import * as repo from './bank-sampah.repository.ts'
import { assertTeller, type BankTarget, loadBank } from './bank-sampah.service.ts'
import * as ledger from './ledger.repository.ts'
import { assertStockCovers, translatingStockErrors } from './sales.service.ts'

const REVERSIBLE = new Set(['deposit', 'withdrawal'])

/**
 * Under the nasabah's account lock: the journal is not yet reversed (two reversals at once cannot
 * both find it so), and taking it back leaves the savings at zero or more.
 */
async function checkSavingsAfter(
  tx: Tx,
  options: {
    bank: { cityId: number; bankFacilityId: number }
    original: { id: number; nasabahId: number | null }
  },
) {
  const { bank, original } = options
  const accountId = await repo.accountOf(tx, {
    ...bank,
    kind: 'nasabah',
    nasabahId: original.nasabahId!,
    lock: true,
  })
  const already = await ledger.findReversalOf(tx, { cityId: bank.cityId, journalId: original.id })
  if (already) throw new AppError('bank.already_reversed', { extensions: { reversalId: already.publicId } })
  const postings = await ledger.postingsOf(tx, { cityId: bank.cityId, journalId: original.id })
  const balanceRupiah = savingsBalance([
    { amountRupiah: await repo.sumPostings(tx, { cityId: bank.cityId, accountId }) },
  ])
  const after = savingsAfterReversal({
    balanceRupiah,
    nasabahPostings: postings.filter((posting) => posting.accountId === accountId),
  })
  if (after < 0) {
    throw new AppError('bank.reversal_overdraws', {
      params: { balance: balanceRupiah },
      extensions: { balanceRupiah, balanceAfterRupiah: after },
    })
  }
  return { postings, after }
}

/**
 * A correction never edits or deletes: a new journal mirrors every posting of the one it corrects
 * (and, for a deposit, each waste flow it wrote is reversed in the flow ledger). A journal is
 * reversed once at most; taking back a deposit may not leave the nasabah's savings below zero, nor
 * the bank's stock of what was deposited.
 */
export async function reverseJournal(
  context: ServiceContext,
  target: BankTarget & { journalId: string; reason: string },
) {
  assertTeller(context, target)
  const bank = await loadBank(context, target)
  const original = await ledger.findJournal(context.database.db, { ...bank, publicId: target.journalId })
  if (!original) throw new AppError('bank.journal_not_found')
  if (!REVERSIBLE.has(original.kind))
    throw new AppError('bank.not_reversible', { params: { kind: original.kind } })
  const date = cityToday(context, target.city)
  return runWrite(context, async (tx) => {
    const nasabahId = original.nasabahId!
    const { postings, after } = await checkSavingsAfter(tx, { bank, original })
    const lines =
      original.kind === 'deposit'
        ? await ledger.depositLinesOf(tx, { cityId: bank.cityId, journalId: original.id })
        : []
    if (lines.length > 0) await assertStockCovers(tx, bank, lines)
    const reversal = await repo.insertJournal(tx, {
      journal: {
        cityId: bank.cityId,
        bankFacilityId: bank.bankFacilityId,
        kind: 'reversal',
        nasabahId,
        occurredOn: date,
        reversesId: original.id,
        note: target.reason.trim(),
        recordedBy: context.actor?.userId ?? null,
      },
      postings: postings.map((posting) => ({
        accountId: posting.accountId,
        amountRupiah: -posting.amountRupiah,
      })),
    })
    for (const line of lines) {
      await translatingStockErrors(() =>
        reverseFlowInTransaction(tx, context, {
          city: target.city,
          flowId: line.flowPublicId,
          note: `koreksi bank sampah ${reversal.publicId}`,
        }),
      )
    }
    await recordAudit(tx, context, {
      cityId: bank.cityId,
      action: 'bank_journal.reversed',
      entityType: 'bank_journal',
      entityId: original.publicId,
      after: { reversal: reversal.publicId, reason: target.reason.trim() },
    })
    return {
      id: reversal.publicId,
      reversesId: original.publicId,
      date,
      balanceAfterRupiah: after,
    }
  })
}
