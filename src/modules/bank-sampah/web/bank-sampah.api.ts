import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, idempotencyHeaders, unwrap } from '../../../platform/web/api/client.ts'
import type { paths } from '../../../platform/web/api/schema'

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never
const BANK = '/api/v1/cities/{city}/bank-sampah/banks/{bankId}' as const
type NasabahListPath = paths[`${typeof BANK}/nasabah`]
type NasabahPath = paths[`${typeof BANK}/nasabah/{nasabahId}`]
type StatementPath = paths[`${typeof BANK}/nasabah/{nasabahId}/statement`]
type PricesPath = paths[`${typeof BANK}/prices`]
type PricePath = paths[`${typeof BANK}/prices/{subMaterial}/{effectiveFrom}`]
type DepositsPath = paths[`${typeof BANK}/deposits`]
type WithdrawalsPath = paths[`${typeof BANK}/withdrawals`]
type DepositPath = paths[`${typeof BANK}/deposits/{journalId}`]

export type Nasabah = Json<NasabahListPath['get']['responses'][200]>[number]
export type NasabahInput = Json<NonNullable<NasabahListPath['post']['requestBody']>>
export type NasabahWithBalance = Json<NasabahPath['get']['responses'][200]>
export type Statement = Json<StatementPath['get']['responses'][200]>
export type Price = Json<PricesPath['get']['responses'][200]>[number]
export type PricedSubMaterial = PricePath['put']['parameters']['path']['subMaterial']
export type DepositInput = Json<NonNullable<DepositsPath['post']['requestBody']>>
/** The POST's answer and the reprint's are one shape: the receipt. */
export type Deposit = Json<DepositsPath['post']['responses'][201]>
export type DepositReceipt = Json<DepositPath['get']['responses'][200]>
export type WithdrawalInput = Json<NonNullable<WithdrawalsPath['post']['requestBody']>>
export type Withdrawal = Json<WithdrawalsPath['post']['responses'][201]>

/** The server's hard page maximum: a bank's nasabah fit in a few pages, searched on the phone. */
export const NASABAH_PAGE_SIZE = 100

export interface BankTarget {
  city: string
  bankId: string
}

const keys = {
  bank: ({ city, bankId }: BankTarget) => ['bank-sampah', city, bankId] as const,
  nasabahList: (target: BankTarget, page: number) => [...keys.bank(target), 'nasabah', { page }] as const,
  nasabah: (target: BankTarget, nasabahId: string) => [...keys.bank(target), 'nasabah', nasabahId] as const,
  prices: (target: BankTarget) => [...keys.bank(target), 'prices'] as const,
  // Under the nasabah: a deposit, withdrawal or reversal of theirs refetches it (a reversal shows).
  receipt: (target: BankTarget, nasabahId: string, depositId: string) =>
    [...keys.nasabah(target, nasabahId), 'deposit', depositId] as const,
}

function bankPath({ city, bankId }: BankTarget) {
  return { city, bankId }
}

/** The city's banks (unit and induk), for Dinas LH staff who may act for any of them. */
export function useCityBanks(city: string, isEnabled: boolean) {
  const kinds = ['bank_sampah_unit', 'bank_sampah_induk'] as const
  return useQuery({
    queryKey: ['waste', 'facilities', city, { kinds, page: 1 }],
    enabled: isEnabled,
    queryFn: async () => {
      const pages = await Promise.all(
        kinds.map((kind) =>
          unwrap(
            api.GET('/api/v1/cities/{city}/waste/facilities', {
              params: { path: { city }, query: { kind, page: 1, pageSize: 100 } },
            }),
          ),
        ),
      )
      return pages.flatMap((page) => page.items)
    },
  })
}

export function useNasabahList(target: BankTarget, page = 1) {
  return useQuery({
    queryKey: keys.nasabahList(target, page),
    queryFn: () =>
      unwrap(
        api.GET(`${BANK}/nasabah`, {
          params: { path: bankPath(target), query: { page, pageSize: NASABAH_PAGE_SIZE } },
        }),
      ),
  })
}

export function useNasabah(target: BankTarget, nasabahId: string) {
  return useQuery({
    queryKey: keys.nasabah(target, nasabahId),
    queryFn: () =>
      unwrap(
        api.GET(`${BANK}/nasabah/{nasabahId}`, { params: { path: { ...bankPath(target), nasabahId } } }),
      ),
  })
}

export function useStatement(target: BankTarget, nasabahId: string) {
  return useQuery({
    queryKey: [...keys.nasabah(target, nasabahId), 'statement'],
    queryFn: () =>
      unwrap(
        api.GET(`${BANK}/nasabah/{nasabahId}/statement`, {
          params: { path: { ...bankPath(target), nasabahId } },
        }),
      ),
  })
}

/** A deposit's receipt, read back: a reload, or a reprint from the passbook on another day. */
export function useDepositReceipt(target: BankTarget, nasabahId: string, depositId: string) {
  return useQuery({
    queryKey: keys.receipt(target, nasabahId, depositId),
    queryFn: () =>
      unwrap(
        api.GET(`${BANK}/deposits/{journalId}`, {
          params: { path: { ...bankPath(target), journalId: depositId } },
        }),
      ),
    staleTime: 60_000,
  })
}

export function usePrices(target: BankTarget) {
  return useQuery({
    queryKey: keys.prices(target),
    queryFn: () => unwrap(api.GET(`${BANK}/prices`, { params: { path: bankPath(target) } })),
    staleTime: 5 * 60_000,
  })
}

export function useCreateNasabah(target: BankTarget) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ body, key }: { body: NasabahInput; key: string }) =>
      unwrap(
        api.POST(`${BANK}/nasabah`, {
          params: { path: bankPath(target) },
          body,
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...keys.bank(target), 'nasabah'] }),
  })
}

export function useSetPrice(target: BankTarget) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: {
      subMaterial: PricedSubMaterial
      effectiveFrom: string
      pricePerKgRupiah: number
    }) =>
      unwrap(
        api.PUT(`${BANK}/prices/{subMaterial}/{effectiveFrom}`, {
          params: {
            path: { ...bankPath(target), subMaterial: input.subMaterial, effectiveFrom: input.effectiveFrom },
          },
          body: { pricePerKgRupiah: input.pricePerKgRupiah },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.prices(target) }),
  })
}

/** Both money writes change the nasabah's balance and statement: refetch them. */
function useInvalidateNasabah(target: BankTarget) {
  const queryClient = useQueryClient()
  return (nasabahId: string) => queryClient.invalidateQueries({ queryKey: keys.nasabah(target, nasabahId) })
}

export function useRecordDeposit(target: BankTarget) {
  const invalidate = useInvalidateNasabah(target)
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ body, key }: { body: DepositInput; key: string }) =>
      unwrap(
        api.POST(`${BANK}/deposits`, {
          params: { path: bankPath(target) },
          body,
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess: (deposit, { body }) => {
      void invalidate(body.nasabahId)
      // The answer is the receipt: the receipt page shows it without asking again.
      queryClient.setQueryData(keys.receipt(target, body.nasabahId, deposit.id), deposit)
    },
  })
}

export function useRecordWithdrawal(target: BankTarget) {
  const invalidate = useInvalidateNasabah(target)
  return useMutation({
    mutationFn: ({ body, key }: { body: WithdrawalInput; key: string }) =>
      unwrap(
        api.POST(`${BANK}/withdrawals`, {
          params: { path: bankPath(target) },
          body,
          headers: idempotencyHeaders(key),
        }),
      ),
    onSuccess: (_withdrawal, { body }) => invalidate(body.nasabahId),
  })
}
