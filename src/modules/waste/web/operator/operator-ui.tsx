import { Alert, Anchor, Button, Group, Radio, Stack, Text, TextInput, Title } from '@mantine/core'
import type { TFunction } from 'i18next'
import { type ReactNode, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useWorkspace } from '../../../../platform/web/api/hooks.ts'
import { formatDate, formatKilograms } from '../../../../platform/web/format.ts'
import { currentLanguage } from '../../../../platform/web/i18n/setup.ts'
import { useCityParam } from '../../../../platform/web/layout/city-shell.tsx'
import { fieldId } from '../../../../platform/web/ui/error-summary.tsx'
import { useFacility } from '../facilities.api.ts'
import type { MassBalanceConflict } from './operator.api.ts'
import { type Parsed, todayIn } from './quantities.ts'

/** Thumb-sized: GOV.UK and WCAG 2.5.5 ask for at least 44 px; we use 48. */
export const TOUCH = { minHeight: 48 }

/** The city, the facility in the address, and today's date in the city's own time zone. */
export function useOperatorSite() {
  const city = useCityParam()
  const facilityId = useParams().facilityId ?? ''
  const workspace = useWorkspace(city)
  const facility = useFacility(city, facilityId)
  const timeZone = workspace.data?.city.timezone ?? 'Asia/Jakarta'
  return {
    city,
    facilityId,
    facility,
    timeZone,
    today: todayIn(timeZone),
    home: `/c/${city}/waste/operator/${facilityId}`,
  }
}

/** Frame of every task page: a way back to the task menu, the page title and the site's name. */
export function TaskLayout({
  title,
  children,
  back,
}: {
  title: string
  children: ReactNode
  /** Where "back" goes: the task menu unless given; null when the page offers its own way back. */
  back?: { to: string; label: string } | null
}) {
  const { t } = useTranslation('waste')
  const { facility, home } = useOperatorSite()
  return (
    <Stack gap="md" maw={560}>
      {back !== null && (
        <Anchor
          component={Link}
          to={back?.to ?? home}
          style={{ ...TOUCH, display: 'inline-flex', alignItems: 'center' }}
        >
          {back?.label ?? t('operator.backToMenu')}
        </Anchor>
      )}
      <div>
        {facility.data && (
          <Text size="sm" c="gray.8">
            {facility.data.name}
          </Text>
        )}
        <Title order={1}>{title}</Title>
      </div>
      {children}
    </Stack>
  )
}

export interface Choice {
  value: string
  label: string
  hint?: string
}

/** One question answered by one tap: big radio cards, the whole card is the target. */
export function ChoiceField({
  form,
  name,
  legend,
  hint,
  choices,
  value,
  onChange,
  error,
}: {
  form: string
  name: string
  legend: string
  hint?: string
  choices: Choice[]
  value: string
  onChange: (value: string) => void
  error?: string
}) {
  return (
    <Radio.Group
      id={fieldId(form, name)}
      label={legend}
      description={hint}
      value={value}
      onChange={onChange}
      error={error}
      styles={{ label: { fontSize: 'var(--mantine-font-size-lg)', fontWeight: 700, marginBottom: 4 } }}
    >
      <Stack gap="xs" mt="xs">
        {choices.map((choice) => (
          <Radio.Card key={choice.value} value={choice.value} p="sm" radius="md" style={TOUCH}>
            <Group wrap="nowrap" align="center" gap="sm">
              <Radio.Indicator />
              <div>
                <Text fw={600}>{choice.label}</Text>
                {choice.hint && (
                  <Text size="sm" c="gray.8">
                    {choice.hint}
                  </Text>
                )}
              </div>
            </Group>
          </Radio.Card>
        ))}
      </Stack>
    </Radio.Group>
  )
}

