import {
  Fieldset,
  NativeSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useCityRegions } from '../../../platform/web/api/hooks.ts'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { CURRENT_KBLI, checkKbliCode } from '../domain/identifiers.ts'
import { SCALES } from '../domain/scale.ts'
import { type TextField, type Values, WORKER_FIELDS } from './business-form-values.ts'
import { LocationPicker } from './business-location-picker.tsx'
import { useKbliLookup } from './kbli.api.ts'

/** What every group of fields needs from the form: its name, values, labels and errors. */
export interface FormKit {
  form: string
  values: Values
  set: <K extends keyof Values>(name: K, value: Values[K]) => void
  labels: Record<string, string>
  errorOf: (name: string) => string | undefined
}

/**
 * The KBLI code as the person types it: its category, and once the operator has loaded the BPS
 * kelompok table, the kelompok's own title — or that the table does not have it.
 */
export function useKbliTitle(code: string): string | null {
  const { t } = useTranslation('umkm')
  const city = useCityParam()
  const check = checkKbliCode(code.trim())
  const lookup = useKbliLookup(city, check.ok ? check.code : null)
  if (!check.ok) return null
  const category = CURRENT_KBLI.categories.find((candidate) => candidate.letter === check.category)
  const categoryTitle = t('form.kbliTitle', {
    letter: check.category,
    name: category?.name ?? '',
    division: check.division,
    version: check.version,
  })
  if (lookup.data?.title) return `${lookup.data.title} · ${categoryTitle}`
  if (lookup.data?.problem) return t('form.kbliNotInTable', { code: check.code, version: check.version })
  return categoryTitle
}

function Section({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Fieldset
      legend={legend}
      variant="unstyled"
      styles={{ legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)', marginBottom: 8 } }}
    >
      <Stack gap="md">{children}</Stack>
    </Fieldset>
  )
}

function FieldText({
  kit,
  name,
  hint,
  required,
  inputMode,
}: {
  kit: FormKit
  name: TextField
  hint?: ReactNode
  required?: boolean
  inputMode?: 'decimal' | 'numeric' | 'tel'
}) {
  return (
    <TextInput
      id={fieldId(kit.form, name)}
      label={kit.labels[name]}
      description={hint}
      required={required}
      inputMode={inputMode}
      value={kit.values[name]}
      onChange={(event) => kit.set(name, event.currentTarget.value)}
      error={kit.errorOf(name)}
    />
  )
}

function LongText({
  kit,
  name,
  hint,
  maxLength,
}: {
  kit: FormKit
  name: 'products' | 'address'
  hint?: string
  maxLength: number
}) {
  return (
    <Textarea
      id={fieldId(kit.form, name)}
      label={kit.labels[name]}
      description={hint}
      autosize
      minRows={2}
      maxLength={maxLength}
      value={kit.values[name]}
      onChange={(event) => kit.set(name, event.currentTarget.value)}
      error={kit.errorOf(name)}
    />
  )
}

export function BusinessFields({ kit }: { kit: FormKit }) {
  const { t } = useTranslation('umkm')
  const kbliTitle = useKbliTitle(kit.values.kbliCode)
  return (
    <Section legend={t('form.sectionBusiness')}>
      <FieldText kit={kit} name="name" required />
      <FieldText
        kit={kit}
        name="kbliCode"
        required
        inputMode="numeric"
        hint={kbliTitle ?? t('form.kbliCodeHint')}
      />
      <FieldText kit={kit} name="nib" inputMode="numeric" hint={t('form.nibHint')} />
      <LongText kit={kit} name="products" hint={t('form.productsHint')} maxLength={500} />
      <NativeSelect
        id={fieldId(kit.form, 'selfReportedScale')}
        label={kit.labels.selfReportedScale}
        description={t('form.selfReportedScaleHint')}
        value={kit.values.selfReportedScale}
        onChange={(event) => kit.set('selfReportedScale', event.currentTarget.value)}
        data={[
          { value: '', label: t('form.notStated') },
          ...SCALES.map((scale) => ({ value: scale, label: t(`scales.${scale}`) })),
        ]}
        error={kit.errorOf('selfReportedScale')}
      />
      <StartFields kit={kit} />
    </Section>
  )
}

/** When the business started operating: the registry counts a past year with the businesses operating then. */
function StartFields({ kit }: { kit: FormKit }) {
  const { t, i18n } = useTranslation('umkm')
  const monthName = (month: number) =>
    new Date(Date.UTC(2000, month - 1, 1)).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'id-ID', {
      month: 'long',
      timeZone: 'UTC',
    })
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }}>
      <FieldText kit={kit} name="startedYear" inputMode="numeric" hint={t('form.startedYearHint')} />
      <NativeSelect
        id={fieldId(kit.form, 'startedMonth')}
        label={kit.labels.startedMonth}
        value={kit.values.startedMonth}
        onChange={(event) => kit.set('startedMonth', event.currentTarget.value)}
        data={[
          { value: '', label: t('form.notStated') },
          ...Array.from({ length: 12 }, (_, index) => ({
            value: String(index + 1),
            label: monthName(index + 1),
          })),
        ]}
        error={kit.errorOf('startedMonth')}
      />
    </SimpleGrid>
  )
}

