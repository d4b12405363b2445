import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, idempotencyHeaders, postFile, unwrap } from '../../../platform/web/api/client.ts'
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

export type FacilityDashboard = Json<
  paths['/api/v1/cities/{city}/waste/facilities/{facilityId}/dashboard']['get']['responses'][200]
>
export type DashboardGrams = FacilityDashboard['totals']['grams']
export type DashboardRange = { from: string; to: string; granularity: 'day' | 'month' }

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

/** In and out per day or month, sales revenue and the share kept out of the TPA. */
export function useFacilityDashboard(city: string, facilityId: string, range: DashboardRange) {
  return useQuery({
    queryKey: ['waste', 'facility-dashboard', city, facilityId, range],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/waste/facilities/{facilityId}/dashboard', {
          params: { path: { city, facilityId }, query: range },
        }),
      ),
    placeholderData: keepPreviousData,
  })
}

/** Where the browser downloads the import template or a period's ledger (a plain link: the session cookie goes along). */
export function flowSpreadsheetUrl(
  city: string,
  facilityId: string,
  which: { kind: 'template' } | { kind: 'export'; from: string; to: string },
): string {
  const base = `/api/v1/cities/${encodeURIComponent(city)}/waste/facilities/${encodeURIComponent(facilityId)}/flows`
  if (which.kind === 'template') return `${base}/template.xlsx`
  return `${base}/export.xlsx?${new URLSearchParams({ from: which.from, to: which.to })}`
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The body type the import endpoint expects for this file, by its name (browsers often leave `type` empty for CSV). */
export function importContentType(file: File): string {
  return /\.csv$/i.test(file.name) || file.type === 'text/csv' ? 'text/csv' : XLSX_TYPE
}

/**
 * Uploads a spreadsheet of flows as the raw request body. All or nothing: a refusal
 * (422 `import.rows_invalid`) carries every bad row as `/rows/{row}/{column}` and imports none.
 */
export function useImportFlows(city: string, facilityId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ file, key }: { file: File; key: string }) =>
      postFile<{ imported: number }>(
        `/api/v1/cities/${encodeURIComponent(city)}/waste/facilities/${encodeURIComponent(facilityId)}/flows/import`,
        { file, key, contentType: importContentType(file) },
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['waste', 'facility-dashboard', city, facilityId] })
      void queryClient.invalidateQueries({ queryKey: ['waste', 'operator', city, facilityId] })
    },
  })
}

/** `/rows/7/berat_kg` → row 7, column `berat_kg`; null for a problem that names no row. */
export function rowProblemOf(field: string): { row: number; column: string } | null {
  const match = /^\/rows\/(\d+)(?:\/(.+))?$/.exec(field)
  if (!match) return null
  return { row: Number(match[1]), column: match[2] ?? '' }
}
