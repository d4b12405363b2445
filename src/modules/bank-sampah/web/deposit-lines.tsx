import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatRupiah } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { fieldId } from '../../../platform/web/ui/error-summary.tsx'
import type { PriceRow } from '../domain/money.ts'
import type { DraftLine, PricedLine } from './teller-logic.ts'
import { TOUCH, useMaterialName } from './teller-ui.tsx'

export const DEPOSIT_FORM = 'deposit'

export type KeyedLine = DraftLine & { key: number }

/** "Rp3.500/kg × 2,5 kg = Rp8.750", or what is still missing to say so. */
function LineAmount({ line }: { line: PricedLine }) {
  const { t } = useTranslation('bank-sampah')
  const language = currentLanguage()
  if (line.pricePerKgRupiah === null) return null
  return (
    <Text size="md" aria-live="polite">
      {t('deposit.pricePerKg', { price: formatRupiah(line.pricePerKgRupiah, language) })}
      {line.amountRupiah !== null && (
        <>
          {' · '}
          <Text span fw={700}>
            {t('deposit.lineAmount', { amount: formatRupiah(line.amountRupiah, language) })}
          </Text>
        </>
      )}
    </Text>
  )
}

/** One line of the deposit: which material (only those with a price today), how heavy, what it pays. */
export function DepositLineFields({
  index,
  line,
  priced,
  prices,
  onChange,
  onRemove,
  errorOf,
}: {
  index: number
  line: KeyedLine
  priced: PricedLine
  prices: PriceRow[]
  onChange: (line: KeyedLine) => void
  onRemove?: () => void
  errorOf: (name: string) => string | undefined
}) {
  const { t } = useTranslation('bank-sampah')
  const materialName = useMaterialName()
  const number = index + 1
  return (
    <Paper withBorder p="sm" radius="md" component="fieldset" style={{ margin: 0 }}>
      <Text component="legend" fw={700} px={4}>
        {t('deposit.lineLegend', { number })}
      </Text>
      <Stack gap="sm">
        <NativeSelect
          id={fieldId(DEPOSIT_FORM, `lines.${index}.subMaterial`)}
          label={t('deposit.material', { number })}
          size="lg"
          value={line.subMaterial}
          onChange={(event) => onChange({ ...line, subMaterial: event.currentTarget.value })}
          data={[
            { value: '', label: t('deposit.chooseMaterial') },
            ...prices.map((price) => ({ value: price.subMaterial, label: materialName(price.subMaterial) })),
          ]}
          error={errorOf(`lines.${index}.subMaterial`)}
        />
        <TextInput
          id={fieldId(DEPOSIT_FORM, `lines.${index}.weightGrams`)}
          label={t('deposit.weight', { number })}
          description={t('deposit.weightHint')}
          inputMode="decimal"
          autoComplete="off"
          size="lg"
          maw={240}
          rightSection={<Text aria-hidden>kg</Text>}
          rightSectionWidth={48}
          value={line.weight}
          onChange={(event) => onChange({ ...line, weight: event.currentTarget.value })}
          error={errorOf(`lines.${index}.weightGrams`)}
        />
        <Group justify="space-between" align="center">
          <LineAmount line={priced} />
          {onRemove && (
            <Button variant="subtle" color="red" c="red.9" style={TOUCH} onClick={onRemove}>
              {t('deposit.removeLine', { number })}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  )
}
