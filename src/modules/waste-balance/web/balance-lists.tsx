import { SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useCityRegions } from '../../../platform/web/api/hooks.ts'
import { formatPercent } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { formatTonnes, NS } from './balance-ui.tsx'
import { FigureTable } from './figure-table.tsx'
import type { CityBalance } from './waste-balance.api.ts'

function shareOf(grams: number, total: number) {
  return total > 0 ? formatPercent(grams / total, currentLanguage()) : '—'
}

/** B and C per kecamatan, named from the city's regions (the API sends codes). */
function DistrictTable({ city, balance }: { city: string; balance: CityBalance }) {
  const { t } = useTranslation(NS)
  const language = currentLanguage()
  const regions = useCityRegions(city)
  const names = new Map((regions.data?.districts ?? []).map((district) => [district.code, district.name]))
  return (
    <section aria-labelledby="districts-title">
      <Title order={2} size="h3" id="districts-title" mb="xs">
        {t('lists.districtsTitle')}
      </Title>
      {balance.districts.length === 0 ? (
        <Text>{t('lists.empty')}</Text>
      ) : (
        <FigureTable
          caption={t('lists.districtsCaption')}
          headers={[
            t('lists.district'),
            `${t('figures.reductionShort')} (t)`,
            `${t('figures.handlingShort')} (t)`,
          ]}
          rows={balance.districts.map((row) => ({
            key: row.districtCode ?? 'none',
            cells: [
              row.districtCode === null
                ? t('lists.noDistrict')
                : (names.get(row.districtCode) ?? row.districtCode),
              formatTonnes(row.reduction, language),
              formatTonnes(row.handling, language),
            ],
          }))}
        />
      )}
    </section>
  )
}

function NamedGrams(props: {
  id: string
  title: string
  caption: string
  rows: { name: string; grams: number }[]
}) {
  const { t } = useTranslation(NS)
  const language = currentLanguage()
  const total = props.rows.reduce((sum, row) => sum + row.grams, 0)
  return (
    <section aria-labelledby={props.id}>
      <Title order={2} size="h3" id={props.id} mb="xs">
        {props.title}
      </Title>
      {props.rows.length === 0 ? (
        <Text>{t('lists.empty')}</Text>
      ) : (
        <FigureTable
          caption={props.caption}
          headers={[t('lists.name'), t('charts.tonnes'), t('lists.share')]}
          rows={props.rows.map((row) => ({
            key: row.name,
            cells: [row.name, formatTonnes(row.grams, language), shareOf(row.grams, total)],
          }))}
        />
      )}
    </section>
  )
}

export function BalanceLists({ city, balance }: { city: string; balance: CityBalance }) {
  const { t } = useTranslation([NS, 'waste'])
  return (
    <Stack gap="xl">
      <DistrictTable city={city} balance={balance} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <NamedGrams
          id="composition-title"
          title={t('lists.compositionTitle')}
          caption={t('lists.compositionCaption')}
          rows={balance.composition.map((row) => ({
            name: t(`materials.${row.material}`, { ns: 'waste', defaultValue: row.material }),
            grams: row.grams,
          }))}
        />
        <NamedGrams
          id="sources-title"
          title={t('lists.sourcesTitle')}
          caption={t('lists.sourcesCaption')}
          rows={balance.sources.map((row) => ({
            name: t(`sectors.${row.sector}`, { ns: 'waste', defaultValue: row.sector }),
            grams: row.grams,
          }))}
        />
      </SimpleGrid>
    </Stack>
  )
}
