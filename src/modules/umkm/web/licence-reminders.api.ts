import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, idempotencyHeaders, unwrap } from '../../../platform/web/api/client.ts'
import type { paths } from '../../../platform/web/api/schema'

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never
type RemindersPath =
  paths['/api/v1/cities/{city}/umkm/businesses/{businessId}/licences/{licenceId}/reminders']

export type ReminderInput = Json<NonNullable<RemindersPath['post']['requestBody']>>
export type ReminderChannel = ReminderInput['channel']

/** Records that the owner was reminded; the expiry list then shows who did it, how and when. */
export function useRecordReminder(city: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (options: { businessId: string; licenceId: string; body: ReminderInput; key: string }) =>
      unwrap(
        api.POST('/api/v1/cities/{city}/umkm/businesses/{businessId}/licences/{licenceId}/reminders', {
          params: { path: { city, businessId: options.businessId, licenceId: options.licenceId } },
          body: options.body,
          headers: idempotencyHeaders(options.key),
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['umkm', 'expiring', city] }),
  })
}
