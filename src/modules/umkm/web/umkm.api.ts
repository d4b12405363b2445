import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, idempotencyHeaders, unwrap } from '../../../platform/web/api/client.ts'
import type { paths } from '../../../platform/web/api/schema'

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never
type ListPath = paths['/api/v1/cities/{city}/umkm/businesses']
type OnePath = paths['/api/v1/cities/{city}/umkm/businesses/{businessId}']
type LicencesPath = paths['/api/v1/cities/{city}/umkm/businesses/{businessId}/licences']
type LicencePath = paths['/api/v1/cities/{city}/umkm/businesses/{businessId}/licences/{licenceId}']
type ExpiringPath = paths['/api/v1/cities/{city}/umkm/licences/expiring']
type FiguresPath = paths['/api/v1/cities/{city}/umkm/businesses/{businessId}/figures']

export type BusinessPage = Json<ListPath['get']['responses'][200]>
export type BusinessListItem = BusinessPage['items'][number]
export type Business = Json<OnePath['get']['responses'][200]>
export type BusinessInput = Json<NonNullable<ListPath['post']['requestBody']>>
export type BusinessChanges = Json<NonNullable<OnePath['patch']['requestBody']>>
export type BusinessFilters = Omit<NonNullable<ListPath['get']['parameters']['query']>, 'pageSize'>
export type DerivedScale = Business['derivedScales'][number]
export type Licence = Json<LicencesPath['get']['responses'][200]>[number]
export type LicenceInput = Json<NonNullable<LicencesPath['post']['requestBody']>>
export type LicenceChanges = Json<NonNullable<LicencePath['patch']['requestBody']>>
export type ExpiringPage = Json<ExpiringPath['get']['responses'][200]>
export type FiguresInput = Json<NonNullable<FiguresPath['post']['requestBody']>>

export const BUSINESS_PAGE_SIZE = 20

export function useBusinesses(city: string, filters: BusinessFilters) {
  return useQuery({
    queryKey: ['umkm', 'businesses', city, filters],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/umkm/businesses', {
          params: { path: { city }, query: { ...filters, pageSize: BUSINESS_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  })
}

export function useBusiness(city: string, businessId: string) {
  return useQuery({
    queryKey: ['umkm', 'business', city, businessId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/umkm/businesses/{businessId}', {
          params: { path: { city, businessId } },
        }),
      ),
  })
}

function useSavedBusiness(city: string) {
  const queryClient = useQueryClient()
  return (saved: Business) => {
    queryClient.setQueryData(['umkm', 'business', city, saved.id], saved)
    void queryClient.invalidateQueries({ queryKey: ['umkm', 'businesses', city] })
  }
}

export function useCreateBusiness(city: string) {
  const onSuccess = useSavedBusiness(city)
  return useMutation({
    mutationFn: ({ body, key }: { body: BusinessInput; key: string }) =>
      unwrap(
        api.POST('/api/v1/cities/{city}/umkm/businesses', {
          params: { path: { city } },
          body,
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess,
  })
}

export function useUpdateBusiness(city: string) {
  const onSuccess = useSavedBusiness(city)
  return useMutation({
    mutationFn: ({ businessId, changes }: { businessId: string; changes: BusinessChanges }) =>
      unwrap(
        api.PATCH('/api/v1/cities/{city}/umkm/businesses/{businessId}', {
          params: { path: { city, businessId } },
          body: changes,
        }),
      ),
    onSuccess,
  })
}

/** A dated figures record: the business page shows the scales and naik kelas that follow from it. */
export function useAddFigures(city: string, businessId: string) {
  const onSuccess = useSavedBusiness(city)
  return useMutation({
    mutationFn: ({ body, key }: { body: FiguresInput; key: string }) =>
      unwrap(
        api.POST('/api/v1/cities/{city}/umkm/businesses/{businessId}/figures', {
          params: { path: { city, businessId } },
          body,
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess,
  })
}

export function useLicences(city: string, businessId: string) {
  return useQuery({
    queryKey: ['umkm', 'licences', city, businessId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/umkm/businesses/{businessId}/licences', {
          params: { path: { city, businessId } },
        }),
      ),
  })
}

function useInvalidateLicences(city: string, businessId: string) {
  const queryClient = useQueryClient()
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['umkm', 'licences', city, businessId] })
    void queryClient.invalidateQueries({ queryKey: ['umkm', 'expiring', city] })
  }
}

export function useAddLicence(city: string, businessId: string) {
  const onSuccess = useInvalidateLicences(city, businessId)
  return useMutation({
    mutationFn: ({ body, key }: { body: LicenceInput; key: string }) =>
      unwrap(
        api.POST('/api/v1/cities/{city}/umkm/businesses/{businessId}/licences', {
          params: { path: { city, businessId } },
          body,
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess,
  })
}

export function useUpdateLicence(city: string, businessId: string) {
  const onSuccess = useInvalidateLicences(city, businessId)
  return useMutation({
    mutationFn: ({ licenceId, changes }: { licenceId: string; changes: LicenceChanges }) =>
      unwrap(
        api.PATCH('/api/v1/cities/{city}/umkm/businesses/{businessId}/licences/{licenceId}', {
          params: { path: { city, businessId, licenceId } },
          body: changes,
        }),
      ),
    onSuccess,
  })
}

export function useExpiringLicences(
  city: string,
  query: { days: number; includeExpired: boolean; notReminded: boolean; page: number },
) {
  return useQuery({
    queryKey: ['umkm', 'expiring', city, query],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/umkm/licences/expiring', {
          params: { path: { city }, query: { ...query, pageSize: 50 } },
        }),
      ),
    placeholderData: keepPreviousData,
  })
}
