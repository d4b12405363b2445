import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, idempotencyHeaders, postFile, unwrap } from '../../../platform/web/api/client.ts'
import type { paths } from '../../../platform/web/api/schema'

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never
type Base = '/api/v1/cities/{city}/waste-balance'
type EstimatePath = paths[`${Base}/estimates/{year}`]
type TargetPath = paths[`${Base}/targets/{year}`]
type FlowsPath = paths[`${Base}/manual-flows`]

export type CityBalance = Json<paths[`${Base}/periods/{period}`]['get']['responses'][200]>
export type Estimate = Json<EstimatePath['put']['responses'][200]>
export type EstimateInput = Json<NonNullable<EstimatePath['put']['requestBody']>>
export type Target = Json<TargetPath['get']['responses'][200]>
export type TargetInput = Json<NonNullable<TargetPath['put']['requestBody']>>
export type ManualFlow = Json<FlowsPath['get']['responses'][200]>[number]
export type ManualFlowInput = Json<NonNullable<FlowsPath['post']['requestBody']>>
export type BalancePart = ManualFlowInput['part']

const keys = {
  all: (city: string) => ['waste-balance', city] as const,
  balance: (city: string, period: string) => ['waste-balance', city, 'balance', period] as const,
  estimates: (city: string) => ['waste-balance', city, 'estimates'] as const,
  target: (city: string, year: number) => ['waste-balance', city, 'target', year] as const,
  flows: (city: string, period: string) => ['waste-balance', city, 'manual-flows', period] as const,
}

export function useCityBalance(city: string, period: string) {
  return useQuery({
    queryKey: keys.balance(city, period),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/waste-balance/periods/{period}', {
          params: { path: { city, period } },
        }),
      ),
    // The figures stay on screen while another period loads.
    placeholderData: keepPreviousData,
  })
}

/** The same balance for anyone, no sign-in: aggregates only. */
export function usePublicBalance(city: string, period: string) {
  return useQuery({
    queryKey: ['waste-balance-public', city, period],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/waste-balance/public/periods/{period}', {
          params: { path: { city, period } },
        }),
      ),
    placeholderData: keepPreviousData,
  })
}

export function useEstimates(city: string) {
  return useQuery({
    queryKey: keys.estimates(city),
    queryFn: () =>
      unwrap(api.GET('/api/v1/cities/{city}/waste-balance/estimates', { params: { path: { city } } })),
  })
}

export function useTarget(city: string, year: number) {
  return useQuery({
    queryKey: keys.target(city, year),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/waste-balance/targets/{year}', {
          params: { path: { city, year } },
        }),
      ),
    retry: false,
  })
}

export function useManualFlows(city: string, period: string) {
  return useQuery({
    queryKey: keys.flows(city, period),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/waste-balance/manual-flows', {
          params: { path: { city }, query: { period } },
        }),
      ),
  })
}

/** Any change moves the figures: every neraca query of the city is refetched. */
function useInvalidateBalance(city: string) {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: keys.all(city) })
}

export function useSaveEstimate(city: string) {
  const onSuccess = useInvalidateBalance(city)
  return useMutation({
    mutationFn: ({ year, body, key }: { year: number; body: EstimateInput; key: string }) =>
      unwrap(
        api.PUT('/api/v1/cities/{city}/waste-balance/estimates/{year}', {
          params: { path: { city, year } },
          body,
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess,
  })
}

export function useSaveTarget(city: string) {
  const onSuccess = useInvalidateBalance(city)
  return useMutation({
    mutationFn: ({ year, body, key }: { year: number; body: TargetInput; key: string }) =>
      unwrap(
        api.PUT('/api/v1/cities/{city}/waste-balance/targets/{year}', {
          params: { path: { city, year } },
          body,
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess,
  })
}

export function useAddManualFlow(city: string) {
  const onSuccess = useInvalidateBalance(city)
  return useMutation({
    mutationFn: ({ body, key }: { body: ManualFlowInput; key: string }) =>
      unwrap(
        api.POST('/api/v1/cities/{city}/waste-balance/manual-flows', {
          params: { path: { city } },
          body,
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess,
  })
}

export function useRemoveManualFlow(city: string) {
  const onSuccess = useInvalidateBalance(city)
  return useMutation({
    mutationFn: (flowId: string) =>
      unwrap(
        api.DELETE('/api/v1/cities/{city}/waste-balance/manual-flows/{flowId}', {
          params: { path: { city, flowId } },
        }),
      ),
    onSuccess,
  })
}

export function usePublishYear(city: string) {
  return useMutation({
    mutationFn: ({ year, key }: { year: number; key: string }) =>
      unwrap(
        api.POST('/api/v1/cities/{city}/waste-balance/years/{year}/publish', {
          params: { path: { city, year } },
          headers: idempotencyHeaders(key),
        }),
      ),
  })
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export function manualFlowTemplateUrl(city: string): string {
  return `/api/v1/cities/${encodeURIComponent(city)}/waste-balance/manual-flows/template.xlsx`
}

/** A spreadsheet of hand-kept flows, all or nothing; a refusal lists every bad row. */
export function useImportManualFlows(city: string) {
  const invalidate = useInvalidateBalance(city)
  return useMutation({
    mutationFn: ({ file, key }: { file: File; key: string }) =>
      postFile<{ imported: number }>(
        `/api/v1/cities/${encodeURIComponent(city)}/waste-balance/manual-flows/import`,
        { file, key, contentType: XLSX_TYPE },
      ),
    onSuccess: invalidate,
  })
}
