import { Button, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { useCityRegions } from '../../../platform/web/api/hooks.ts'
import { requiredMessage } from '../../../platform/web/api/problem.ts'
import { ErrorSummary, fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { MATERIALS } from '../../waste/domain/materials.ts'
import { HANDLING_PARTS, REDUCTION_PARTS } from '../domain/terminal-flows.ts'
import { tonnesToGrams } from './balance-logic.ts'
import { NS } from './balance-ui.tsx'
import { NumberField, TextField, toNumber } from './form-parts.tsx'
import { type BalancePart, type ManualFlowInput, useAddManualFlow } from './waste-balance.api.ts'

const FORM = 'manual-flow'

/** A flow the platform does not see (pengepul, private recycler, RDF plant): entered with its source. */
export function ManualFlowForm({ city, year }: { city: string; year: number }) {
  const { t, i18n } = useTranslation([NS, 'waste'])
  const add = useAddManualFlow(city)
  const regions = useCityRegions(city)
  const key = useRef(newIdempotencyKey())
  const empty = {
    month: `${year}-01`,
    part: '',
    material: '',
    districtCode: '',
    tonnes: '' as number | string,
    source: '',
  }
  const [values, setValues] = useState(empty)
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const names = ['month', 'part', 'material', 'districtCode', 'weightGrams', 'source']
  const labels = Object.fromEntries(names.map((name) => [name, t(`flows.${name}`)]))
  const set = (name: keyof typeof empty, value: number | string) =>
    setValues((old) => ({ ...old, [name]: value }))
  const errorOf = (name: string) => fieldError(add.error, name, clientErrors)
  const partOption = (part: string) => ({ value: part, label: t(`parts.${part}`) })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, string> = {}
    const tonnes = toNumber(values.tonnes)
    if (!/^\d{4}-\d{2}$/.test(values.month)) found.month = requiredMessage(i18n)
    if (!values.part) found.part = requiredMessage(i18n)
    if (tonnes === null || tonnes <= 0) found.weightGrams = requiredMessage(i18n)
    if (values.source.trim().length < 2) found.source = requiredMessage(i18n)
    setClientErrors(found)
    if (tonnes === null || Object.keys(found).length > 0) return
    const body: ManualFlowInput = {
      month: values.month,
      part: values.part as BalancePart,
      material: values.material || null,
      districtCode: values.districtCode || null,
      weightGrams: tonnesToGrams(tonnes),
      source: values.source.trim(),
    }
    add.mutate(
      { body, key: key.current },
      {
        onSuccess: () => setValues({ ...empty, month: values.month, source: values.source }),
        onSettled: () => (key.current = newIdempotencyKey()),
      },
    )
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="flow-form-title">
      <Title order={2} size="h3" id="flow-form-title" mb="xs">
        {t('flows.formTitle')}
      </Title>
      <Stack gap="md" maw={560}>
        <ErrorSummary form={FORM} error={add.error} clientErrors={clientErrors} labels={labels} />
        <TextInput
          id={fieldId(FORM, 'month')}
          type="month"
          label={labels.month}
          required
          value={values.month}
          onChange={(event) => set('month', event.currentTarget.value)}
          error={errorOf('month')}
        />
        <NativeSelect
          id={fieldId(FORM, 'part')}
          label={labels.part}
          required
          value={values.part}
          onChange={(event) => set('part', event.currentTarget.value)}
          error={errorOf('part')}
          data={[
            { value: '', label: t('flows.choose') },
            { group: t('figures.reduction'), items: REDUCTION_PARTS.map(partOption) },
            { group: t('figures.handling'), items: HANDLING_PARTS.map(partOption) },
          ]}
        />
        <NativeSelect
          id={fieldId(FORM, 'material')}
          label={labels.material}
          value={values.material}
          onChange={(event) => set('material', event.currentTarget.value)}
          error={errorOf('material')}
          data={[
            { value: '', label: t('flows.notKnown') },
            ...MATERIALS.map((material) => ({
              value: material,
              label: t(`materials.${material}`, { ns: 'waste' }),
            })),
          ]}
        />
        <NativeSelect
          id={fieldId(FORM, 'districtCode')}
          label={labels.districtCode}
          value={values.districtCode}
          onChange={(event) => set('districtCode', event.currentTarget.value)}
          error={errorOf('districtCode')}
          data={[
            { value: '', label: t('flows.wholeCity') },
            ...(regions.data?.districts ?? []).map((district) => ({
              value: district.code,
              label: district.name,
            })),
          ]}
        />
        <NumberField
          form={FORM}
          name="weightGrams"
          label={labels.weightGrams!}
          required
          decimals={3}
          value={values.tonnes}
          onChange={(value) => set('tonnes', value)}
          error={errorOf('weightGrams')}
        />
        <TextField
          form={FORM}
          name="source"
          label={labels.source!}
          hint={t('flows.sourceHint')}
          required
          value={values.source}
          onChange={(value) => set('source', value)}
          error={errorOf('source')}
        />
        <Button type="submit" loading={add.isPending} color="teal.9" style={{ alignSelf: 'flex-start' }}>
          {t('flows.add')}
        </Button>
        {add.isSuccess && (
          <Text role="status" c="teal.9" fw={700}>
            {t('flows.added')}
          </Text>
        )}
      </Stack>
    </form>
  )
}
