import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, idempotencyHeaders, unwrap } from '../../../platform/web/api/client.ts'
import type { paths } from '../../../platform/web/api/schema'

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never
type Base = '/api/v1/cities/{city}/umkm/centre'
type OutletsPath = paths[`${Base}/outlets`]
type OutletPath = paths[`${Base}/outlets/{outletId}`]
type CountPath = paths[`${Base}/consignments/{batchId}/count`]
type VoidPath = paths[`${Base}/sales/{saleId}/void`]
type ProductsPath = paths[`${Base}/products`]
type ProductPath = paths[`${Base}/products/{productId}`]
type CurationsPath = paths[`${Base}/products/{productId}/curations`]
type ConsignmentsPath = paths[`${Base}/consignments`]
type RemovalsPath = paths[`${Base}/consignments/{batchId}/removals`]
type StockPath = paths[`${Base}/stock`]
type SalesPath = paths[`${Base}/sales`]
type StatementsPath = paths[`${Base}/statements/{month}`]
type StatementPath = paths[`${Base}/statements/{month}/{businessId}`]
type SettlementsPath = paths[`${Base}/settlements`]
type CataloguePath = paths[`${Base}/catalogue`]

export type Outlet = Json<OutletsPath['get']['responses'][200]>[number]
export type OutletInput = Json<NonNullable<OutletsPath['post']['requestBody']>>
export type OutletPatch = Json<NonNullable<OutletPath['patch']['requestBody']>>
export type CountInput = Json<NonNullable<CountPath['post']['requestBody']>>
export type CountResult = Json<CountPath['post']['responses'][200]>
export type VoidInput = Json<NonNullable<VoidPath['post']['requestBody']>>
export type ProductFilter = NonNullable<ProductsPath['get']['parameters']['query']>
export type Product = Json<ProductsPath['get']['responses'][200]>[number]
export type ProductInput = Json<NonNullable<ProductsPath['post']['requestBody']>>
export type ProductDetail = Json<ProductPath['get']['responses'][200]>
export type Curation = ProductDetail['curations'][number]
export type CurationInput = Json<NonNullable<CurationsPath['post']['requestBody']>>
export type Batch = Json<StockPath['get']['responses'][200]>[number]
export type IntakeInput = Json<NonNullable<ConsignmentsPath['post']['requestBody']>>
export type RemovalInput = Json<NonNullable<RemovalsPath['post']['requestBody']>>
export type SaleInput = Json<NonNullable<SalesPath['post']['requestBody']>>
export type Sale = Json<SalesPath['post']['responses'][201]>
export type DaySales = Json<SalesPath['get']['responses'][200]>
export type MonthStatements = Json<StatementsPath['get']['responses'][200]>
export type BusinessStatement = Json<StatementPath['get']['responses'][200]>
export type Settlement = Json<SettlementsPath['post']['responses'][201]>
export type CatalogueItem = Json<CataloguePath['get']['responses'][200]>[number]

const centreKey = (city: string) => ['umkm', 'centre', city] as const

/** Stock, sales and statements all move together: after a write, the centre's pages are read again. */
function useInvalidateCentre(city: string) {
  const queryClient = useQueryClient()
  return () => void queryClient.invalidateQueries({ queryKey: centreKey(city) })
}

