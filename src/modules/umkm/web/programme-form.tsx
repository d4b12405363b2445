import { Button, Checkbox, Group, NativeSelect, Stack, TextInput } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { requiredMessage } from '../../../platform/web/api/problem.ts'
import { ErrorSummary, fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import {
  FUNDING_SOURCES,
  type FundingSource,
  PROGRAMME_KINDS,
  type ProgrammeKind,
} from '../domain/coaching.ts'
import { SCALES, type Scale } from '../domain/scale.ts'
import {
  type Programme,
  type ProgrammeInput,
  useCreateProgramme,
  useUpdateProgramme,
} from './coaching.api.ts'
import type { SavedState } from './umkm-labels.tsx'

const FIELDS = [
  'kind',
  'name',
  'agency',
  'budgetActivityCode',
  'funding',
  'startsOn',
  'endsOn',
  'quota',
  'requiresNib',
  'eligibleScales',
] as const
type TextName = 'name' | 'agency' | 'budgetActivityCode' | 'startsOn' | 'endsOn' | 'quota'

const FORM = 'programme'

function initialValues(programme?: Programme) {
  return {
    kind: (programme?.kind ?? '') as ProgrammeKind | '',
    name: programme?.name ?? '',
    agency: programme?.agency ?? '',
    budgetActivityCode: programme?.budgetActivityCode ?? '',
    funding: (programme?.funding ?? '') as FundingSource | '',
    startsOn: programme?.startsOn ?? '',
    endsOn: programme?.endsOn ?? '',
    quota: programme?.quota === null || programme?.quota === undefined ? '' : String(programme.quota),
    requiresNib: programme?.requiresNib ?? false,
    eligibleScales: (programme?.eligibleScales ?? []) as Scale[],
  }
}

/**
 * A programme's terms: a new one, or an existing one corrected or rescheduled (`programme` given).
 * Participants already enrolled stay when the rules change; the server refuses a quota below them.
 */
export function ProgrammeForm({ city, programme }: { city: string; programme?: Programme }) {
  const { t, i18n } = useTranslation('umkm')
  const navigate = useNavigate()
  const create = useCreateProgramme(city)
  const update = useUpdateProgramme(city, programme?.id ?? '')
  const save = programme ? update : create
  const key = useRef(newIdempotencyKey())
  const [values, setValues] = useState(() => initialValues(programme))
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const labels = Object.fromEntries(FIELDS.map((name) => [name, t(`programmeForm.${name}`)]))
  const errorOf = (name: string) => fieldError(save.error, name, clientErrors)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, string> = {}
    for (const name of ['kind', 'name', 'agency', 'funding', 'startsOn', 'endsOn'] as const) {
      if (!values[name].trim()) found[name] = requiredMessage(i18n)
    }
    const quota = values.quota.trim()
    if (quota && !/^\d+$/.test(quota)) found.quota = t('programmeForm.quotaHint')
    setClientErrors(found)
    if (Object.keys(found).length > 0) return
    const body: ProgrammeInput = {
      kind: values.kind as ProgrammeKind,
      name: values.name.trim(),
      agency: values.agency.trim(),
      budgetActivityCode: values.budgetActivityCode.trim() || null,
      funding: values.funding as FundingSource,
      startsOn: values.startsOn,
      endsOn: values.endsOn,
      quota: quota ? Number(quota) : null,
      requiresNib: values.requiresNib,
      eligibleScales: values.eligibleScales,
    }
    const onSuccess = (saved: Programme) => {
      const state: SavedState = { saved: programme ? 'updated' : 'created' }
      void navigate(`/c/${city}/umkm/programmes/${saved.id}`, { state })
    }
    if (programme) update.mutate(body, { onSuccess })
    else create.mutate({ body, key: key.current }, { onSuccess })
  }

  const input = (name: TextName, extra: { type?: string; hint?: string; required?: boolean } = {}) => (
    <TextInput
      id={fieldId(FORM, name)}
      type={extra.type}
      label={labels[name]}
      description={extra.hint}
      required={extra.required}
      inputMode={name === 'quota' ? 'numeric' : undefined}
      value={values[name]}
      onChange={(event) => setValues({ ...values, [name]: event.currentTarget.value })}
      error={errorOf(name)}
    />
  )
  const select = <T extends string>(name: 'kind' | 'funding', options: readonly T[], prefix: string) => (
    <NativeSelect
      id={fieldId(FORM, name)}
      label={labels[name]}
      required
      value={values[name]}
      onChange={(event) => setValues({ ...values, [name]: event.currentTarget.value })}
      data={[
        ...(values[name] ? [] : [{ value: '', label: t('form.choose') }]),
        ...options.map((option) => ({ value: option, label: t(`${prefix}.${option}`) })),
      ]}
      error={errorOf(name)}
    />
  )

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={620}>
        <ErrorSummary form={FORM} error={save.error} clientErrors={clientErrors} labels={labels} />
        {select('kind', PROGRAMME_KINDS, 'programmes.kinds')}
        {input('name', { required: true, hint: t('programmeForm.nameHint') })}
        {input('agency', { required: true, hint: t('programmeForm.agencyHint') })}
        {input('budgetActivityCode', { hint: t('programmeForm.budgetActivityCodeHint') })}
        {select('funding', FUNDING_SOURCES, 'programmes.funding')}
        {input('startsOn', { type: 'date', required: true })}
        {input('endsOn', { type: 'date', required: true })}
        {input('quota', { hint: t('programmeForm.quotaHint') })}
        <Checkbox
          id={fieldId(FORM, 'requiresNib')}
          label={labels.requiresNib}
          description={t('programmeForm.requiresNibHint')}
          checked={values.requiresNib}
          onChange={(event) => setValues({ ...values, requiresNib: event.currentTarget.checked })}
          error={errorOf('requiresNib')}
        />
        <Checkbox.Group
          id={fieldId(FORM, 'eligibleScales')}
          label={labels.eligibleScales}
          description={t('programmeForm.eligibleScalesHint')}
          value={values.eligibleScales}
          onChange={(next) => setValues({ ...values, eligibleScales: next as Scale[] })}
          error={errorOf('eligibleScales')}
        >
          <Stack gap="xs" mt="xs">
            {SCALES.map((scale) => (
              <Checkbox key={scale} value={scale} label={t(`scales.${scale}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t(programme ? 'programmeForm.save' : 'programmeForm.create')}
          </Button>
          <Button
            variant="subtle"
            component={Link}
            to={`/c/${city}/umkm/programmes${programme ? `/${programme.id}` : ''}`}
          >
            {t('form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
