import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, idempotencyHeaders, unwrap } from '../../api/client.ts'
import type { paths } from '../../api/schema'

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never
export type IndicatorOverview = Json<
  paths['/api/v1/cities/{city}/indicators/values']['get']['responses'][200]
>
export type IndicatorWithValues = IndicatorOverview['indicators'][number]
export type IndicatorValue = IndicatorWithValues['values'][number]
export type Indicator = IndicatorWithValues['indicator']

const overviewKey = (city: string) => ['indicators', city] as const

/** Every indicator of the city with its values of one year (city and kecamatan rows). */
export function useIndicatorOverview(city: string, year: number) {
  return useQuery({
    queryKey: [...overviewKey(city), year],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/indicators/values', {
          params: { path: { city }, query: { year } },
        }),
      ),
  })
}

/** A value typed in by hand with its source; the overview is read again afterwards. */
export function useRecordManualValue(city: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { code: string; period: string; value: number; sourceNote: string; key: string }) =>
      unwrap(
        api.PUT('/api/v1/cities/{city}/indicators/{code}/values/{period}', {
          params: { path: { city, code: input.code, period: input.period } },
          body: { value: input.value, sourceNote: input.sourceNote },
          headers: idempotencyHeaders(input.key),
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: overviewKey(city) }),
  })
}
