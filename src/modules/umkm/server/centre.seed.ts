import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import { cityToday, type ServiceContext } from '../../../platform/server/context.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import {
  type CurationScores,
  commissionOf,
  curationTotal,
  gradeOf,
  monthBounds,
  previousMonth,
  RUBRIC_VERSION,
  settlementTotals,
} from '../domain/centre.ts'
import { addDays } from '../domain/licences.ts'
import * as repo from './centre.repository.ts'
import * as salesRepo from './centre-sales.repository.ts'
import * as stockRepo from './centre-stock.repository.ts'

/**
 * A sample UMKM centre for Batu, modelled on the Pojok UMKM in the Balai Kota Among Tani lobby
 * (opened May 2023, curated products, QRIS at the counter): one outlet, products of the sample
 * businesses curated on the rubric, batches on the shelf, last month's sales with one producer
 * already settled, and a few sales this month. Prices and the 10 % commission are made up; the
 * names say "contoh" where a person could mistake them for real.
 */
export const SAMPLE_OUTLET = 'Pojok UMKM Balai Kota Among Tani (contoh)'

interface SampleItem {
  /** The start of the sample business's name (umkm.sample-data.ts labels). */
  businessLabel: string
  name: string
  unit: string
  priceRupiah: number
  quantity: number
  /** Days the product keeps; null when it does not expire. */
  keepsDays: number | null
  scores: CurationScores
}

const score = (
  legality: number,
  quality: number,
  packaging: number,
  capacity: number,
  price: number,
  reach: number,
) => ({
  legality,
  product_quality: quality,
  packaging,
  production_capacity: capacity,
  price_competitiveness: price,
  market_reach: reach,
})

const ITEMS: SampleItem[] = [
  {
    businessLabel: 'Keripik Apel',
    name: 'Keripik apel manalagi 100 g',
    unit: 'pack',
    priceRupiah: 15_000,
    quantity: 60,
    keepsDays: 180,
    scores: score(4, 4, 4, 3, 4, 3),
  },
  {
    businessLabel: 'Sari Apel',
    name: 'Sari apel 250 ml',
    unit: 'botol',
    priceRupiah: 6_000,
    quantity: 120,
    keepsDays: 120,
    scores: score(3, 4, 3, 3, 4, 3),
  },
  {
    businessLabel: 'Jenang Apel',
    name: 'Jenang apel 250 g',
    unit: 'pack',
    priceRupiah: 20_000,
    quantity: 40,
    keepsDays: 90,
    scores: score(3, 3, 3, 2, 3, 2),
  },
  {
    businessLabel: 'Batik',
    name: 'Batik tulis motif apel 2 m',
    unit: 'lembar',
    priceRupiah: 350_000,
    quantity: 8,
    keepsDays: null,
    scores: score(4, 4, 3, 2, 3, 4),
  },
  // Curated but graded D (no label, no P-IRT yet): stays off the shelf until it is assessed again.
  {
    businessLabel: 'Tempe',
    name: 'Keripik tempe curah',
    unit: 'pack',
    priceRupiah: 8_000,
    quantity: 0,
    keepsDays: 30,
    scores: score(1, 3, 1, 2, 3, 1),
  },
]

/** Sales of last month and this month: [item index, quantity, day of month, payment]. */
const SALES: ReadonlyArray<readonly [number, number, number, 'cash' | 'qris']> = [
  [0, 6, 3, 'cash'],
  [1, 12, 3, 'qris'],
  [0, 4, 10, 'qris'],
  [2, 3, 10, 'cash'],
  [3, 1, 17, 'qris'],
  [1, 18, 24, 'cash'],
  [0, 5, 24, 'qris'],
]
const COMMISSION_BPS = 1000

