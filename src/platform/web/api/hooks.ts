import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, idempotencyHeaders, setCsrfToken, unwrap } from './client.ts'
import { ApiError } from './problem.ts'
import type { paths } from './schema'

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never
export type Me = Json<paths['/api/v1/auth/me']['get']['responses'][200]>
export type City = Json<paths['/api/v1/cities']['get']['responses'][200]>['items'][number]
export type CityMember = Json<paths['/api/v1/cities/{city}/users']['get']['responses'][200]>[number]
export type RoleDefinition = Json<paths['/api/v1/cities/{city}/roles']['get']['responses'][200]>[number]
export type AuditFilters = Omit<
  NonNullable<paths['/api/v1/cities/{city}/audit']['get']['parameters']['query']>,
  'cursor' | 'limit'
>
export type CreateUserBody = NonNullable<
  paths['/api/v1/cities/{city}/users']['post']['requestBody']
>['content']['application/json']

export const meKey = ['me'] as const

/** The signed-in person, or null for a visitor. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await unwrap(api.GET('/api/v1/auth/me'))
    setCsrfToken(me.csrfToken)
    return me
  } catch (error) {
    if (error instanceof ApiError && error.isSessionLost) return null
    throw error
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000 })
}

export function useActiveCities() {
  return useQuery({
    queryKey: ['cities', 'active'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/cities', { params: { query: { active: true, page: 1, pageSize: 100 } } })),
  })
}

export function useWorkspace(city: string) {
  return useQuery({
    queryKey: ['workspace', city],
    queryFn: () => unwrap(api.GET('/api/v1/cities/{city}/workspace', { params: { path: { city } } })),
  })
}

export function useCityRegions(city: string) {
  return useQuery({
    queryKey: ['regions', city],
    queryFn: () => unwrap(api.GET('/api/v1/cities/{code}', { params: { path: { code: city } } })),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function useCityUsers(city: string) {
  return useQuery({
    queryKey: ['users', city],
    queryFn: () => unwrap(api.GET('/api/v1/cities/{city}/users', { params: { path: { city } } })),
  })
}

export function useRoles(city: string) {
  return useQuery({
    queryKey: ['roles', city],
    queryFn: () => unwrap(api.GET('/api/v1/cities/{city}/roles', { params: { path: { city } } })),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/** What a role may be narrowed to (agencies, facilities); only asked for when a role allows it. */
export function useScopeOptions(city: string, kind: string | null) {
  return useQuery({
    queryKey: ['scopes', city, kind],
    enabled: kind !== null,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/roles/scopes/{kind}', {
          params: { path: { city, kind: kind ?? '' } },
        }),
      ),
    staleTime: 60_000,
  })
}

export function useAuditLog(city: string, filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', city, filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/cities/{city}/audit', {
          params: { path: { city }, query: { ...filters, cursor: pageParam, limit: 50 } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  })
}

export function useLogin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      unwrap(api.POST('/api/v1/auth/login', { body })),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken)
      // Whatever the previous person could see must not leak into this session.
      queryClient.clear()
      queryClient.setQueryData(meKey, me)
    },
  })
}

export function useLogout() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/logout')),
    onSettled: () => {
      setCsrfToken(null)
      queryClient.clear()
      queryClient.setQueryData(meKey, null)
    },
  })
}

export function useSaveLanguage() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (locale: 'id' | 'en') => unwrap(api.PATCH('/api/v1/auth/me', { body: { locale } })),
    onSuccess: (me) => queryClient.setQueryData(meKey, me),
  })
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      unwrap(api.POST('/api/v1/auth/password', { body })),
  })
}

export function useCreateUser(city: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ body, key }: { body: CreateUserBody; key: string }) =>
      unwrap(
        api.POST('/api/v1/cities/{city}/users', {
          params: { path: { city } },
          body,
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users', city] }),
  })
}

export function useGrantRole(city: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({
      userId,
      role,
      scope,
      key,
    }: {
      userId: string
      role: string
      scope: { kind: string; id: string } | null
      key: string
    }) =>
      unwrap(
        api.POST('/api/v1/cities/{city}/users/{userId}/roles', {
          params: { path: { city, userId } },
          body: scope ? { role, scopeKind: scope.kind, scopeId: scope.id } : { role },
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users', city] }),
  })
}

export function useRevokeRole(city: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ userId, grantId }: { userId: string; grantId: string }) =>
      unwrap(
        api.DELETE('/api/v1/cities/{city}/users/{userId}/roles/{grantId}', {
          params: { path: { city, userId, grantId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users', city] }),
  })
}
