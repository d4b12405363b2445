import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { useMe } from '../api/hooks.ts'
import { ErrorWithRetry, PageLoader } from '../ui/query-state.tsx'

export function loginPathFor(location: { pathname: string; search: string }, expired = false): string {
  const next = encodeURIComponent(`${location.pathname}${location.search}`)
  return `/login?next=${next}${expired ? '&expired=1' : ''}`
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe()
  const location = useLocation()
  if (me.isPending) return <PageLoader />
  if (me.isError) return <ErrorWithRetry error={me.error} onRetry={() => void me.refetch()} />
  if (!me.data) return <Navigate to={loginPathFor(location)} replace />
  return <>{children}</>
}
