import '@mantine/charts/styles.css'
import { BarChart } from '@mantine/charts'
import { Box, Stack, Table, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatNumber, formatPeriod } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { kilograms, OUT_BUCKETS, outGrams } from './dashboard-figures.ts'
import type { FacilityDashboard } from './facilities.api.ts'

/**
 * The dashboard's charts: loaded only on this page (recharts is large). Each chart is a <figure>
 * whose numbers are also given as a table under a disclosure, for screen readers and for copying.
 */
function ChartFigure({
  title,
  caption,
  chart,
  headers,
  rows,
}: {
  title: string
  caption: string
  chart: ReactNode
  headers: string[]
  rows: { key: string; cells: string[] }[]
}) {
  const { t } = useTranslation('waste')
  return (
    <Box component="figure" m={0}>
      <Title order={2} size="h3" mb="xs">
        {title}
      </Title>
      {/* Hidden from assistive technology (and kept out of the tab order): the table below says the same. */}
      <div aria-hidden="true">{chart}</div>
      <Text component="figcaption" size="sm" c="gray.8" mt="xs">
        {caption}
      </Text>
      <details>
        <summary style={{ cursor: 'pointer', padding: '8px 0', minHeight: 44 }}>
          {t('dashboard.showTable', { title })}
        </summary>
        <Table.ScrollContainer minWidth={280}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                {headers.map((header, index) => (
                  <Table.Th key={header} ta={index === 0 ? 'left' : 'right'} scope="col">
                    {header}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Th scope="row" fw={400}>
                    {row.cells[0]}
                  </Table.Th>
                  {headers.slice(1).map((header, column) => (
                    <Table.Td key={header} ta="right">
                      {row.cells[column + 1]}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </details>
    </Box>
  )
}

export default function FacilityDashboardCharts({ data }: { data: FacilityDashboard }) {
  const { t } = useTranslation('waste')
  const language = currentLanguage()
  const kg = (grams: number) => formatNumber(kilograms(grams), language)
  const kgAxis = (value: number) => formatNumber(value, language, 0)
  const kgTip = (value: number) => `${formatNumber(value, language)} kg`
  const inLabel = t('dashboard.in')
  const outLabel = t('dashboard.out')

  const perPeriod = data.periods.map((period) => ({
    period: formatPeriod(period.period, language),
    in: kilograms(period.grams.in),
    out: kilograms(outGrams(period.grams)),
  }))
  const destinations = OUT_BUCKETS.map((bucket) => ({
    destination: t(`dashboard.destinations.${bucket}`),
    kg: kilograms(data.totals.grams[bucket]),
    grams: data.totals.grams[bucket],
  }))
  const materials = data.byMaterial
    .filter((row) => row.grams.in > 0 || outGrams(row.grams) > 0)
    .map((row) => ({
      material: t(`materials.${row.material}`),
      in: kilograms(row.grams.in),
      out: kilograms(outGrams(row.grams)),
      grams: row.grams,
    }))

  return (
    <Stack gap="xl">
      <ChartFigure
        title={t('dashboard.inOutTitle')}
        caption={t(data.granularity === 'day' ? 'dashboard.inOutCaptionDay' : 'dashboard.inOutCaptionMonth')}
        chart={
          <BarChart
            accessibilityLayer={false}
            h={280}
            data={perPeriod}
            dataKey="period"
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            valueFormatter={kgTip}
            yAxisProps={{ tickFormatter: kgAxis, width: 64 }}
            yAxisLabel="kg"
            series={[
              { name: 'in', label: inLabel, color: 'teal.8' },
              { name: 'out', label: outLabel, color: 'orange.8' },
            ]}
          />
        }
        headers={[t('dashboard.period'), `${inLabel} (kg)`, `${outLabel} (kg)`]}
        rows={data.periods.map((period) => ({
          key: period.period,
          cells: [formatPeriod(period.period, language), kg(period.grams.in), kg(outGrams(period.grams))],
        }))}
      />
      <ChartFigure
        title={t('dashboard.destinationTitle')}
        caption={t('dashboard.destinationCaption')}
        chart={
          <BarChart
            accessibilityLayer={false}
            h={320}
            data={destinations}
            dataKey="destination"
            orientation="vertical"
            valueFormatter={kgTip}
            xAxisProps={{ tickFormatter: kgAxis }}
            yAxisProps={{ width: 120 }}
            series={[{ name: 'kg', label: t('dashboard.weightKg'), color: 'blue.8' }]}
          />
        }
        headers={[t('dashboard.destination'), t('dashboard.weightKg')]}
        rows={destinations.map((row) => ({ key: row.destination, cells: [row.destination, kg(row.grams)] }))}
      />
      <ChartFigure
        title={t('dashboard.materialTitle')}
        caption={t('dashboard.materialCaption')}
        chart={
          <BarChart
            accessibilityLayer={false}
            h={Math.max(200, materials.length * 48)}
            data={materials}
            dataKey="material"
            orientation="vertical"
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            valueFormatter={kgTip}
            xAxisProps={{ tickFormatter: kgAxis }}
            yAxisProps={{ width: 120 }}
            series={[
              { name: 'in', label: inLabel, color: 'teal.8' },
              { name: 'out', label: outLabel, color: 'orange.8' },
            ]}
          />
        }
        headers={[t('dashboard.material'), `${inLabel} (kg)`, `${outLabel} (kg)`]}
        rows={materials.map((row) => ({
          key: row.material,
          cells: [row.material, kg(row.grams.in), kg(outGrams(row.grams))],
        }))}
      />
    </Stack>
  )
}
