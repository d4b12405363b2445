import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { ApiError } from './problem.ts'

type SessionLostHandler = () => void
let onSessionLost: SessionLostHandler = () => {}

/** The router registers how to send someone to the login page (and back) when the session ends. */
export function setSessionLostHandler(handler: SessionLostHandler): void {
  onSessionLost = handler
}

function handleError(error: unknown): void {
  if (error instanceof ApiError && error.isSessionLost) onSessionLost()
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (query.queryKey[0] !== 'me') handleError(error)
    },
  }),
  mutationCache: new MutationCache({ onError: handleError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A refusal will not change by asking again; a dropped connection or a 5xx may.
      retry: (count, error) =>
        count < 2 && (!(error instanceof ApiError) || error.isNetwork || error.status >= 500),
      refetchOnWindowFocus: false,
    },
  },
})