/** The owner and where they live, kept apart from where the business is. */
export function OwnerFields({ kit, isMasked }: { kit: FormKit; isMasked: boolean }) {
  const { t } = useTranslation('umkm')
  return (
    <Section legend={t('form.sectionOwner')}>
      {isMasked ? (
        <Text>{t('form.ownerMasked')}</Text>
      ) : (
        <>
          <FieldText kit={kit} name="ownerName" required />
          <FieldText kit={kit} name="ownerNik" inputMode="numeric" hint={t('form.ownerNikHint')} />
          <FieldText kit={kit} name="ownerPhone" inputMode="tel" />
          <FieldText kit={kit} name="ownerVillageCode" hint={t('form.ownerVillageCodeHint')} />
        </>
      )}
    </Section>
  )
}

export function PlaceFields({ kit, city }: { kit: FormKit; city: string }) {
  const { t } = useTranslation(['umkm', 'translation'])
  const regions = useCityRegions(city)
  const villageOptions = (regions.data?.districts ?? []).map((district) => ({
    group: district.name,
    items: district.villages.map((village) => ({
      value: village.code,
      label: `${village.name} (${t(`kind.${village.kind}`, { ns: 'translation', defaultValue: village.kind })})`,
    })),
  }))
  return (
    <Section legend={t('form.sectionPlace')}>
      <Select
        id={fieldId(kit.form, 'villageCode')}
        label={kit.labels.villageCode}
        description={t('form.villageCodeHint')}
        searchable
        clearable
        nothingFoundMessage="—"
        value={kit.values.villageCode}
        onChange={(value) => kit.set('villageCode', value)}
        data={villageOptions}
        error={kit.errorOf('villageCode')}
      />
      <LongText kit={kit} name="address" maxLength={300} />
      <FieldText kit={kit} name="latitude" inputMode="decimal" hint={t('form.coordinatesHint')} />
      <FieldText kit={kit} name="longitude" inputMode="decimal" />
      <LocationPicker kit={kit} />
    </Section>
  )
}

/** Headcounts as in the SIDT layout: paid and unpaid by sex, and disability (overlapping). */
export function WorkerFields({ kit }: { kit: FormKit }) {
  const { t } = useTranslation('umkm')
  return (
    <Section legend={t('form.sectionWorkers')}>
      <Text size="sm">{t('form.workersHint')}</Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        {WORKER_FIELDS.map((name) => (
          <NumberInput
            key={name}
            id={fieldId(kit.form, name)}
            label={kit.labels[name]}
            allowDecimal={false}
            allowNegative={false}
            hideControls
            min={0}
            value={kit.values[name]}
            onChange={(value) => kit.set(name, value)}
            error={kit.errorOf(name)}
          />
        ))}
      </SimpleGrid>
    </Section>
  )
}
