import { cityWallClock } from '../../../platform/domain/city-time.ts'
import { TIMEZONE_ABBREVIATION, type TimeZoneName } from '../../../platform/domain/regions.ts'
import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import { cityToday, type ServiceContext } from '../../../platform/server/context.ts'
import type { Tx } from '../../../platform/server/db/client.ts'
import { newPublicId } from '../../../platform/server/db/columns.ts'
import { AppError, type FieldProblem } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import { categoryOfSubMaterial, recordFlowInTransaction, type SubMaterial } from '../../waste/index.ts'
import { isBankKind } from '../domain/bank.ts'
import { formatMemberNumber } from '../domain/member.ts'
import {
  depositPostings,
  isBalanced,
  type Posting,
  priceInForce,
  rupiahForWeight,
  savingsBalance,
  withdrawalPostings,
} from '../domain/money.ts'
import * as repo from './bank-sampah.repository.ts'
import {
  assertTeller,
  type BankTarget,
  loadBank,
  loadNasabah,
  mayTell,
  presentNasabah,
} from './bank-sampah.service.ts'
import * as ledger from './ledger.repository.ts'

/*
 * The savings ledger at the counter: deposits (priced lines, money and waste flows in one
 * transaction), their receipts, withdrawals and a nasabah's running-balance statement. Banks,
 * nasabah and prices are in bank-sampah.service.ts.
 */

/** Checks that the postings balance and resolves their accounts, all in one query. */
async function resolvePostings(
  tx: Tx,
  bank: { cityId: number; bankFacilityId: number },
  options: {
    nasabahId?: number
    /** A posting to another bank's account (a transfer to the induk) names that bank. */
    postings: (Posting & { bankFacilityId?: number })[]
  },
) {
  if (!isBalanced(options.postings)) throw new Error('unbalanced journal')
  const accountIds = await repo.accountIdsOf(tx, {
    cityId: bank.cityId,
    accounts: options.postings.map((posting) => ({
      bankFacilityId: posting.bankFacilityId ?? bank.bankFacilityId,
      kind: posting.account,
      nasabahId: posting.account === 'nasabah' ? options.nasabahId : null,
    })),
  })
  return options.postings.map((posting, index) => ({
    accountId: accountIds[index]!,
    amountRupiah: posting.amountRupiah,
  }))
}

export async function postJournal(
  tx: Tx,
  bank: { cityId: number; bankFacilityId: number },
  options: {
    journal: Parameters<typeof repo.insertJournal>[1]['journal']
    nasabahId?: number
    /** A posting to another bank's account (a transfer to the induk) names that bank. */
    postings: (Posting & { bankFacilityId?: number })[]
  },
) {
  const postings = await resolvePostings(tx, bank, options)
  return repo.insertJournal(tx, { journal: options.journal, postings })
}

export interface DepositLineInput {
  subMaterial: SubMaterial
  weightGrams: number
}

/**
 * Each line at the price in force on the deposit's date, copied onto the line; a line without a
 * price is a problem next to its material, and nothing is written.
 */
function priceLines(lines: DepositLineInput[], priceList: Parameters<typeof priceInForce>[0], date: string) {
  const problems: FieldProblem[] = []
  const priced = lines.map((line, index) => {
    const price = priceInForce(priceList, { subMaterial: line.subMaterial, date })
    if (!price)
      problems.push({
        field: `/body/lines/${index}/subMaterial`,
        code: 'bank.no_price',
        params: { subMaterial: line.subMaterial, date },
      })
    const pricePerKgRupiah = price?.pricePerKgRupiah ?? 0
    return {
      ...line,
      pricePerKgRupiah,
      amountRupiah: rupiahForWeight({ weightGrams: line.weightGrams, pricePerKgRupiah }),
    }
  })
  return { priced, problems }
}

/**
 * Lines of material × weight, each priced at the price in force that day (copied onto the line),
 * credited to the nasabah; each line also enters the waste flow ledger as an intake into the bank.
 */
