import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, idempotencyHeaders, unwrap } from '../../../../platform/web/api/client.ts'
import { ApiError, toApiError } from '../../../../platform/web/api/problem.ts'
import type { paths } from '../../../../platform/web/api/schema'

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never
type FlowsPath = paths['/api/v1/cities/{city}/waste/flows']
type FeesPath = paths['/api/v1/cities/{city}/waste/facilities/{facilityId}/fees/{period}']
type ExpensesPath = paths['/api/v1/cities/{city}/waste/facilities/{facilityId}/expenses']
type HouseholdsPath = paths['/api/v1/cities/{city}/waste/facilities/{facilityId}/households']

export type FlowInput = Json<NonNullable<FlowsPath['post']['requestBody']>>
export type Flow = Json<FlowsPath['get']['responses'][200]>['items'][number]
export type FacilityDay = Json<
  paths['/api/v1/cities/{city}/waste/facilities/{facilityId}/days/{date}']['get']['responses'][200]
>
export type MonthFees = Json<FeesPath['get']['responses'][200]>
export type Household = Json<HouseholdsPath['get']['responses'][200]>[number]
export type HouseholdInput = Json<NonNullable<HouseholdsPath['post']['requestBody']>>
export type Expense = Json<ExpensesPath['get']['responses'][200]>['items'][number]
export type ExpenseInput = Json<NonNullable<ExpensesPath['post']['requestBody']>>
export type Material = FlowInput['material']

/** The figures of a refusal because the stock would go below zero (422 `flow.mass_balance`). */
export interface MassBalanceConflict {
  material: Material
  date: string
  stockGrams: number
  requestedGrams: number
  shortfallGrams: number
}

/** An ApiError that also carries the conflicting figures the server sends with a mass-balance refusal. */
export class MassBalanceError extends ApiError {
  readonly conflict: MassBalanceConflict

  constructor(base: ApiError, conflict: MassBalanceConflict) {
    super({ status: base.status, code: base.code, detail: base.detail, errors: base.fieldProblems })
    this.conflict = conflict
  }
}

function flowError(status: number, body: unknown): ApiError {
  const base = toApiError(status, body)
  const conflict = (body as { conflict?: MassBalanceConflict } | undefined)?.conflict
  return base.code === 'flow.mass_balance' && conflict ? new MassBalanceError(base, conflict) : base
}

const keys = {
  all: (city: string, facilityId: string) => ['waste', 'operator', city, facilityId] as const,
}

export function useTpaFacilities(city: string) {
  return useQuery({
    queryKey: ['waste', 'facilities', city, { kind: 'tpa', page: 1 }],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/waste/facilities', {
          params: { path: { city }, query: { kind: 'tpa', page: 1, pageSize: 100 } },
        }),
      ),
    staleTime: 10 * 60_000,
  })
}

/** For Dinas LH staff, who may record for any site: the city's facilities that keep a daily log. */
export function useRecordingFacilities(city: string, isEnabled: boolean) {
  return useQuery({
    queryKey: ['waste', 'facilities', city, { kind: 'tps3r', page: 1, status: 'active' }],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/waste/facilities', {
          params: { path: { city }, query: { kind: 'tps3r', status: 'active', page: 1, pageSize: 100 } },
        }),
      ),
    enabled: isEnabled,
  })
}

export function useRecordFlow(city: string, facilityId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ body, key }: { body: FlowInput; key: string }) => {
      const call = api.POST('/api/v1/cities/{city}/waste/flows', {
        params: { path: { city } },
        body,
        headers: idempotencyHeaders(key),
      })
      const outcome = await call.catch(() => {
        throw new ApiError({ status: 0, code: 'network' })
      })
      if (!outcome.response.ok || !outcome.data) throw flowError(outcome.response.status, outcome.error)
      return outcome.data
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all(city, facilityId) }),
  })
}

export function useFacilityDay(city: string, facilityId: string, date: string) {
  return useQuery({
    queryKey: [...keys.all(city, facilityId), 'day', date],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/waste/facilities/{facilityId}/days/{date}', {
          params: { path: { city, facilityId, date } },
        }),
      ),
  })
}

/** Every entry of one day at the facility, reversals included (a day rarely holds more than 100). */
export function useFlowsOfDay(city: string, facilityId: string, date: string) {
  return useQuery({
    queryKey: [...keys.all(city, facilityId), 'flows', date],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/waste/flows', {
          params: {
            path: { city },
            query: { facility: facilityId, from: date, to: date, page: 1, pageSize: 100 },
          },
        }),
      ),
  })
}

export function useReverseFlow(city: string, facilityId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ flowId, key }: { flowId: string; key: string }) =>
      unwrap(
        api.POST('/api/v1/cities/{city}/waste/flows/{flowId}/reversal', {
          params: { path: { city, flowId } },
          body: {},
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all(city, facilityId) }),
  })
}

export function useMonthFees(city: string, facilityId: string, period: string) {
  return useQuery({
    queryKey: [...keys.all(city, facilityId), 'fees', period],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/waste/facilities/{facilityId}/fees/{period}', {
          params: { path: { city, facilityId, period } },
        }),
      ),
  })
}

export function useAddHousehold(city: string, facilityId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ body, key }: { body: HouseholdInput; key: string }) =>
      unwrap(
        api.POST('/api/v1/cities/{city}/waste/facilities/{facilityId}/households', {
          params: { path: { city, facilityId } },
          body,
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all(city, facilityId) }),
  })
}

export function useSetFeePaid(city: string, facilityId: string, period: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ householdId, paid, paidOn }: { householdId: string; paid: boolean; paidOn?: string }) =>
      unwrap(
        api.PUT(
          '/api/v1/cities/{city}/waste/facilities/{facilityId}/fees/{period}/households/{householdId}',
          {
            params: { path: { city, facilityId, period, householdId } },
            body: { paid, ...(paid && paidOn ? { paidOn } : {}) },
          },
        ),
      ),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: [...keys.all(city, facilityId), 'fees', period] }),
  })
}

export function useExpenses(city: string, facilityId: string, range: { from: string; to: string }) {
  return useQuery({
    queryKey: [...keys.all(city, facilityId), 'expenses', range],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/waste/facilities/{facilityId}/expenses', {
          params: { path: { city, facilityId }, query: range },
        }),
      ),
  })
}

export function useAddExpense(city: string, facilityId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ body, key }: { body: ExpenseInput; key: string }) =>
      unwrap(
        api.POST('/api/v1/cities/{city}/waste/facilities/{facilityId}/expenses', {
          params: { path: { city, facilityId } },
          body,
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...keys.all(city, facilityId), 'expenses'] }),
  })
}