export async function seedSampleCentre(context: ServiceContext, options: { city: CityRef }) {
  const { city } = options
  const db = context.database.db
  if ((await repo.listOutlets(db, { cityId: city.id })).some((outlet) => outlet.name === SAMPLE_OUTLET))
    return
  const today = cityToday(context, city)
  const lastMonth = previousMonth(today)
  const { from: receivedOn } = monthBounds(lastMonth)
  await runWrite(context, async (tx) => {
    const outlet = await repo.insertOutlet(tx, {
      cityId: city.id,
      name: SAMPLE_OUTLET,
      address: 'Lobi Balai Kota Among Tani, Jl. Panglima Sudirman 507, Batu',
      isSampleData: true,
    })
    const batches: (stockRepo.ConsignmentRow | null)[] = []
    for (const item of ITEMS) {
      const business = await repo.firstSampleBusiness(tx, { cityId: city.id, prefix: item.businessLabel })
      if (!business) {
        batches.push(null)
        continue
      }
      const product = await repo.insertProduct(tx, {
        cityId: city.id,
        businessId: business.id,
        name: item.name,
        unit: item.unit,
        isSampleData: true,
      })
      const total = curationTotal(item.scores)
      await repo.insertCuration(tx, {
        cityId: city.id,
        productId: product.id,
        rubricVersion: RUBRIC_VERSION,
        scores: item.scores,
        total,
        grade: gradeOf(total),
        assessedOn: receivedOn,
        note: 'Kurasi contoh (demo)',
        isSampleData: true,
      })
      batches.push(
        item.quantity === 0
          ? null
          : await stockRepo.insertConsignment(tx, {
              cityId: city.id,
              outletId: outlet.id,
              productId: product.id,
              businessId: business.id,
              quantity: item.quantity,
              unitPriceRupiah: item.priceRupiah,
              commissionBps: COMMISSION_BPS,
              receivedOn,
              expiresOn: item.keepsDays === null ? null : addDays(receivedOn, item.keepsDays),
              isSampleData: true,
            }),
      )
    }
    // Last month's sales, and this month's on the days already past.
    const days = [
      ...SALES.map((sale) => ({ sale, month: lastMonth })),
      ...SALES.map((sale) => ({ sale, month: today.slice(0, 7) })).filter(
        ({ sale }) => `${today.slice(0, 7)}-${String(sale[2]).padStart(2, '0')}` < today,
      ),
    ]
    for (const [index, { sale, month }] of days.entries()) {
      const [itemIndex, quantity, day, method] = sale
      const batch = batches[itemIndex]
      if (!batch) continue
      const soldOn = `${month}-${String(day).padStart(2, '0')}`
      const amountRupiah = batch.unitPriceRupiah * quantity
      await salesRepo.insertSale(
        tx,
        {
          cityId: city.id,
          outletId: outlet.id,
          // Midday in western Indonesia (UTC+7).
          soldAt: new Date(`${soldOn}T05:00:00Z`),
          soldOn,
          paymentMethod: method,
          paymentReference: method === 'qris' ? `QRIS-CONTOH-${String(index + 1).padStart(4, '0')}` : null,
          totalRupiah: amountRupiah,
          isSampleData: true,
        },
        [
          {
            cityId: city.id,
            consignmentId: batch.id,
            businessId: batch.businessId,
            soldOn,
            quantity,
            unitPriceRupiah: batch.unitPriceRupiah,
            amountRupiah,
            commissionRupiah: commissionOf(amountRupiah, batch.commissionBps),
          },
        ],
      )
    }
    // The keripik producer has been settled for last month; the others wait on the statements page.
    const settled = batches[0]
    if (settled) {
      const { from, to } = monthBounds(lastMonth)
      const lines = await salesRepo.listStatementLines(tx, {
        cityId: city.id,
        businessId: settled.businessId,
        from,
        to,
      })
      await salesRepo.insertSettlement(tx, {
        cityId: city.id,
        businessId: settled.businessId,
        month: lastMonth,
        ...settlementTotals(lines),
      })
    }
    await recordAudit(tx, context, {
      cityId: city.id,
      action: 'umkm_centre.sample_generated',
      entityType: 'umkm_outlet',
      entityId: outlet.publicId,
      after: { outlet: outlet.name, products: ITEMS.length, sales: days.length },
    })
  })
}