export async function deposit(
  context: ServiceContext,
  target: BankTarget & { nasabahId: string; date?: string; lines: DepositLineInput[] },
) {
  assertTeller(context, target)
  // The bank, the nasabah, the prices and the accounts in one statement; loadBank's checks are
  // made here on its answer. The teller check above is the policy: write access to this bank.
  const found = await repo.findDepositContext(context.database.db, {
    cityId: target.city.id,
    bankPublicId: target.bankId,
    publicId: target.nasabahId,
    subMaterials: target.lines.map((line) => line.subMaterial),
  })
  if (!found) throw new AppError('facility.not_found')
  if (!isBankKind(found.bank.kind)) throw new AppError('bank.not_a_bank')
  const { nasabah, prices: priceList } = found
  if (!nasabah) throw new AppError('nasabah.not_found')
  const bank = { cityId: target.city.id, bankFacilityId: found.bank.id }
  const today = cityToday(context, target.city)
  const date = target.date ?? today
  const { priced, problems } = priceLines(target.lines, priceList, date)
  if (date > today) problems.push({ field: '/body/date', code: 'flow.date_in_future' })
  const source = nasabah.villageCode ?? found.bank.villageCode
  if (!source) problems.push({ field: '/body/nasabahId', code: 'bank.nasabah_needs_village' })
  if (problems.length > 0) throw new AppError('validation.failed', { details: problems })
  const total = priced.reduce((sum, line) => sum + line.amountRupiah, 0)

  const postings = depositPostings(total)
  if (!isBalanced(postings)) throw new Error('unbalanced journal')

  return runWrite(context, async (tx) => {
    const { nasabah: nasabahAccountId, purchases: purchasesAccountId } = found.accountIds
    const resolved =
      nasabahAccountId !== null && purchasesAccountId !== null
        ? postings.map((posting) => ({
            accountId: posting.account === 'nasabah' ? nasabahAccountId : purchasesAccountId,
            amountRupiah: posting.amountRupiah,
          }))
        : await resolvePostings(tx, bank, { nasabahId: nasabah.id, postings })
    const journalPublicId = newPublicId()
    const flowPublicIds = priced.map(() => newPublicId())
    // The journal goes first: its postings hold the nasabah's account (foreign key, key-share
    // mode) before the flows hold the bank's facility row, the order a reversal takes them in
    // (account, then facility), so the two cannot deadlock. A deposit takes no exclusive lock: it
    // only adds, and a withdrawal or reversal that locks the account waits for it to commit.
    const journal = await repo.insertJournal(tx, {
      journal: {
        publicId: journalPublicId,
        cityId: bank.cityId,
        bankFacilityId: bank.bankFacilityId,
        kind: 'deposit',
        nasabahId: nasabah.id,
        occurredOn: date,
        recordedBy: context.actor?.userId ?? null,
      },
      postings: resolved,
      depositLines: priced.map((line, index) => ({ ...line, flowPublicId: flowPublicIds[index]! })),
    })
    await recordAudit(tx, context, {
      cityId: bank.cityId,
      action: 'bank_deposit.recorded',
      entityType: 'bank_journal',
      entityId: journalPublicId,
      after: { nasabah: nasabah.publicId, date, totalRupiah: total, lines: priced },
    })
    // Source → this bank sampah, one flow a line: the waste ledger sees what the passbook sees.
    // Checked (and the bank's facility locked) now; inserted with the audit rows at the commit,
    // since nothing below reads the flows.
    await recordFlowInTransaction(tx, context, {
      module: 'bank-sampah',
      atCommit: true,
      city: target.city,
      inputs: priced.map((line, index) => ({
        publicId: flowPublicIds[index]!,
        kind: 'intake' as const,
        date,
        weightGrams: line.weightGrams,
        material: categoryOfSubMaterial(line.subMaterial),
        subMaterial: line.subMaterial,
        fromVillageCode: source,
        fromSector: nasabah.kind === 'school' ? ('fasilitas_publik' as const) : ('rumah_tangga' as const),
        toFacilityId: target.bankId,
        note: `setoran bank sampah ${journalPublicId}`,
      })),
    })
    return presentReceipt(target.city, {
      publicId: journalPublicId,
      occurredOn: date,
      recordedAt: journal.recordedAt,
      nasabahId: nasabah.id,
      nasabahPublicId: nasabah.publicId,
      nasabahName: nasabah.name,
      teller: context.actor?.displayName ?? null,
      lines: priced.map(({ subMaterial, weightGrams, pricePerKgRupiah, amountRupiah }) => ({
        subMaterial,
        weightGrams,
        pricePerKgRupiah,
        amountRupiah,
      })),
      reversal: null,
    })
  })
}

