import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, idempotencyHeaders, unwrap } from '../../../platform/web/api/client.ts'
import type { paths } from '../../../platform/web/api/schema'
import type { BankTarget } from './bank-sampah.api.ts'

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never
const BANK = '/api/v1/cities/{city}/bank-sampah/banks/{bankId}' as const
type SalesPath = paths[`${typeof BANK}/sales`]
type ReportPath = paths[`${typeof BANK}/reports/{month}`]

export type OutgoingLines = Json<NonNullable<SalesPath['post']['requestBody']>>['lines']
export type Outgoing = Json<SalesPath['post']['responses'][201]>
export type MonthReport = Json<ReportPath['get']['responses'][200]>
export type MemberMatch = Json<
  paths[`${typeof BANK}/nasabah/by-member/{memberNumber}`]['get']['responses'][200]
>

function encoded(target: BankTarget): string {
  return `/api/v1/cities/${encodeURIComponent(target.city)}/bank-sampah/banks/${encodeURIComponent(target.bankId)}`
}

/** The member card as the server draws it (PNG), for a download or a card printer. */
export function cardPngUrl(target: BankTarget, nasabahId: string): string {
  return `${encoded(target)}/nasabah/${encodeURIComponent(nasabahId)}/card.png`
}

/** A month's report as a workbook (a plain link: the session cookie goes along). */
export function reportXlsxUrl(target: BankTarget, month: string): string {
  return `${encoded(target)}/reports/${encodeURIComponent(month)}/xlsx`
}

/** The nasabah on a card, looked up by the server (so a bank of thousands needs no list). */
export function findByMemberNumber(target: BankTarget, memberNumber: string): Promise<MemberMatch> {
  return unwrap(
    api.GET(`${BANK}/nasabah/by-member/{memberNumber}`, {
      params: { path: { city: target.city, bankId: target.bankId, memberNumber } },
    }),
  )
}

export function useSetPin(target: BankTarget, nasabahId: string) {
  return useMutation({
    mutationFn: (pin: string) =>
      unwrap(
        api.PUT(`${BANK}/nasabah/{nasabahId}/pin`, {
          params: { path: { ...target, nasabahId } },
          body: { pin },
        }),
      ),
  })
}

export function useReverseJournal(target: BankTarget, nasabahId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ journalId, reason, key }: { journalId: string; reason: string; key: string }) =>
      unwrap(
        api.POST(`${BANK}/journals/{journalId}/reversal`, {
          params: { path: { ...target, journalId } },
          body: { reason },
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({
        queryKey: ['bank-sampah', target.city, target.bankId, 'nasabah', nasabahId],
      }),
  })
}

/** Recyclables leaving the bank: sold to a pengepul, or handed on to the unit's induk. */
export function useRecordOutgoing(target: BankTarget) {
  return useMutation({
    mutationFn: ({
      kind,
      lines,
      buyerName,
      key,
    }: {
      kind: 'sale' | 'transfer'
      lines: OutgoingLines
      buyerName: string
      key: string
    }) =>
      kind === 'sale'
        ? unwrap(
            api.POST(`${BANK}/sales`, {
              params: { path: target },
              body: { buyerName, lines },
              headers: idempotencyHeaders(key),
            }),
          )
        : unwrap(
            api.POST(`${BANK}/transfers`, {
              params: { path: target },
              body: { lines },
              headers: idempotencyHeaders(key),
            }),
          ),
  })
}

export function useMonthReport(target: BankTarget, month: string) {
  return useQuery({
    queryKey: ['bank-sampah', target.city, target.bankId, 'report', month],
    queryFn: () => unwrap(api.GET(`${BANK}/reports/{month}`, { params: { path: { ...target, month } } })),
    placeholderData: keepPreviousData,
  })
}
