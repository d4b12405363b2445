import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import { cityToday, type ServiceContext } from '../../../platform/server/context.ts'
import type { Tx } from '../../../platform/server/db/client.ts'
import { AppError, type FieldProblem } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import { categoryOfSubMaterial, recordFlowInTransaction, type SubMaterial } from '../../waste/index.ts'
import { priceInForce, rupiahForWeight, salePostings, transferPostings } from '../domain/money.ts'
import { firstStockShortfall } from '../domain/stock.ts'
import * as repo from './bank-sampah.repository.ts'
import { assertTeller, type BankTarget, loadBank } from './bank-sampah.service.ts'
import * as ledger from './ledger.repository.ts'
import { postJournal } from './savings.service.ts'

export interface SaleLineInput {
  subMaterial: SubMaterial
  weightGrams: number
  pricePerKgRupiah: number
}

type Bank = Awaited<ReturnType<typeof loadBank>>

/**
 * Serialises everything that draws on a bank's stock (sales, transfers, reversed deposits): the
 * bank's cash account row is locked until the transaction ends, then the stock is summed. Two
 * sales at once queue here, so they cannot both spend the same kilos.
 */
export async function assertStockCovers(
  tx: Tx,
  bank: { cityId: number; bankFacilityId: number },
  lines: { subMaterial: string; weightGrams: number }[],
) {
  await repo.accountOf(tx, { ...bank, kind: 'cash', lock: true })
  const shortfall = firstStockShortfall(await ledger.stockBySubMaterial(tx, bank), lines)
  if (shortfall) {
    throw new AppError('bank.insufficient_stock', {
      params: {
        subMaterial: shortfall.subMaterial,
        stockKg: shortfall.stockGrams / 1000,
        requestedKg: shortfall.requestedGrams / 1000,
      },
      extensions: { conflict: shortfall },
    })
  }
}

/** The waste flow ledger keeps its own per-category check; its refusal reads as the bank's. */
export async function translatingStockErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof AppError && error.code === 'flow.mass_balance') {
      const conflict = (error.extensions?.conflict ?? {}) as { stockGrams?: number; requestedGrams?: number }
      throw new AppError('bank.insufficient_stock', {
        params: {
          subMaterial: String(error.params.material),
          stockKg: (conflict.stockGrams ?? 0) / 1000,
          requestedKg: (conflict.requestedGrams ?? 0) / 1000,
        },
        extensions: error.extensions,
      })
    }
    throw error
  }
}

function pricedLines(lines: SaleLineInput[]) {
  return lines.map((line) => ({
    ...line,
    amountRupiah: rupiahForWeight({ weightGrams: line.weightGrams, pricePerKgRupiah: line.pricePerKgRupiah }),
  }))
}

/** The recyclables leave the bank in the flow ledger: sold to an offtaker, or moved to the induk. */
function recordOutgoingFlow(
  tx: Tx,
  context: ServiceContext,
  options: {
    target: BankTarget
    line: SaleLineInput
    date: string
    toFacilityId: string | null
    buyerName: string | null
    note: string
  },
) {
  const { line } = options
  return translatingStockErrors(() =>
    recordFlowInTransaction(tx, context, {
      module: 'bank-sampah',
      city: options.target.city,
      input: {
        kind: options.toFacilityId ? 'transfer' : 'outcome',
        date: options.date,
        weightGrams: line.weightGrams,
        material: categoryOfSubMaterial(line.subMaterial),
        subMaterial: line.subMaterial,
        fromFacilityId: options.target.bankId,
        // The flow ledger prices only sales to offtakers; a transfer's price is on the bank's line.
        ...(options.toFacilityId
          ? { toFacilityId: options.toFacilityId }
          : {
              outcome: 'recycled_sold' as const,
              buyerName: options.buyerName,
              pricePerKgRupiah: line.pricePerKgRupiah,
            }),
        note: options.note,
      },
    }),
  )
}

