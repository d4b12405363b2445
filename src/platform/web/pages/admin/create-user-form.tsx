import { Alert, Button, PasswordInput, Select, Stack, TextInput, Title } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../api/client.ts'
import { type RoleDefinition, useCreateUser } from '../../api/hooks.ts'
import { requiredMessage } from '../../api/problem.ts'
import { LANGUAGES } from '../../i18n/resources.ts'
import { currentLanguage } from '../../i18n/setup.ts'
import { useCityParam } from '../../layout/city-shell.tsx'
import { ErrorSummary, fieldError, fieldId } from '../../ui/error-summary.tsx'

const EMPTY = { displayName: '', username: '', password: '', role: '', locale: 'id' }

export function CreateUserForm({ roles }: { roles: RoleDefinition[] }) {
  const { t, i18n } = useTranslation()
  const create = useCreateUser(useCityParam())
  const [values, setValues] = useState(EMPTY)
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const [createdName, setCreatedName] = useState<string | null>(null)
  // Kept across retries of the same filled-in form, renewed after a success.
  const key = useRef(newIdempotencyKey())
  const labels = {
    displayName: t('users.displayName'),
    username: t('users.username'),
    password: t('users.password'),
    role: t('users.role'),
    locale: t('users.locale'),
  }
  const set = (name: keyof typeof EMPTY) => (value: string) => setValues({ ...values, [name]: value })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, string> = {}
    for (const name of ['displayName', 'username', 'password', 'role'] as const) {
      if (!values[name].trim()) found[name] = requiredMessage(i18n)
    }
    setClientErrors(found)
    setCreatedName(null)
    if (Object.keys(found).length > 0) return
    create.mutate(
      {
        body: { ...values, username: values.username.trim(), locale: values.locale === 'en' ? 'en' : 'id' },
        key: key.current,
      },
      {
        onSuccess: (member) => {
          setCreatedName(member.displayName)
          setValues(EMPTY)
          key.current = newIdempotencyKey()
        },
      },
    )
  }

  const error = (name: string) => fieldError(create.error, name, clientErrors)
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={2} size="h3">
          {t('users.createTitle')}
        </Title>
        <ErrorSummary form="user" error={create.error} clientErrors={clientErrors} labels={labels} />
        {createdName && (
          <Alert color="teal" role="status">
            {t('users.created', { name: createdName })}
          </Alert>
        )}
        <TextInput
          id={fieldId('user', 'displayName')}
          label={labels.displayName}
          required
          value={values.displayName}
          onChange={(event) => set('displayName')(event.currentTarget.value)}
          error={error('displayName')}
        />
        <TextInput
          id={fieldId('user', 'username')}
          label={labels.username}
          description={t('users.usernameHint')}
          autoCapitalize="none"
          autoComplete="off"
          required
          value={values.username}
          onChange={(event) => set('username')(event.currentTarget.value)}
          error={error('username')}
        />
        <PasswordInput
          id={fieldId('user', 'password')}
          label={labels.password}
          description={t('users.passwordHint')}
          autoComplete="new-password"
          required
          value={values.password}
          onChange={(event) => set('password')(event.currentTarget.value)}
          error={error('password')}
        />
        <Select
          id={fieldId('user', 'role')}
          label={labels.role}
          required
          data={roles.map((role) => ({ value: role.code, label: role.name[currentLanguage()] }))}
          value={values.role || null}
          onChange={(value) => set('role')(value ?? '')}
          error={error('role')}
        />
        <Select
          id={fieldId('user', 'locale')}
          label={labels.locale}
          data={LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
          value={values.locale}
          allowDeselect={false}
          onChange={(value) => set('locale')(value ?? 'id')}
          error={error('locale')}
        />
        <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('users.create')}
        </Button>
      </Stack>
    </form>
  )
}
