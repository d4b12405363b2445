import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, idempotencyHeaders, unwrap } from '../../../platform/web/api/client.ts'
import type { paths } from '../../../platform/web/api/schema'

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never
type ListPath = paths['/api/v1/cities/{city}/umkm/programmes']
type OnePath = paths['/api/v1/cities/{city}/umkm/programmes/{programmeId}']
type SessionsPath = paths['/api/v1/cities/{city}/umkm/programmes/{programmeId}/sessions']
type WithdrawalPath =
  paths['/api/v1/cities/{city}/umkm/programmes/{programmeId}/participants/{enrolmentId}/withdrawal']
type OutcomePath =
  paths['/api/v1/cities/{city}/umkm/programmes/{programmeId}/participants/{enrolmentId}/outcomes/{stage}']

export type Programme = Json<ListPath['get']['responses'][200]>[number]
export type ProgrammeInput = Json<NonNullable<ListPath['post']['requestBody']>>
export type ProgrammeChanges = Json<NonNullable<OnePath['patch']['requestBody']>>
export type ProgrammeDetail = Json<OnePath['get']['responses'][200]>
export type Participant = ProgrammeDetail['participants'][number]
export type SessionInput = Json<NonNullable<SessionsPath['post']['requestBody']>>
export type WithdrawalInput = Json<NonNullable<WithdrawalPath['post']['requestBody']>>
export type OutcomeInput = Json<NonNullable<OutcomePath['put']['requestBody']>>
export type OutcomeStage = OutcomePath['put']['parameters']['path']['stage']

export function useProgrammes(city: string) {
  return useQuery({
    queryKey: ['umkm', 'programmes', city],
    queryFn: () => unwrap(api.GET('/api/v1/cities/{city}/umkm/programmes', { params: { path: { city } } })),
  })
}

export function useProgramme(city: string, programmeId: string) {
  return useQuery({
    queryKey: ['umkm', 'programme', city, programmeId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/umkm/programmes/{programmeId}', {
          params: { path: { city, programmeId } },
        }),
      ),
  })
}

/** After any change to a programme, its page and the list (enrolled / full) are read again. */
function useInvalidateProgramme(city: string, programmeId?: string) {
  const queryClient = useQueryClient()
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['umkm', 'programmes', city] })
    if (programmeId)
      void queryClient.invalidateQueries({ queryKey: ['umkm', 'programme', city, programmeId] })
  }
}

export function useCreateProgramme(city: string) {
  const onSuccess = useInvalidateProgramme(city)
  return useMutation({
    mutationFn: ({ body, key }: { body: ProgrammeInput; key: string }) =>
      unwrap(
        api.POST('/api/v1/cities/{city}/umkm/programmes', {
          params: { path: { city } },
          body,
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess,
  })
}

export function useUpdateProgramme(city: string, programmeId: string) {
  const onSuccess = useInvalidateProgramme(city, programmeId)
  return useMutation({
    mutationFn: (changes: ProgrammeChanges) =>
      unwrap(
        api.PATCH('/api/v1/cities/{city}/umkm/programmes/{programmeId}', {
          params: { path: { city, programmeId } },
          body: changes,
        }),
      ),
    onSuccess,
  })
}

export function useEnrol(city: string, programmeId: string) {
  const onSuccess = useInvalidateProgramme(city, programmeId)
  return useMutation({
    mutationFn: ({ businessId, key }: { businessId: string; key: string }) =>
      unwrap(
        api.POST('/api/v1/cities/{city}/umkm/programmes/{programmeId}/enrolments', {
          params: { path: { city, programmeId } },
          body: { businessId },
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess,
  })
}

export function useAddSession(city: string, programmeId: string) {
  const onSuccess = useInvalidateProgramme(city, programmeId)
  return useMutation({
    mutationFn: ({ body, key }: { body: SessionInput; key: string }) =>
      unwrap(
        api.POST('/api/v1/cities/{city}/umkm/programmes/{programmeId}/sessions', {
          params: { path: { city, programmeId } },
          body,
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess,
  })
}

export function useWithdraw(city: string, programmeId: string) {
  const onSuccess = useInvalidateProgramme(city, programmeId)
  return useMutation({
    mutationFn: ({ enrolmentId, body, key }: { enrolmentId: string; body: WithdrawalInput; key: string }) =>
      unwrap(
        api.POST(
          '/api/v1/cities/{city}/umkm/programmes/{programmeId}/participants/{enrolmentId}/withdrawal',
          {
            params: { path: { city, programmeId, enrolmentId } },
            body,
            headers: idempotencyHeaders(key),
          },
        ),
      ),
    onSuccess,
  })
}

export function useRecordOutcome(city: string, programmeId: string) {
  const onSuccess = useInvalidateProgramme(city, programmeId)
  return useMutation({
    mutationFn: ({
      enrolmentId,
      stage,
      body,
      key,
    }: {
      enrolmentId: string
      stage: OutcomeStage
      body: OutcomeInput
      key: string
    }) =>
      unwrap(
        api.PUT(
          '/api/v1/cities/{city}/umkm/programmes/{programmeId}/participants/{enrolmentId}/outcomes/{stage}',
          {
            params: { path: { city, programmeId, enrolmentId, stage } },
            body,
            headers: idempotencyHeaders(key),
          },
        ),
      ),
    onSuccess,
  })
}
