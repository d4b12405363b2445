import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core'
import { type FormEvent, type ReactNode, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { useCityRegions } from '../../../platform/web/api/hooks.ts'
import { ApiError, problemMessage, requiredMessage } from '../../../platform/web/api/problem.ts'
import { ERRORS_NS } from '../../../platform/web/i18n/resources.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { parseCoordinate } from '../../../platform/web/parse-number.ts'
import { ErrorSummary, fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import {
  checkFacilityRules,
  FACILITY_KINDS,
  FACILITY_STATUSES,
  type FacilityKind,
  type FacilityStatus,
  LANDFILL_SYSTEMS,
  type LandfillSystem,
  tonnesPerDayToKg,
} from '../domain/facilities.ts'
import {
  type Facility,
  type FacilityInput,
  useCreateFacility,
  useIndukFacilities,
  useUpdateFacility,
} from './facilities.api.ts'
import type { SavedState } from './facility-page.tsx'

interface FacilityFormProps {
  city: string
  /** Change this facility; without it the form registers a new one. */
  facility?: Facility
}

interface Values {
  kind: string
  name: string
  status: string
  landfillSystem: string
  parentId: string | null
  villageCode: string | null
  address: string
  latitude: string
  longitude: string
  designCapacityKgPerDay: number | string
  householdsServed: number | string
  operatorName: string
  decreeNumber: string
  openedOn: string
}

function initialValues(facility?: Facility): Values {
  return {
    kind: facility?.kind ?? '',
    name: facility?.name ?? '',
    status: facility?.status ?? 'active',
    landfillSystem: facility?.landfillSystem ?? '',
    parentId: facility?.parent?.id ?? null,
    villageCode: facility?.village?.code ?? null,
    address: facility?.address ?? '',
    latitude: facility?.latitude === null || !facility ? '' : String(facility.latitude),
    longitude: facility?.longitude === null || !facility ? '' : String(facility.longitude),
    designCapacityKgPerDay:
      facility?.designCapacityKgPerDay === null || !facility ? '' : facility.designCapacityKgPerDay / 1000,
    householdsServed: facility?.householdsServed ?? '',
    operatorName: facility?.operatorName ?? '',
    decreeNumber: facility?.decreeNumber ?? '',
    openedOn: facility?.openedOn ?? '',
  }
}

function optionalNumber(value: number | string): number | null {
  if (value === '' || value === null) return null
  return typeof value === 'number' ? value : Number(value)
}

function optionalText(value: string): string | null {
  return value.trim() || null
}

/** Register or change a facility, checking the same rules as the server before sending. */
export function FacilityForm({ city, facility }: FacilityFormProps) {
  const { t, i18n } = useTranslation(['waste', 'translation'])
  const navigate = useNavigate()
  const create = useCreateFacility(city)
  const update = useUpdateFacility(city)
  const mutation = facility ? update : create
  const [values, setValues] = useState(() => initialValues(facility))
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const key = useRef(newIdempotencyKey())
  const regions = useCityRegions(city)
  const isUnit = values.kind === 'bank_sampah_unit'
  const isTpa = values.kind === 'tpa'
  const induk = useIndukFacilities(city, isUnit)
  // 2,5 and 1.250 in Indonesian; 2.5 and 1,250 in English.
  const separators =
    currentLanguage() === 'id'
      ? { decimalSeparator: ',', thousandSeparator: '.' }
      : { decimalSeparator: '.', thousandSeparator: ',' }
  const form = facility ? `facility-${facility.id}` : 'facility-new'

  const names = [
    'kind',
    'name',
    'status',
    'landfillSystem',
    'parentId',
    'villageCode',
    'address',
    'latitude',
    'longitude',
    'designCapacityKgPerDay',
    'householdsServed',
    'operatorName',
    'decreeNumber',
    'openedOn',
  ] as const
  const labels: Record<string, string> = Object.fromEntries(names.map((name) => [name, t(`form.${name}`)]))
  const set = <K extends keyof Values>(name: K, value: Values[K]) =>
    setValues((old) => ({ ...old, [name]: value }))
  const problem = (code: string) => i18n.t(code, { ns: ERRORS_NS, keySeparator: false })
  // A taken name comes back without a field pointer; it still belongs next to the name.
  const nameTaken =
    mutation.error instanceof ApiError && mutation.error.code === 'facility.name_taken'
      ? problemMessage(i18n, mutation.error)
      : undefined
  const errorOf = (name: string) =>
    fieldError(mutation.error, name, clientErrors) ?? (name === 'name' ? nameTaken : undefined)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, string> = {}
    const latitude = parseCoordinate(values.latitude)
    const longitude = parseCoordinate(values.longitude)
    const capacity = optionalNumber(values.designCapacityKgPerDay)
    const households = optionalNumber(values.householdsServed)
    if (!values.kind) found.kind = requiredMessage(i18n)
    if (!values.name.trim()) found.name = requiredMessage(i18n)
    if (Number.isNaN(latitude)) found.latitude = t('form.notANumber')
    if (Number.isNaN(longitude)) found.longitude = t('form.notANumber')
    if (Number.isNaN(capacity)) found.designCapacityKgPerDay = t('form.notANumber')
    if (Number.isNaN(households)) found.householdsServed = t('form.notANumber')
    const landfillSystem = isTpa && values.landfillSystem ? (values.landfillSystem as LandfillSystem) : null
    const parentId = isUnit ? values.parentId : null
    if (values.kind) {
      for (const rule of checkFacilityRules({
        kind: values.kind as FacilityKind,
        landfillSystem,
        // The parent list offers bank sampah induk only.
        parentKind: parentId ? 'bank_sampah_induk' : null,
        latitude: Number.isNaN(latitude) ? null : latitude,
        longitude: Number.isNaN(longitude) ? null : longitude,
      })) {
        found[rule.field] ??= problem(rule.code)
      }
    }
    setClientErrors(found)
    if (Object.keys(found).length > 0) return
    const body: FacilityInput = {
      kind: values.kind as FacilityKind,
      name: values.name.trim(),
      status: values.status as FacilityStatus,
      landfillSystem,
      parentId,
      villageCode: values.villageCode,
      address: optionalText(values.address),
      latitude,
      longitude,
      designCapacityKgPerDay: capacity === null ? null : tonnesPerDayToKg(capacity),
      householdsServed: households,
      operatorName: optionalText(values.operatorName),
      decreeNumber: optionalText(values.decreeNumber),
      openedOn: values.openedOn || null,
    }
    const onSuccess = (saved: Facility) => {
      const state: SavedState = { saved: facility ? 'updated' : 'created' }
      void navigate(`/c/${city}/waste/facilities/${saved.id}`, { state })
    }
    if (facility) update.mutate({ facilityId: facility.id, changes: body }, { onSuccess })
    else create.mutate({ body, key: key.current }, { onSuccess })
  }

  const text = (
    name: 'name' | 'operatorName' | 'decreeNumber' | 'latitude' | 'longitude',
    extra: { hint?: string; required?: boolean; inputMode?: 'decimal' } = {},
  ) => (
    <TextInput
      id={fieldId(form, name)}
      label={labels[name]}
      description={extra.hint}
      required={extra.required}
      inputMode={extra.inputMode}
      value={values[name]}
      onChange={(event) => set(name, event.currentTarget.value)}
      error={errorOf(name)}
    />
  )
  const section = (legend: string, children: ReactNode) => (
    <Fieldset
      legend={legend}
      variant="unstyled"
      styles={{ legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)', marginBottom: 8 } }}
    >
      <Stack gap="md">{children}</Stack>
    </Fieldset>
  )

  const villageOptions = (regions.data?.districts ?? []).map((district) => ({
    group: district.name,
    items: district.villages.map((village) => ({
      value: village.code,
      label: `${village.name} (${t(`kind.${village.kind}`, { ns: 'translation', defaultValue: village.kind })})`,
    })),
  }))

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg" maw={560}>
        <ErrorSummary form={form} error={mutation.error} clientErrors={clientErrors} labels={labels} />
        {section(
          t('form.sectionWhat'),
          <>
            <NativeSelect
              id={fieldId(form, 'kind')}
              label={labels.kind}
              required
              value={values.kind}
              onChange={(event) => set('kind', event.currentTarget.value)}
              data={[
                ...(values.kind ? [] : [{ value: '', label: t('form.choose') }]),
                ...FACILITY_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) })),
              ]}
              error={errorOf('kind')}
            />
            {text('name', { hint: t('form.nameHint'), required: true })}
            <NativeSelect
              id={fieldId(form, 'status')}
              label={labels.status}
              value={values.status}
              onChange={(event) => set('status', event.currentTarget.value)}
              data={FACILITY_STATUSES.map((status) => ({ value: status, label: t(`statuses.${status}`) }))}
              error={errorOf('status')}
            />
            {isTpa && (
              <NativeSelect
                id={fieldId(form, 'landfillSystem')}
                label={labels.landfillSystem}
                description={t('form.landfillSystemHint')}
                required
                value={values.landfillSystem}
                onChange={(event) => set('landfillSystem', event.currentTarget.value)}
                data={[
                  { value: '', label: t('form.choose') },
                  ...LANDFILL_SYSTEMS.map((system) => ({
                    value: system,
                    label: t(`landfillSystems.${system}`),
                  })),
                ]}
                error={errorOf('landfillSystem')}
              />
            )}
            {isUnit && (
              <Select
                id={fieldId(form, 'parentId')}
                label={labels.parentId}
                description={t('form.parentIdHint')}
                placeholder={t('form.none')}
                clearable
                searchable
                value={values.parentId}
                onChange={(value) => set('parentId', value)}
                data={(induk.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
                error={errorOf('parentId')}
              />
            )}
          </>,
        )}
        {section(
          t('form.sectionWhere'),
          <>
            <Select
              id={fieldId(form, 'villageCode')}
              label={labels.villageCode}
              description={t('form.villageCodeHint')}
              searchable
              clearable
              nothingFoundMessage="—"
              value={values.villageCode}
              onChange={(value) => set('villageCode', value)}
              data={villageOptions}
              error={errorOf('villageCode')}
            />
            <Textarea
              id={fieldId(form, 'address')}
              label={labels.address}
              autosize
              minRows={2}
              maxLength={300}
              value={values.address}
              onChange={(event) => set('address', event.currentTarget.value)}
              error={errorOf('address')}
            />
            {text('latitude', { hint: t('form.coordinatesHint'), inputMode: 'decimal' })}
            {text('longitude', { inputMode: 'decimal' })}
          </>,
        )}
        {section(
          t('form.sectionOperation'),
          <>
            <NumberInput
              id={fieldId(form, 'designCapacityKgPerDay')}
              label={labels.designCapacityKgPerDay}
              description={t('form.capacityHint')}
              {...separators}
              decimalScale={3}
              allowNegative={false}
              hideControls
              value={values.designCapacityKgPerDay}
              onChange={(value) => set('designCapacityKgPerDay', value)}
              error={errorOf('designCapacityKgPerDay')}
            />
            <NumberInput
              id={fieldId(form, 'householdsServed')}
              label={labels.householdsServed}
              {...separators}
              allowDecimal={false}
              allowNegative={false}
              hideControls
              value={values.householdsServed}
              onChange={(value) => set('householdsServed', value)}
              error={errorOf('householdsServed')}
            />
            {text('operatorName', { hint: t('form.operatorNameHint') })}
            {text('decreeNumber', { hint: t('form.decreeNumberHint') })}
            <TextInput
              id={fieldId(form, 'openedOn')}
              type="date"
              label={labels.openedOn}
              value={values.openedOn}
              onChange={(event) => set('openedOn', event.currentTarget.value)}
              error={errorOf('openedOn')}
              w={{ base: '100%', xs: 220 }}
            />
          </>,
        )}
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {facility ? t('form.save') : t('form.create')}
          </Button>
          <Button
            variant="subtle"
            component={Link}
            to={facility ? `/c/${city}/waste/facilities/${facility.id}` : `/c/${city}/waste/facilities`}
          >
            {t('form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
