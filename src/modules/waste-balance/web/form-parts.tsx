import { Anchor, Button, Group, NumberInput, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { NS } from './balance-ui.tsx'

/** 2,5 and 1.250 in Indonesian; 2.5 and 1,250 in English. */
export function numberSeparators() {
  return currentLanguage() === 'id'
    ? { decimalSeparator: ',', thousandSeparator: '.' }
    : { decimalSeparator: '.', thousandSeparator: ',' }
}

export function toNumber(value: number | string): number | null {
  if (value === '' || value === null) return null
  const number = typeof value === 'number' ? value : Number(value)
  return Number.isFinite(number) ? number : null
}

interface FieldProps {
  form: string
  name: string
  label: string
  hint?: string
  error?: string
  required?: boolean
}

export function NumberField(
  props: FieldProps & {
    value: number | string
    onChange: (value: number | string) => void
    decimals?: number
  },
) {
  return (
    <NumberInput
      id={fieldId(props.form, props.name)}
      label={props.label}
      description={props.hint}
      required={props.required}
      error={props.error}
      value={props.value}
      onChange={props.onChange}
      min={0}
      decimalScale={props.decimals ?? 0}
      allowNegative={false}
      inputMode={props.decimals ? 'decimal' : 'numeric'}
      hideControls
      {...numberSeparators()}
    />
  )
}

export function TextField(props: FieldProps & { value: string; onChange: (value: string) => void }) {
  return (
    <TextInput
      id={fieldId(props.form, props.name)}
      label={props.label}
      description={props.hint}
      required={props.required}
      error={props.error}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
    />
  )
}

export function FormButtons({ city, isPending }: { city: string; isPending: boolean }) {
  const { t } = useTranslation(NS)
  return (
    <Group>
      <Button type="submit" loading={isPending} color="teal.9">
        {t('form.save')}
      </Button>
      <Anchor component={Link} to={`/c/${city}/waste-balance`}>
        {t('form.cancel')}
      </Anchor>
    </Group>
  )
}