async function writeOutgoing(
  tx: Tx,
  context: ServiceContext,
  options: {
    target: BankTarget
    bank: Bank
    kind: 'sale' | 'transfer'
    date: string
    lines: ReturnType<typeof pricedLines>
    buyerName?: string
    induk?: Bank
  },
) {
  const { bank, target, date, lines, kind } = options
  await assertStockCovers(tx, bank, lines)
  const total = lines.reduce((sum, line) => sum + line.amountRupiah, 0)
  const inducted = options.induk ?? null
  const journal = await postJournal(tx, bank, {
    journal: {
      cityId: bank.cityId,
      bankFacilityId: bank.bankFacilityId,
      kind,
      occurredOn: date,
      buyerName: options.buyerName?.trim() || null,
      counterpartFacilityId: inducted?.bankFacilityId ?? null,
      recordedBy: context.actor?.userId ?? null,
    },
    postings: inducted
      ? transferPostings(total).map(({ bank: side, ...posting }) => ({
          ...posting,
          bankFacilityId: side === 'induk' ? inducted.bankFacilityId : bank.bankFacilityId,
        }))
      : salePostings(total),
  })
  const rows = []
  for (const line of lines) {
    const flow = await recordOutgoingFlow(tx, context, {
      target,
      line,
      date,
      toFacilityId: inducted ? bank.parent!.id : null,
      buyerName: options.buyerName ?? null,
      note: `${kind === 'sale' ? 'penjualan' : 'setor ke induk'} bank sampah ${journal.publicId}`,
    })
    rows.push({ cityId: bank.cityId, journalId: journal.id, ...line, flowPublicId: flow.publicId })
  }
  await ledger.insertSaleLines(tx, rows)
  return { journal, total }
}

/**
 * A sale of recyclables to a pengepul (an offtaker): refused if any material would go below its
 * stock; the cash comes in against sales, and the waste leaves the bank in the flow ledger as sold.
 */
export async function sell(
  context: ServiceContext,
  target: BankTarget & { buyerName: string; lines: SaleLineInput[] },
) {
  assertTeller(context, target)
  const bank = await loadBank(context, target)
  const date = cityToday(context, target.city)
  const lines = pricedLines(target.lines)
  return runWrite(context, async (tx) => {
    const { journal, total } = await writeOutgoing(tx, context, {
      target,
      bank,
      kind: 'sale',
      date,
      lines,
      buyerName: target.buyerName,
    })
    await recordAudit(tx, context, {
      cityId: bank.cityId,
      action: 'bank_sale.recorded',
      entityType: 'bank_journal',
      entityId: journal.publicId,
      after: { buyerName: target.buyerName, totalRupiah: total, lines },
    })
    return { id: journal.publicId, kind: 'sale' as const, date, totalRupiah: total, lines }
  })
}

/**
 * A transfer writes the induk's books too, so it is priced at the induk's own buying price in force:
 * a unit's teller cannot set what the induk pays.
 */
async function assertIndukPrices(
  context: ServiceContext,
  induk: Awaited<ReturnType<typeof loadBank>>,
  lines: SaleLineInput[],
  date: string,
) {
  const prices = await repo.listEffectivePrices(context.database.db, induk)
  const problems: FieldProblem[] = []
  lines.forEach((line, index) => {
    const price = priceInForce(prices, { subMaterial: line.subMaterial, date })
    if (!price) {
      problems.push({
        field: `/body/lines/${index}/subMaterial`,
        code: 'bank.no_price',
        params: { subMaterial: line.subMaterial, date },
      })
    } else if (price.pricePerKgRupiah !== line.pricePerKgRupiah) {
      problems.push({
        field: `/body/lines/${index}/pricePerKgRupiah`,
        code: 'bank.transfer_price',
        // Rupiah as written in Indonesia in both languages: Rp4.000.
        params: { price: `Rp${new Intl.NumberFormat('id-ID').format(price.pricePerKgRupiah)}` },
      })
    }
  })
  if (problems.length > 0) throw new AppError('validation.failed', { details: problems })
}

/** A unit hands recyclables on to its induk: the unit's stock falls and the induk's rises. */
export async function transferToInduk(
  context: ServiceContext,
  target: BankTarget & { lines: SaleLineInput[] },
) {
  assertTeller(context, target)
  const bank = await loadBank(context, target)
  if (bank.facility.kind !== 'bank_sampah_unit' || !bank.parent) throw new AppError('bank.no_induk')
  const induk = await loadBank(context, { city: target.city, bankId: bank.parent.id })
  const date = cityToday(context, target.city)
  await assertIndukPrices(context, induk, target.lines, date)
  const lines = pricedLines(target.lines)
  return runWrite(context, async (tx) => {
    const { journal, total } = await writeOutgoing(tx, context, {
      target,
      bank,
      kind: 'transfer',
      date,
      lines,
      induk,
    })
    await recordAudit(tx, context, {
      cityId: bank.cityId,
      action: 'bank_transfer.recorded',
      entityType: 'bank_journal',
      entityId: journal.publicId,
      after: { induk: bank.parent!.id, totalRupiah: total, lines },
    })
    return {
      id: journal.publicId,
      kind: 'transfer' as const,
      date,
      totalRupiah: total,
      indukId: bank.parent!.id,
      lines,
    }
  })
}
