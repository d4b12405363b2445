import { Alert, Paper, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useWorkspace } from '../../../platform/web/api/hooks.ts'
import { formatNumber, formatPercent, type UiLocale } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { gramsToTonnes, splitNodeKey } from './balance-logic.ts'

export const NS = 'waste-balance'

/** Neraca figures are tonnes (SIPSN reports ton/hari and ton/tahun); the API sends integer grams. */
export function formatTonnes(grams: number, locale: UiLocale): string {
  return `${formatNumber(gramsToTonnes(grams), locale, 1)} t`
}

/** The API's percent with two decimals (45.67) → `45,7%`. */
export function formatShare(percent: number, locale: UiLocale): string {
  return formatPercent(percent / 100, locale)
}

export function useCanWriteBalance(city: string): boolean {
  return useWorkspace(city).data?.permissions.includes('waste_balance:write') ?? false
}

/** One figure of the balance as a definition: its name, its value, and a line on what it means. */
export function Figure({ label, value, note }: { label: string; value: ReactNode; note?: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="sm">
      <Text component="dt" size="sm" fw={700} c="gray.8">
        {label}
      </Text>
      <Text component="dd" m={0} fz={24} fw={700} lh={1.25} style={{ overflowWrap: 'break-word' }}>
        {value}
      </Text>
      {note && (
        <Text component="dd" m={0} size="sm" c="gray.8" mt={4}>
          {note}
        </Text>
      )}
    </Paper>
  )
}

/** A share of the timbulan: "—" with the reason when there is no estimate, never 0 %. */
export function ShareFigure(props: {
  label: string
  percent: number | null
  grams?: number | null
  note: string
}) {
  const { t } = useTranslation(NS)
  const language = currentLanguage()
  const tonnes =
    props.grams === undefined || props.grams === null ? null : `${formatTonnes(props.grams, language)}.`
  const reason = props.percent === null ? t('figures.noEstimateShare') : null
  return (
    <Figure
      label={props.label}
      value={props.percent === null ? '—' : formatShare(props.percent, language)}
      note={[tonnes, reason, props.note].filter(Boolean).join(' ')}
    />
  )
}

export function ExceedsWarning() {
  const { t } = useTranslation(NS)
  return (
    <Alert color="orange" variant="light" title={t('figures.exceedsTitle')}>
      {t('figures.exceedsBody')}
    </Alert>
  )
}

/** Indonesian names of the diagram's nodes: source sectors and facility kinds from the waste module. */
export function useNodeLabel(): (key: string) => string {
  const { t } = useTranslation([NS, 'waste'])
  return (key: string) => {
    const { group, name } = splitNodeKey(key)
    if (group === 'source') return t(`sectors.${name}`, { ns: 'waste', defaultValue: name })
    if (group === 'facility') return t(`kinds.${name}`, { ns: 'waste', defaultValue: name })
    if (group === 'part') return t(`parts.${name}`, { ns: NS, defaultValue: name })
    return t(`nodes.${group}`, { ns: NS, defaultValue: group })
  }
}
