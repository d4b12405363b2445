import { Button, Container, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { api, unwrap } from '../../../platform/web/api/client.ts'
import { ApiError } from '../../../platform/web/api/problem.ts'
import { ErrorSummary, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { PageLoader } from '../../../platform/web/ui/query-state.tsx'
import { StatementTable } from './statement-table.tsx'
import { normaliseMemberNumber } from './teller-logic.ts'
import { BalanceFigure, TOUCH } from './teller-ui.tsx'

const FORM = 'nasabah-login'
const meKey = ['nasabah-access', 'me'] as const

/** The signed-in nasabah's passbook, or null when nobody is signed in on this phone. */
function useNasabahMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async () => {
      try {
        return await unwrap(api.GET('/api/v1/nasabah-access/me'))
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null
        throw error
      }
    },
  })
}

function LoginForm({ city }: { city: string }) {
  const { t } = useTranslation('bank-sampah')
  const queryClient = useQueryClient()
  const login = useMutation({
    mutationFn: (body: { city: string; memberNumber: string; pin: string }) =>
      unwrap(api.POST('/api/v1/nasabah-access/login', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  })
  const [number, setNumber] = useState('')
  const [pin, setPin] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    login.mutate({ city, memberNumber: normaliseMemberNumber(number), pin })
  }
  const labels = { memberNumber: t('self.number'), pin: t('self.pin') }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <ErrorSummary form={FORM} error={login.error} labels={labels} />
        <TextInput
          id={fieldId(FORM, 'memberNumber')}
          label={labels.memberNumber}
          description={t('self.numberHint')}
          size="lg"
          maw={320}
          autoComplete="username"
          value={number}
          onChange={(event) => setNumber(event.currentTarget.value)}
        />
        <PasswordInput
          id={fieldId(FORM, 'pin')}
          label={labels.pin}
          inputMode="numeric"
          autoComplete="current-password"
          maxLength={12}
          size="lg"
          maw={320}
          value={pin}
          onChange={(event) => setPin(event.currentTarget.value)}
        />
        <Button type="submit" size="lg" maw={360} loading={login.isPending} style={TOUCH}>
          {t('self.signIn')}
        </Button>
      </Stack>
    </form>
  )
}

function Passbook({ me }: { me: NonNullable<ReturnType<typeof useNasabahMe>['data']> }) {
  const { t } = useTranslation('bank-sampah')
  const queryClient = useQueryClient()
  const logout = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/nasabah-access/logout')),
    onSettled: () => queryClient.setQueryData(meKey, null),
  })
  return (
    <Stack gap="md">
      <Text fw={700}>
        {me.nasabah.name} · {me.nasabah.memberNumber}
      </Text>
      <BalanceFigure rupiah={me.balanceRupiah} />
      <Title order={2} size="h3">
        {t('self.history')}
      </Title>
      <StatementTable entries={[...me.entries].reverse()} caption={t('self.history')} />
      <Button variant="default" size="lg" maw={360} style={TOUCH} onClick={() => logout.mutate()}>
        {t('self.signOut')}
      </Button>
    </Stack>
  )
}

/**
 * /nasabah/:city (public): a nasabah signs in with the number on their card and the PIN the teller
 * helped them set, and sees their own balance and passbook; nothing else.
 */
export default function NasabahSelfPage() {
  const { t } = useTranslation('bank-sampah')
  const city = useParams().city ?? ''
  const me = useNasabahMe()
  return (
    <Container size="xs" py="xl">
      <Stack gap="md">
        <Title order={1}>{t('self.title')}</Title>
        {me.isPending ? <PageLoader /> : me.data ? <Passbook me={me.data} /> : <LoginForm city={city} />}
      </Stack>
    </Container>
  )
}
