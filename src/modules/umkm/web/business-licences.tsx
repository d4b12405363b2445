import {
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { requiredMessage } from '../../../platform/web/api/problem.ts'
import { formatDate } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { ErrorSummary, fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { LICENCE_KINDS, type LicenceKind, type LicenceStatus, licenceStatus } from '../domain/licences.ts'
import { type Licence, useAddLicence, useLicences, useUpdateLicence } from './umkm.api.ts'

/** Reminders start this many days before a licence lapses (the expiring list's default window). */
export const REMIND_DAYS = 90

const STATUS_COLOUR: Record<LicenceStatus, string> = {
  valid: 'teal.9',
  // Mantine's orange.9 gives white text 4.3:1; this darker orange passes WCAG AA (6.4:1).
  expiring: '#a63a0c',
  expired: 'red.9',
  no_expiry: 'blue.9',
}

export function LicenceStatusBadge({ expiresOn }: { expiresOn: string | null }) {
  const { t } = useTranslation('umkm')
  // The device's own calendar day (sv-SE formats as YYYY-MM-DD); the server's list uses the city's.
  const today = new Date().toLocaleDateString('sv-SE')
  const status = licenceStatus({ expiresOn, today, withinDays: REMIND_DAYS })
  return (
    <Badge variant="filled" color={STATUS_COLOUR[status]}>
      {t(`licences.status.${status}`)}
    </Badge>
  )
}

const FIELDS = ['kind', 'number', 'issuer', 'issuedOn', 'expiresOn'] as const

function LicenceForm({
  city,
  businessId,
  licence,
  onDone,
}: {
  city: string
  businessId: string
  licence?: Licence
  onDone: () => void
}) {
  const { t, i18n } = useTranslation('umkm')
  const add = useAddLicence(city, businessId)
  const update = useUpdateLicence(city, businessId)
  const mutation = licence ? update : add
  const key = useRef(newIdempotencyKey())
  const [values, setValues] = useState({
    kind: licence?.kind ?? '',
    number: licence?.number ?? '',
    issuer: licence?.issuer ?? '',
    issuedOn: licence?.issuedOn ?? '',
    expiresOn: licence?.expiresOn ?? '',
  })
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const form = licence ? `licence-${licence.id}` : 'licence-new'
  const labels = Object.fromEntries(FIELDS.map((name) => [name, t(`licences.${name}`)]))
  const errorOf = (name: string) => fieldError(mutation.error, name, clientErrors)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, string> = {}
    if (!values.kind) found.kind = requiredMessage(i18n)
    if (!values.number.trim()) found.number = requiredMessage(i18n)
    setClientErrors(found)
    if (Object.keys(found).length > 0) return
    const body = {
      kind: values.kind as LicenceKind,
      number: values.number.trim(),
      issuer: values.issuer.trim() || null,
      issuedOn: values.issuedOn || null,
      expiresOn: values.expiresOn || null,
    }
    if (licence) update.mutate({ licenceId: licence.id, changes: body }, { onSuccess: onDone })
    else add.mutate({ body, key: key.current }, { onSuccess: onDone })
  }
  const input = (
    name: 'number' | 'issuer' | 'issuedOn' | 'expiresOn',
    extra: { type?: string; hint?: string } = {},
  ) => (
    <TextInput
      id={fieldId(form, name)}
      type={extra.type}
      label={labels[name]}
      description={extra.hint}
      required={name === 'number'}
      value={values[name]}
      onChange={(event) => setValues({ ...values, [name]: event.currentTarget.value })}
      error={errorOf(name)}
    />
  )
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={licence ? t('licences.editTitle') : t('licences.addTitle')}
    >
      <Stack gap="sm" maw={480}>
        <Title order={3}>{licence ? t('licences.editTitle') : t('licences.addTitle')}</Title>
        <ErrorSummary form={form} error={mutation.error} clientErrors={clientErrors} labels={labels} />
        <NativeSelect
          id={fieldId(form, 'kind')}
          label={labels.kind}
          required
          value={values.kind}
          onChange={(event) => setValues({ ...values, kind: event.currentTarget.value as LicenceKind })}
          data={[
            ...(values.kind ? [] : [{ value: '', label: t('form.choose') }]),
            ...LICENCE_KINDS.map((kind) => ({ value: kind, label: t(`licences.kinds.${kind}`) })),
          ]}
          error={errorOf('kind')}
        />
        {input('number', { hint: values.kind === 'nib' ? t('form.nibHint') : undefined })}
        {input('issuer')}
        {input('issuedOn', { type: 'date' })}
        {input('expiresOn', { type: 'date', hint: t('licences.expiresOnHint') })}
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t('licences.save')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('form.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}

/** The business's licences and certificates; the dinas staff add, correct and renew them here. */
export function BusinessLicences({
  city,
  businessId,
  canEdit,
}: {
  city: string
  businessId: string
  canEdit: boolean
}) {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  const licences = useLicences(city, businessId)
  const [editing, setEditing] = useState<Licence | 'new' | null>(null)
  const date = (value: string | null) => (value ? formatDate(value, language) : '—')
  return (
    <Stack gap="md">
      <Title order={2}>{t('licences.title')}</Title>
      <QueryState query={licences}>
        {(items) =>
          items.length === 0 ? (
            <Text>{t('licences.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    {['kind', 'number', 'issuer', 'issuedOn', 'expiresOn'].map((name) => (
                      <Table.Th scope="col" key={name}>
                        {t(`licences.${name}`)}
                      </Table.Th>
                    ))}
                    <Table.Th scope="col">{t('licences.statusLabel')}</Table.Th>
                    {canEdit && (
                      <Table.Th scope="col">
                        <span className="visually-hidden">{t('licences.actions')}</span>
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((licence) => (
                    <Table.Tr key={licence.id}>
                      <Table.Td>{t(`licences.kinds.${licence.kind}`)}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{licence.number}</Table.Td>
                      <Table.Td>{licence.issuer ?? '—'}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(licence.issuedOn)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(licence.expiresOn)}</Table.Td>
                      <Table.Td>
                        <LicenceStatusBadge expiresOn={licence.expiresOn} />
                      </Table.Td>
                      {canEdit && (
                        <Table.Td>
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setEditing(licence)}
                            aria-label={t('licences.editOne', {
                              kind: t(`licences.kinds.${licence.kind}`),
                              number: licence.number,
                            })}
                          >
                            {t('licences.edit')}
                          </Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      {canEdit && editing === null && (
        <Group>
          <Button variant="outline" onClick={() => setEditing('new')}>
            {t('licences.add')}
          </Button>
        </Group>
      )}
      {canEdit && editing !== null && (
        <LicenceForm
          key={editing === 'new' ? 'new' : editing.id}
          city={city}
          businessId={businessId}
          licence={editing === 'new' ? undefined : editing}
          onDone={() => setEditing(null)}
        />
      )}
    </Stack>
  )
}