export function useOutlets(city: string) {
  return useQuery({
    queryKey: [...centreKey(city), 'outlets'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/cities/{city}/umkm/centre/outlets', { params: { path: { city } } })),
    staleTime: 5 * 60_000,
  })
}

export function useCreateOutlet(city: string) {
  const onSuccess = useInvalidateCentre(city)
  return useMutation({
    mutationFn: ({ body, key }: { body: OutletInput; key: string }) =>
      unwrap(
        api.POST('/api/v1/cities/{city}/umkm/centre/outlets', {
          params: { path: { city } },
          body,
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess,
  })
}

export function useUpdateOutlet(city: string) {
  const onSuccess = useInvalidateCentre(city)
  return useMutation({
    mutationFn: ({ outletId, body }: { outletId: string; body: OutletPatch }) =>
      unwrap(
        api.PATCH('/api/v1/cities/{city}/umkm/centre/outlets/{outletId}', {
          params: { path: { city, outletId } },
          body,
        }),
      ),
    onSuccess,
  })
}

/** The products, filtered by part of the name and to those that may go on the shelf. */
export function useProducts(city: string, filter: ProductFilter = {}) {
  const query: ProductFilter = {}
  if (filter.q?.trim()) query.q = filter.q.trim()
  if (filter.shelfable) query.shelfable = true
  return useQuery({
    queryKey: [...centreKey(city), 'products', query],
    queryFn: () =>
      unwrap(api.GET('/api/v1/cities/{city}/umkm/centre/products', { params: { path: { city }, query } })),
    placeholderData: keepPreviousData,
  })
}

export function useProduct(city: string, productId: string) {
  return useQuery({
    queryKey: [...centreKey(city), 'product', productId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/umkm/centre/products/{productId}', {
          params: { path: { city, productId } },
        }),
      ),
  })
}

export function useCreateProduct(city: string) {
  const onSuccess = useInvalidateCentre(city)
  return useMutation({
    mutationFn: ({ body, key }: { body: ProductInput; key: string }) =>
      unwrap(
        api.POST('/api/v1/cities/{city}/umkm/centre/products', {
          params: { path: { city } },
          body,
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess,
  })
}

export function useCurateProduct(city: string, productId: string) {
  const onSuccess = useInvalidateCentre(city)
  return useMutation({
    mutationFn: ({ body, key }: { body: CurationInput; key: string }) =>
      unwrap(
        api.POST('/api/v1/cities/{city}/umkm/centre/products/{productId}/curations', {
          params: { path: { city, productId } },
          body,
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess,
  })
}

export function useStock(city: string, outletId: string | null) {
  return useQuery({
    queryKey: [...centreKey(city), 'stock', outletId],
    enabled: outletId !== null,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/umkm/centre/stock', {
          params: { path: { city }, query: { outletId: outletId ?? undefined } },
        }),
      ),
  })
}

export function useReceiveConsignment(city: string) {
  const onSuccess = useInvalidateCentre(city)
  return useMutation({
    mutationFn: ({ body, key }: { body: IntakeInput; key: string }) =>
      unwrap(
        api.POST('/api/v1/cities/{city}/umkm/centre/consignments', {
          params: { path: { city } },
          body,
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess,
  })
}

export function useRemoveStock(city: string) {
  const onSuccess = useInvalidateCentre(city)
  return useMutation({
    mutationFn: ({ batchId, body, key }: { batchId: string; body: RemovalInput; key: string }) =>
      unwrap(
        api.POST('/api/v1/cities/{city}/umkm/centre/consignments/{batchId}/removals', {
          params: { path: { city, batchId } },
          body,
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess,
  })
}

export function useCountStock(city: string) {
  const onSuccess = useInvalidateCentre(city)
  return useMutation({
    mutationFn: ({ batchId, body, key }: { batchId: string; body: CountInput; key: string }) =>
      unwrap(
        api.POST('/api/v1/cities/{city}/umkm/centre/consignments/{batchId}/count', {
          params: { path: { city, batchId } },
          body,
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess,
  })
}

/** One sale as its struk, read again from the server (a reprint after a reload). */
export function useSale(city: string, saleId: string) {
  return useQuery({
    queryKey: [...centreKey(city), 'sale', saleId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/umkm/centre/sales/{saleId}', { params: { path: { city, saleId } } }),
      ),
  })
}

export function useVoidSale(city: string) {
  const onSuccess = useInvalidateCentre(city)
  return useMutation({
    mutationFn: ({ saleId, body, key }: { saleId: string; body: VoidInput; key: string }) =>
      unwrap(
        api.POST('/api/v1/cities/{city}/umkm/centre/sales/{saleId}/void', {
          params: { path: { city, saleId } },
          body,
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess,
  })
}

export function useRecordSale(city: string) {
  const onSuccess = useInvalidateCentre(city)
  return useMutation({
    mutationFn: ({ body, key }: { body: SaleInput; key: string }) =>
      unwrap(
        api.POST('/api/v1/cities/{city}/umkm/centre/sales', {
          params: { path: { city } },
          body,
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess,
  })
}

/** Today's sales at one outlet (the server decides "today" in the city's time zone). */
export function useDaySales(city: string, outletId: string | null) {
  return useQuery({
    queryKey: [...centreKey(city), 'sales', outletId],
    enabled: outletId !== null,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/umkm/centre/sales', {
          params: { path: { city }, query: { outletId: outletId ?? undefined } },
        }),
      ),
  })
}

export function useMonthStatements(city: string, month: string) {
  return useQuery({
    queryKey: [...centreKey(city), 'statements', month],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/umkm/centre/statements/{month}', {
          params: { path: { city, month } },
        }),
      ),
  })
}

export function useBusinessStatement(city: string, month: string, businessId: string) {
  return useQuery({
    queryKey: [...centreKey(city), 'statement', month, businessId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/umkm/centre/statements/{month}/{businessId}', {
          params: { path: { city, month, businessId } },
        }),
      ),
  })
}

export function useSettleMonth(city: string) {
  const onSuccess = useInvalidateCentre(city)
  return useMutation({
    mutationFn: ({ businessId, month, key }: { businessId: string; month: string; key: string }) =>
      unwrap(
        api.POST('/api/v1/cities/{city}/umkm/centre/settlements', {
          params: { path: { city } },
          body: { businessId, month },
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess,
  })
}

/** The public catalogue: no sign-in, cached a minute by the server. */
export function useCatalogue(city: string) {
  return useQuery({
    queryKey: ['umkm', 'catalogue', city],
    queryFn: () =>
      unwrap(api.GET('/api/v1/cities/{city}/umkm/centre/catalogue', { params: { path: { city } } })),
    staleTime: 60_000,
  })
}