/**
 * A deposit as its receipt (struk) shows it: what the POST answered at the counter, read back for
 * a reprint. The time is the city's wall clock with its zone (WIB, WITA, WIT).
 */
function presentReceipt(city: CityRef, row: ledger.DepositReceiptRow) {
  return {
    id: row.publicId,
    date: row.occurredOn,
    totalRupiah: row.lines.reduce((sum, line) => sum + line.amountRupiah, 0),
    lines: row.lines,
    nasabah: {
      id: row.nasabahPublicId,
      name: row.nasabahName,
      memberNumber: formatMemberNumber(row.nasabahId),
    },
    teller: row.teller,
    recordedAt: cityWallClock(row.recordedAt, city.timezone),
    timezone: TIMEZONE_ABBREVIATION[city.timezone as TimeZoneName] ?? 'WIB',
    reversal: row.reversal,
  }
}

/**
 * A deposit's receipt, to print again after a reload or on another day. Counter paper, like the
 * deposit itself: for the bank's tellers and Dinas LH, with the nasabah's full name. A journal of
 * another bank, or one that is not a deposit, is not found.
 */
export async function depositReceipt(context: ServiceContext, target: BankTarget & { journalId: string }) {
  assertTeller(context, target)
  const bank = await loadBank(context, target)
  const row = await ledger.findDepositReceipt(context.database.db, { ...bank, publicId: target.journalId })
  if (!row) throw new AppError('bank.journal_not_found')
  return presentReceipt(target.city, row)
}

/**
 * Pays out savings. The nasabah's account row is locked, the balance summed from its postings,
 * and the withdrawal refused if it would go below zero — all in one transaction, so fifty
 * withdrawals at once cannot overdraw it.
 */
export async function withdraw(
  context: ServiceContext,
  target: BankTarget & {
    nasabahId: string
    amountRupiah: number
    method: 'cash' | 'transfer'
    note?: string | null
  },
) {
  assertTeller(context, target)
  const { bank, nasabah } = await loadNasabah(context, target)
  const date = cityToday(context, target.city)
  return runWrite(context, async (tx) => {
    const accountId = await repo.accountOf(tx, {
      ...bank,
      kind: 'nasabah',
      nasabahId: nasabah.id,
      lock: true,
    })
    const balance = savingsBalance([
      { amountRupiah: await repo.sumPostings(tx, { cityId: bank.cityId, accountId }) },
    ])
    if (target.amountRupiah > balance) {
      throw new AppError('bank.insufficient_balance', {
        params: { balance },
        extensions: { balanceRupiah: balance, requestedRupiah: target.amountRupiah },
      })
    }
    const row = await postJournal(tx, bank, {
      journal: {
        cityId: bank.cityId,
        bankFacilityId: bank.bankFacilityId,
        kind: 'withdrawal',
        nasabahId: nasabah.id,
        occurredOn: date,
        method: target.method,
        note: target.note?.trim() || null,
        recordedBy: context.actor?.userId ?? null,
      },
      nasabahId: nasabah.id,
      postings: withdrawalPostings(target.amountRupiah),
    })
    await recordAudit(tx, context, {
      cityId: bank.cityId,
      action: 'bank_withdrawal.recorded',
      entityType: 'bank_journal',
      entityId: row.publicId,
      after: { nasabah: nasabah.publicId, amountRupiah: target.amountRupiah, method: target.method },
    })
    return {
      id: row.publicId,
      date,
      amountRupiah: target.amountRupiah,
      balanceAfterRupiah: balance - target.amountRupiah,
    }
  })
}

/** Every journal of the nasabah with the running balance, oldest first: the passbook. */
export async function statement(context: ServiceContext, target: BankTarget & { nasabahId: string }) {
  const { bank, nasabah } = await loadNasabah(context, target)
  const accountId = await repo.nasabahAccountId(context.database.db, { ...bank, nasabahId: nasabah.id })
  const rows = accountId
    ? await repo.statementOf(context.database.db, { cityId: bank.cityId, accountId })
    : []
  let balance = 0
  const entries = rows.map(({ journal, amountRupiah }) => {
    balance -= amountRupiah
    return {
      id: journal.publicId,
      date: journal.occurredOn,
      kind: journal.kind,
      amountRupiah: -amountRupiah,
      balanceRupiah: balance,
    }
  })
  return { nasabah: presentNasabah(nasabah, mayTell(context, target)), entries, balanceRupiah: balance }
}
