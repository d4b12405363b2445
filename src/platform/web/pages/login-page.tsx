import { Alert, Button, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { useLogin } from '../api/hooks.ts'
import { requiredMessage } from '../api/problem.ts'
import { applyLanguage } from '../i18n/setup.ts'
import { homePathOf } from '../layout/city-switcher.tsx'
import { ErrorSummary, fieldError, fieldId } from '../ui/error-summary.tsx'

/** Only paths inside this app: `next` must never send someone to another site. */
function safeNext(next: string | null): string | null {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : null
}

export default function LoginPage() {
  const { t, i18n } = useTranslation()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const login = useLogin()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [missing, setMissing] = useState<Record<string, string>>({})
  const labels = { username: t('login.username'), password: t('login.password') }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, string> = {}
    if (!username.trim()) found.username = requiredMessage(i18n)
    if (!password) found.password = requiredMessage(i18n)
    setMissing(found)
    if (Object.keys(found).length > 0) return
    login.mutate(
      { username: username.trim(), password },
      {
        onSuccess: (me) => {
          void applyLanguage(me.user.locale)
          void navigate(safeNext(params.get('next')) ?? homePathOf(me), { replace: true })
        },
      },
    )
  }

  return (
    <Paper maw={420} mx="auto" p={{ base: 'md', sm: 'xl' }} withBorder>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('login.title')}
          </Title>
          {params.get('expired') && !login.error && (
            <Alert color="blue" role="status">
              {t('login.sessionEnded')}
            </Alert>
          )}
          <ErrorSummary form="login" error={login.error} clientErrors={missing} labels={labels} />
          <TextInput
            id={fieldId('login', 'username')}
            label={labels.username}
            autoComplete="username"
            autoCapitalize="none"
            required
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            error={fieldError(login.error, 'username', missing)}
          />
          <PasswordInput
            id={fieldId('login', 'password')}
            label={labels.password}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fieldError(login.error, 'password', missing)}
          />
          <Button type="submit" loading={login.isPending} fullWidth>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  )
}
