import '@mantine/charts/styles.css'
import { CompositeChart, SankeyChart } from '@mantine/charts'
import { Box, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatNumber, formatPeriod } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { flowDiagram, gramsToTonnes } from './balance-logic.ts'
import { formatShare, formatTonnes, NS, useNodeLabel } from './balance-ui.tsx'
import { FigureTable, type Rows } from './figure-table.tsx'
import type { CityBalance } from './waste-balance.api.ts'

function ChartFigure({
  title,
  caption,
  chart,
  table,
  minWidth,
}: {
  title: string
  caption: string
  chart: ReactNode
  table: Rows
  /** Wider than a phone: the chart scrolls sideways rather than crushing its labels. */
  minWidth?: number
}) {
  const { t } = useTranslation(NS)
  return (
    <Box component="figure" m={0}>
      <Title order={2} size="h3" mb="xs">
        {title}
      </Title>
      {/* Hidden from assistive technology: the table below says the same. */}
      {minWidth ? (
        // A scrolling region must be reachable by keyboard (WCAG 2.1.1).
        <Box tabIndex={0} role="region" aria-label={title} style={{ overflowX: 'auto' }}>
          <Box aria-hidden="true" miw={minWidth}>
            {chart}
          </Box>
        </Box>
      ) : (
        <div aria-hidden="true">{chart}</div>
      )}
      <Text component="figcaption" size="sm" c="gray.8" mt="xs">
        {caption}
      </Text>
      <details>
        <summary style={{ cursor: 'pointer', padding: '8px 0', minHeight: 44 }}>
          {t('charts.showTable', { title })}
        </summary>
        <FigureTable {...table} />
      </details>
    </Box>
  )
}

function FlowFigure({ balance }: { balance: CityBalance }) {
  const { t } = useTranslation(NS)
  const language = currentLanguage()
  const label = useNodeLabel()
  const diagram = flowDiagram({
    links: balance.links,
    parts: balance.parts,
    unmanaged: balance.figures.unmanaged,
    label,
  })
  const tonnes = (value: number) => `${formatNumber(value, language, 1)} t`
  const chart =
    diagram.links.length === 0 ? (
      <Text>{t('charts.flowEmpty')}</Text>
    ) : (
      <SankeyChart
        data={diagram}
        height={Math.max(360, diagram.nodes.length * 34)}
        valueFormatter={tonnes}
        nodePadding={18}
        linkColor="gray.5"
        linkOpacity={0.55}
        colors={['teal.8', 'blue.8', 'orange.8', 'grape.8', 'cyan.8', 'indigo.8']}
        sankeyProps={{ accessibilityLayer: false, margin: { top: 10, right: 180, bottom: 10, left: 10 } }}
      />
    )
  return (
    <ChartFigure
      title={t('charts.flowTitle')}
      caption={t('charts.flowCaption')}
      chart={chart}
      minWidth={760}
      table={{
        headers: [t('charts.from'), t('charts.to'), t('charts.tonnes')],
        rows: diagram.links.map((link) => ({
          key: `${link.source}-${link.target}`,
          cells: [
            diagram.nodes[link.source]!.name,
            diagram.nodes[link.target]!.name,
            formatTonnes(link.grams, language),
          ],
        })),
      }}
    />
  )
}

function TrendFigure({ balance }: { balance: CityBalance }) {
  const { t } = useTranslation(NS)
  const language = currentLanguage()
  const data = balance.months.map(({ month, figures }) => ({
    month: formatPeriod(month, language),
    reduction: gramsToTonnes(figures.reduction),
    handling: gramsToTonnes(figures.handling),
    managed: figures.percent.managed,
  }))
  const hasShare = data.some((row) => row.managed !== null)
  const share = (percent: number | null) => (percent === null ? '—' : formatShare(percent, language))
  return (
    <ChartFigure
      title={t('charts.trendTitle')}
      caption={t(hasShare ? 'charts.trendCaption' : 'charts.trendCaptionNoShare')}
      chart={
        <CompositeChart
          accessibilityLayer={false}
          h={300}
          data={data}
          dataKey="month"
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          yAxisProps={{ tickFormatter: (value: number) => formatNumber(value, language, 0), width: 64 }}
          yAxisLabel="t"
          withRightYAxis={hasShare}
          rightYAxisLabel="%"
          rightYAxisProps={{ domain: [0, 100] }}
          series={[
            { name: 'reduction', label: t('figures.reductionShort'), color: 'teal.8', type: 'bar' },
            { name: 'handling', label: t('figures.handlingShort'), color: 'blue.8', type: 'bar' },
            ...(hasShare
              ? [
                  {
                    name: 'managed',
                    label: t('figures.managedShort'),
                    color: 'orange.8',
                    type: 'line' as const,
                    yAxisId: 'right',
                  },
                ]
              : []),
          ]}
        />
      }
      table={{
        headers: [
          t('charts.month'),
          `${t('figures.reductionShort')} (t)`,
          `${t('figures.handlingShort')} (t)`,
          t('figures.managedShort'),
        ],
        rows: balance.months.map(({ month, figures }) => ({
          key: month,
          cells: [
            formatPeriod(month, language),
            formatNumber(gramsToTonnes(figures.reduction), language, 1),
            formatNumber(gramsToTonnes(figures.handling), language, 1),
            share(figures.percent.managed),
          ],
        })),
      }}
    />
  )
}

/** Loaded with recharts after the headline figures, on the dashboard and the public page. */
export default function BalanceCharts({ balance }: { balance: CityBalance }) {
  return (
    <Stack gap="xl">
      <FlowFigure balance={balance} />
      {balance.months.length > 1 && <TrendFigure balance={balance} />}
    </Stack>
  )
}
