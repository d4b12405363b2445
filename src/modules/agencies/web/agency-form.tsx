import { Alert, Button, Group, Stack, TextInput, Title } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { requiredMessage } from '../../../platform/web/api/problem.ts'
import { ErrorSummary, fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { type Agency, useCreateAgency, useUpdateAgency } from './agencies.api.ts'

interface AgencyFormProps {
  city: string
  /** Edit this agency; without it the form adds a new one. */
  agency?: Agency
  onDone?: () => void
}

export function AgencyForm({ city, agency, onDone }: AgencyFormProps) {
  const { t, i18n } = useTranslation(['agencies', 'translation'])
  const create = useCreateAgency(city)
  const update = useUpdateAgency(city)
  const mutation = agency ? update : create
  const empty = {
    name: agency?.name ?? '',
    shortName: agency?.shortName ?? '',
    function: agency?.function ?? '',
  }
  const [values, setValues] = useState(empty)
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const [doneName, setDoneName] = useState<string | null>(null)
  const key = useRef(newIdempotencyKey())
  const form = agency ? `agency-${agency.id}` : 'agency-new'
  const labels = { name: t('name'), shortName: t('shortName'), function: t('function') }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, string> = {}
    if (!values.name.trim()) found.name = requiredMessage(i18n)
    if (!values.shortName.trim()) found.shortName = requiredMessage(i18n)
    setClientErrors(found)
    setDoneName(null)
    if (Object.keys(found).length > 0) return
    const body = {
      name: values.name.trim(),
      shortName: values.shortName.trim(),
      function: values.function.trim() || null,
    }
    const onSuccess = (saved: Agency) => {
      setDoneName(saved.name)
      if (!agency) {
        setValues({ name: '', shortName: '', function: '' })
        key.current = newIdempotencyKey()
      }
      onDone?.()
    }
    if (agency) update.mutate({ agencyId: agency.id, changes: body }, { onSuccess })
    else create.mutate({ body, key: key.current }, { onSuccess })
  }

  const input = (name: keyof typeof values, hint: string, required = true) => (
    <TextInput
      id={fieldId(form, name)}
      label={labels[name]}
      description={hint}
      required={required}
      value={values[name]}
      onChange={(event) => setValues({ ...values, [name]: event.currentTarget.value })}
      error={fieldError(mutation.error, name, clientErrors)}
    />
  )

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {!agency && (
          <Title order={2} size="h3">
            {t('createTitle')}
          </Title>
        )}
        <ErrorSummary form={form} error={mutation.error} clientErrors={clientErrors} labels={labels} />
        {doneName && !agency && (
          <Alert color="teal" role="status">
            {t('created', { name: doneName })}
          </Alert>
        )}
        {input('name', t('nameHint'))}
        {input('shortName', t('shortNameHint'))}
        {input('function', t('functionHint'), false)}
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {agency ? t('common.save', { ns: 'translation' }) : t('create')}
          </Button>
          {onDone && agency && (
            <Button variant="subtle" onClick={onDone}>
              {t('common.cancel', { ns: 'translation' })}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  )
}