/** Kilograms with a decimal comma; the phone shows its number pad. */
export function WeightField({
  form,
  label,
  value,
  onChange,
  error,
  name = 'weightGrams',
}: {
  form: string
  label?: string
  value: string
  onChange: (value: string) => void
  error?: string
  name?: string
}) {
  const { t } = useTranslation('waste')
  return (
    <TextInput
      id={fieldId(form, name)}
      label={label ?? t('operator.weight')}
      description={t('operator.weightHint')}
      inputMode="decimal"
      autoComplete="off"
      size="lg"
      rightSection={<Text aria-hidden>kg</Text>}
      rightSectionWidth={48}
      maw={240}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
    />
  )
}

/** Whole rupiah, e.g. 3.500. */
export function RupiahField({
  form,
  name,
  label,
  hint,
  value,
  onChange,
  error,
}: {
  form: string
  name: string
  label: string
  hint?: string
  value: string
  onChange: (value: string) => void
  error?: string
}) {
  return (
    <TextInput
      id={fieldId(form, name)}
      label={label}
      description={hint}
      inputMode="numeric"
      autoComplete="off"
      size="lg"
      leftSection={<Text aria-hidden>Rp</Text>}
      maw={280}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
    />
  )
}

/** Today unless changed: for catching up on yesterday's book. */
export function DateField({
  form,
  value,
  today,
  onChange,
  error,
  label,
  name = 'date',
}: {
  form: string
  value: string
  today: string
  onChange: (value: string) => void
  error?: string
  label?: string
  name?: string
}) {
  const { t } = useTranslation('waste')
  return (
    <TextInput
      id={fieldId(form, name)}
      type="date"
      label={label ?? t('operator.date')}
      description={value === today ? t('operator.dateToday') : t('operator.dateNotToday')}
      max={today}
      size="lg"
      maw={240}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
    />
  )
}

export function SubmitButton({ children, loading }: { children: ReactNode; loading?: boolean }) {
  return (
    <Button type="submit" size="lg" loading={loading} fullWidth maw={360} style={TOUCH}>
      {children}
    </Button>
  )
}

/** The message for a parse refusal, next to the field it came from. */
export function parseMessage(
  t: TFunction<'waste'>,
  parsed: Parsed,
  kind: 'weight' | 'money',
): string | undefined {
  if (parsed.ok) return undefined
  return t(`operator.problems.${kind}.${parsed.reason}`)
}

/** "Stok plastik pada 28 Nov 2026 hanya 17,5 kg; Anda mencatat 20 kg." */
export function massBalanceMessage(t: TFunction<'waste'>, conflict: MassBalanceConflict): string {
  const language = currentLanguage()
  return t('operator.massBalance', {
    material: t(`materials.${conflict.material}`).toLocaleLowerCase(language),
    date: formatDate(conflict.date, language),
    stock: formatKilograms(Math.max(conflict.stockGrams, 0), language),
    requested: formatKilograms(conflict.requestedGrams, language),
    shortfall: formatKilograms(conflict.shortfallGrams, language),
  })
}

/** Saved: what was recorded, in words, with the two next steps an operator takes. */
export function SavedPanel({
  title,
  lines,
  onAgain,
}: {
  title: string
  lines: ReactNode[]
  onAgain: () => void
}) {
  const { t } = useTranslation('waste')
  const { home } = useOperatorSite()
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [])
  return (
    <Stack gap="md">
      <Alert ref={ref} tabIndex={-1} color="teal" variant="filled" role="status" title={title}>
        <Stack gap={4}>
          {lines.map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of sentences
            <Text key={index} c="white">
              {line}
            </Text>
          ))}
        </Stack>
      </Alert>
      <Button size="lg" onClick={onAgain} fullWidth maw={360} style={TOUCH}>
        {t('operator.recordAgain')}
      </Button>
      <Button component={Link} to={home} size="lg" variant="default" fullWidth maw={360} style={TOUCH}>
        {t('operator.backToMenu')}
      </Button>
    </Stack>
  )
}
