import { Alert, Button, Paper, PasswordInput, Radio, Stack, Text, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useChangePassword, useMe, useSaveLanguage } from '../api/hooks.ts'
import { problemMessage, requiredMessage } from '../api/problem.ts'
import { isLanguage, LANGUAGES } from '../i18n/resources.ts'
import { applyLanguage } from '../i18n/setup.ts'
import { ErrorSummary, fieldError, fieldId } from '../ui/error-summary.tsx'

function LanguageForm() {
  const { t, i18n } = useTranslation()
  const save = useSaveLanguage()
  return (
    <Paper withBorder p="md">
      <Radio.Group
        label={
          <Title order={2} size="h4">
            {t('profile.languageTitle')}
          </Title>
        }
        value={i18n.language}
        onChange={(value) => {
          if (!isLanguage(value)) return
          void applyLanguage(value)
          save.mutate(value)
        }}
      >
        <Stack gap="xs" mt="xs">
          {LANGUAGES.map((language) => (
            <Radio key={language} value={language} label={t(`language.${language}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <div aria-live="polite">
        {save.isSuccess && (
          <Text size="sm" c="teal.9" mt="xs">
            {t('profile.languageSaved')}
          </Text>
        )}
        {save.isError && (
          <Text size="sm" c="red.9" mt="xs">
            {problemMessage(i18n, save.error)}
          </Text>
        )}
      </div>
    </Paper>
  )
}

function PasswordForm() {
  const { t, i18n } = useTranslation()
  const change = useChangePassword()
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', confirmPassword: '' })
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const labels = {
    currentPassword: t('profile.currentPassword'),
    newPassword: t('profile.newPassword'),
    confirmPassword: t('profile.confirmPassword'),
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, string> = {}
    for (const name of ['currentPassword', 'newPassword', 'confirmPassword'] as const) {
      if (!values[name]) found[name] = requiredMessage(i18n)
    }
    if (!found.confirmPassword && values.confirmPassword !== values.newPassword) {
      found.confirmPassword = t('profile.passwordMismatch')
    }
    setClientErrors(found)
    if (Object.keys(found).length > 0) return
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      { onSuccess: () => setValues({ currentPassword: '', newPassword: '', confirmPassword: '' }) },
    )
  }

  const input = (name: keyof typeof values, autoComplete: string, description?: string) => (
    <PasswordInput
      id={fieldId('password', name)}
      label={labels[name]}
      description={description}
      autoComplete={autoComplete}
      required
      value={values[name]}
      onChange={(event) => setValues({ ...values, [name]: event.currentTarget.value })}
      error={fieldError(change.error, name, clientErrors)}
    />
  )

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4">
            {t('profile.passwordTitle')}
          </Title>
          <ErrorSummary form="password" error={change.error} clientErrors={clientErrors} labels={labels} />
          {change.isSuccess && (
            <Alert color="teal" role="status">
              {t('profile.passwordChanged')}
            </Alert>
          )}
          {input('currentPassword', 'current-password')}
          {input('newPassword', 'new-password', t('profile.newPasswordHint'))}
          {input('confirmPassword', 'new-password')}
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('profile.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  )
}

export default function ProfilePage() {
  const { t } = useTranslation()
  const me = useMe()
  return (
    <Stack maw={560}>
      <Title order={1}>{t('profile.title')}</Title>
      {me.data && (
        <Text>
          {t('user.signedInAs', { name: `${me.data.user.displayName} (${me.data.user.username})` })}
        </Text>
      )}
      <LanguageForm />
      <PasswordForm />
    </Stack>
  )
}
