import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, idempotencyHeaders, unwrap } from '../../../platform/web/api/client.ts'
import type { paths } from '../../../platform/web/api/schema'

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never
type ListPath = paths['/api/v1/cities/{city}/waste/facilities']
type OnePath = paths['/api/v1/cities/{city}/waste/facilities/{facilityId}']

export type Facility = Json<OnePath['get']['responses'][200]>
export type FacilityPoint = Json<
  paths['/api/v1/cities/{city}/waste/facilities/map']['get']['responses'][200]
>[number]
export type FacilityInput = Json<NonNullable<ListPath['post']['requestBody']>>
export type FacilityChanges = Json<NonNullable<OnePath['patch']['requestBody']>>
export type FacilityFilters = Omit<NonNullable<ListPath['get']['parameters']['query']>, 'pageSize'>

export const FACILITY_PAGE_SIZE = 20

export function useFacilities(city: string, filters: FacilityFilters) {
  return useQuery({
    queryKey: ['waste', 'facilities', city, filters],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/waste/facilities', {
          params: { path: { city }, query: { ...filters, pageSize: FACILITY_PAGE_SIZE } },
        }),
      ),
    // The table keeps its rows while the next page loads instead of jumping to a spinner.
    placeholderData: keepPreviousData,
  })
}

/** Every bank sampah induk of the city: the only facilities a unit may report to. */
export function useIndukFacilities(city: string, isEnabled: boolean) {
  return useQuery({
    queryKey: ['waste', 'facilities', city, { kind: 'bank_sampah_induk', page: 1 }],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/waste/facilities', {
          params: { path: { city }, query: { kind: 'bank_sampah_induk', page: 1, pageSize: 100 } },
        }),
      ),
    enabled: isEnabled,
  })
}

export function useFacilityPoints(city: string) {
  return useQuery({
    queryKey: ['waste', 'facility-points', city],
    queryFn: () =>
      unwrap(api.GET('/api/v1/cities/{city}/waste/facilities/map', { params: { path: { city } } })),
  })
}

export function useFacility(city: string, facilityId: string) {
  return useQuery({
    queryKey: ['waste', 'facility', city, facilityId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/waste/facilities/{facilityId}', {
          params: { path: { city, facilityId } },
        }),
      ),
  })
}

function useInvalidateFacilities(city: string) {
  const queryClient = useQueryClient()
  return (saved: Facility) => {
    queryClient.setQueryData(['waste', 'facility', city, saved.id], saved)
    void queryClient.invalidateQueries({ queryKey: ['waste', 'facilities', city] })
    void queryClient.invalidateQueries({ queryKey: ['waste', 'facility-points', city] })
  }
}

export function useCreateFacility(city: string) {
  const onSuccess = useInvalidateFacilities(city)
  return useMutation({
    mutationFn: ({ body, key }: { body: FacilityInput; key: string }) =>
      unwrap(
        api.POST('/api/v1/cities/{city}/waste/facilities', {
          params: { path: { city } },
          body,
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess,
  })
}

export function useUpdateFacility(city: string) {
  const onSuccess = useInvalidateFacilities(city)
  return useMutation({
    mutationFn: ({ facilityId, changes }: { facilityId: string; changes: FacilityChanges }) =>
      unwrap(
        api.PATCH('/api/v1/cities/{city}/waste/facilities/{facilityId}', {
          params: { path: { city, facilityId } },
          body: changes,
        }),
      ),
    onSuccess,
  })
}
