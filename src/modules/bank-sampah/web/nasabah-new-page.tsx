import { Group, NativeSelect, TextInput } from '@mantine/core'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { requiredMessage } from '../../../platform/web/api/problem.ts'
import { fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { TaskForm, useVillages } from '../../waste/web/operator/flow-task.tsx'
import { ChoiceField } from '../../waste/web/operator/operator-ui.tsx'
import { type NasabahInput, useCreateNasabah } from './bank-sampah.api.ts'
import { BankLayout, useBankSite } from './teller-ui.tsx'

const FORM = 'nasabah'
const KINDS = ['person', 'household', 'school', 'group'] as const

type Fields = {
  kind: string
  name: string
  nik: string
  phone: string
  villageCode: string
  rt: string
  rw: string
}
const EMPTY: Fields = { kind: '', name: '', nik: '', phone: '', villageCode: '', rt: '', rw: '' }

/** Blank optional fields are sent as null; digits only where the server wants digits. */
function toInput(fields: Fields): NasabahInput {
  const optional = (value: string) => value.replace(/\s+/g, '') || null
  return {
    kind: fields.kind as NasabahInput['kind'],
    name: fields.name.trim(),
    nik: optional(fields.nik),
    phone: optional(fields.phone.replace(/[-()]/g, '')),
    villageCode: fields.villageCode || null,
    rt: optional(fields.rt)?.replace(/^0+(?=\d)/, '') ?? null,
    rw: optional(fields.rw)?.replace(/^0+(?=\d)/, '') ?? null,
  }
}

/** /c/:city/bank-sampah/:bankId/nasabah/new: register a nasabah; their page opens on success. */
export default function NasabahNewPage() {
  const { t, i18n } = useTranslation('bank-sampah')
  const { target, city, bank, nasabahPath } = useBankSite()
  const create = useCreateNasabah(target)
  const villages = useVillages(city)
  const navigate = useNavigate()
  const key = useRef(newIdempotencyKey())
  const [fields, setFields] = useState<Fields>(EMPTY)
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const set = (name: keyof Fields) => (value: string) =>
    setFields((current) => ({ ...current, [name]: value }))
  // Most nasabah live in the bank's own desa: start there.
  const bankVillage = bank.data?.village?.code
  useEffect(() => {
    if (bankVillage) setFields((current) => ({ ...current, villageCode: current.villageCode || bankVillage }))
  }, [bankVillage])

  const labels = Object.fromEntries(
    (Object.keys(EMPTY) as (keyof Fields)[]).map((name) => [name, t(`register.${name}`)]),
  )
  const errorOf = (name: string) => fieldError(create.error, name, clientErrors)
  const text = (name: keyof Fields, props: Partial<React.ComponentProps<typeof TextInput>> = {}) => (
    <TextInput
      id={fieldId(FORM, name)}
      label={labels[name]}
      description={t(`register.hints.${name}`, { defaultValue: '' }) || undefined}
      size="lg"
      autoComplete="off"
      value={fields[name]}
      onChange={(event) => set(name)(event.currentTarget.value)}
      error={errorOf(name)}
      {...props}
    />
  )

  const submit = () => {
    const problems: Record<string, string> = {}
    if (!fields.kind) problems.kind = t('register.chooseKind')
    if (fields.name.trim().length < 2) problems.name = requiredMessage(i18n)
    setClientErrors(problems)
    if (Object.keys(problems).length > 0) return
    create.mutate(
      { body: toInput(fields), key: key.current },
      { onSuccess: (nasabah) => void navigate(nasabahPath(nasabah.id), { state: { registered: true } }) },
    )
  }

  return (
    <BankLayout title={t('register.title')}>
      <TaskForm
        form={FORM}
        error={create.error}
        clientErrors={clientErrors}
        labels={labels}
        submitLabel={t('register.submit')}
        isPending={create.isPending}
        onSubmit={submit}
      >
        <ChoiceField
          form={FORM}
          name="kind"
          legend={labels.kind ?? ''}
          choices={KINDS.map((value) => ({
            value,
            label: t(`kinds.${value}`),
            hint: t(`kindHints.${value}`),
          }))}
          value={fields.kind}
          onChange={set('kind')}
          error={errorOf('kind')}
        />
        {text('name', { maxLength: 160 })}
        {text('nik', { inputMode: 'numeric', maxLength: 16, maw: 320 })}
        {text('phone', { inputMode: 'tel', type: 'tel', maxLength: 16, maw: 320 })}
        <NativeSelect
          id={fieldId(FORM, 'villageCode')}
          label={labels.villageCode}
          size="lg"
          value={fields.villageCode}
          onChange={(event) => set('villageCode')(event.currentTarget.value)}
          data={[{ value: '', label: t('register.noVillage') }, ...villages.options]}
          error={errorOf('villageCode')}
        />
        <Group gap="sm" align="flex-start">
          {text('rt', { inputMode: 'numeric', maxLength: 3, w: 120 })}
          {text('rw', { inputMode: 'numeric', maxLength: 3, w: 120 })}
        </Group>
      </TaskForm>
    </BankLayout>
  )
}
