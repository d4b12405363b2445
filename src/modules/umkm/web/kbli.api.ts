import { useQuery } from '@tanstack/react-query'
import { api, unwrap } from '../../../platform/web/api/client.ts'

/** A 5-digit code's kelompok title and whether it could be saved; reference data, kept an hour. */
export function useKbliLookup(city: string, code: string | null) {
  return useQuery({
    queryKey: ['umkm', 'kbli', city, code],
    enabled: code !== null,
    staleTime: 3_600_000,
    queryFn: () =>
      unwrap(api.GET('/api/v1/cities/{city}/umkm/kbli/{code}', { params: { path: { city, code: code! } } })),
  })
}
