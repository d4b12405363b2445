import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { requiredMessage } from '../../../platform/web/api/problem.ts'
import { ErrorSummary, fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { type Outlet, useCreateOutlet, useUpdateOutlet } from './centre.api.ts'

const FORM = 'outlet-new'

/** Opens an outlet: a Pojok UMKM in a lobby, a gallery, a stand at the square. Staff only. */
export function OutletForm({ city, onCreated }: { city: string; onCreated?: (outlet: Outlet) => void }) {
  const { t, i18n } = useTranslation('umkm')
  const create = useCreateOutlet(city)
  const key = useRef(newIdempotencyKey())
  const [values, setValues] = useState({ name: '', address: '' })
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const [created, setCreated] = useState<string | null>(null)
  const labels = { name: t('centre.outlet.name'), address: t('centre.outlet.address') }
  const errorOf = (name: string) => fieldError(create.error, name, clientErrors)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, string> = {}
    if (values.name.trim().length < 2) found.name = requiredMessage(i18n)
    setClientErrors(found)
    setCreated(null)
    if (Object.keys(found).length > 0) return
    create.mutate(
      { body: { name: values.name.trim(), address: values.address.trim() || null }, key: key.current },
      {
        onSuccess: (outlet) => {
          key.current = newIdempotencyKey()
          setValues({ name: '', address: '' })
          setCreated(outlet.name)
          onCreated?.(outlet)
        },
      },
    )
  }
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={t('centre.outlet.add')}
    >
      <Stack gap="sm" maw={520}>
        <Title order={3}>{t('centre.outlet.add')}</Title>
        <ErrorSummary form={FORM} error={create.error} clientErrors={clientErrors} labels={labels} />
        {created && (
          <Alert color="teal" role="status">
            {t('centre.outlet.created', { name: created })}
          </Alert>
        )}
        <TextInput
          id={fieldId(FORM, 'name')}
          label={labels.name}
          description={t('centre.outlet.nameHint')}
          required
          maxLength={200}
          value={values.name}
          onChange={(event) => setValues({ ...values, name: event.currentTarget.value })}
          error={errorOf('name')}
        />
        <TextInput
          id={fieldId(FORM, 'address')}
          label={labels.address}
          maxLength={300}
          value={values.address}
          onChange={(event) => setValues({ ...values, address: event.currentTarget.value })}
          error={errorOf('address')}
        />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('centre.outlet.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}

/**
 * Edits an outlet's name and address, and closes or reopens it. Staff only; a closed outlet drops
 * out of the clerk's outlet picker but stays on this list, marked closed.
 */
export function OutletEditForm({
  city,
  outlet,
  onDone,
}: {
  city: string
  outlet: Outlet
  onDone: (message?: string) => void
}) {
  const { t, i18n } = useTranslation('umkm')
  const update = useUpdateOutlet(city)
  const form = `outlet-${outlet.id}`
  const [values, setValues] = useState({ name: outlet.name, address: outlet.address ?? '' })
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const labels = { name: t('centre.outlet.name'), address: t('centre.outlet.address') }
  const errorOf = (name: string) => fieldError(update.error, name, clientErrors)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, string> = {}
    if (values.name.trim().length < 2) found.name = requiredMessage(i18n)
    setClientErrors(found)
    if (Object.keys(found).length > 0) return
    update.mutate(
      {
        outletId: outlet.id,
        body: { name: values.name.trim(), address: values.address.trim() || null },
      },
      { onSuccess: (saved) => onDone(t('centre.outlet.saved', { name: saved.name })) },
    )
  }
  const setOpen = (isActive: boolean) =>
    update.mutate(
      { outletId: outlet.id, body: { isActive } },
      {
        onSuccess: (saved) =>
          onDone(t(isActive ? 'centre.outlet.reopened' : 'centre.outlet.closedDone', { name: saved.name })),
      },
    )
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={t('centre.outlet.editTitle', { name: outlet.name })}
    >
      <Stack gap="sm" maw={520}>
        <Title order={3}>{t('centre.outlet.editTitle', { name: outlet.name })}</Title>
        <ErrorSummary form={form} error={update.error} clientErrors={clientErrors} labels={labels} />
        <TextInput
          id={fieldId(form, 'name')}
          label={labels.name}
          required
          maxLength={200}
          value={values.name}
          onChange={(event) => setValues({ ...values, name: event.currentTarget.value })}
          error={errorOf('name')}
        />
        <TextInput
          id={fieldId(form, 'address')}
          label={labels.address}
          maxLength={300}
          value={values.address}
          onChange={(event) => setValues({ ...values, address: event.currentTarget.value })}
          error={errorOf('address')}
        />
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('centre.outlet.saveEdit')}
          </Button>
          <Button variant="subtle" onClick={() => onDone()} disabled={update.isPending}>
            {t('centre.cancel')}
          </Button>
        </Group>
        <Text size="sm">{t('centre.outlet.closeHint')}</Text>
        <Group>
          {outlet.isActive ? (
            <Button
              variant="outline"
              color="red.9"
              onClick={() => setOpen(false)}
              disabled={update.isPending}
            >
              {t('centre.outlet.close')}
            </Button>
          ) : (
            <Button variant="outline" onClick={() => setOpen(true)} disabled={update.isPending}>
              {t('centre.outlet.reopen')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  )
}
