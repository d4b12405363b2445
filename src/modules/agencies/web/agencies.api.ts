import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, idempotencyHeaders, unwrap } from '../../../platform/web/api/client.ts'
import type { paths } from '../../../platform/web/api/schema'

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never
export type Agency = Json<paths['/api/v1/cities/{city}/agencies']['get']['responses'][200]>[number]
export type AgencyInput = Json<NonNullable<paths['/api/v1/cities/{city}/agencies']['post']['requestBody']>>
export type AgencyChanges = Json<
  NonNullable<paths['/api/v1/cities/{city}/agencies/{agencyId}']['patch']['requestBody']>
>

export function useAgencies(city: string, includeInactive: boolean) {
  return useQuery({
    queryKey: ['agencies', city, includeInactive],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/agencies', { params: { path: { city }, query: { includeInactive } } }),
      ),
  })
}

export function useCreateAgency(city: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ body, key }: { body: AgencyInput; key: string }) =>
      unwrap(
        api.POST('/api/v1/cities/{city}/agencies', {
          params: { path: { city } },
          body,
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['agencies', city] }),
  })
}

export function useUpdateAgency(city: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ agencyId, changes }: { agencyId: string; changes: AgencyChanges }) =>
      unwrap(
        api.PATCH('/api/v1/cities/{city}/agencies/{agencyId}', {
          params: { path: { city, agencyId } },
          body: changes,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['agencies', city] }),
  })
}
