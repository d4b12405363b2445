import { Anchor, Button, NativeSelect, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { useCityRegions, useWorkspace } from '../../../platform/web/api/hooks.ts'
import { problemMessage } from '../../../platform/web/api/problem.ts'
import { formatPeriod } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { todayInZone } from './balance-logic.ts'
import { formatTonnes, NS, useCanWriteBalance } from './balance-ui.tsx'
import { ManualFlowForm } from './manual-flow-form.tsx'
import { ManualFlowsImport } from './manual-flows-import.tsx'
import { type ManualFlow, useManualFlows, useRemoveManualFlow } from './waste-balance.api.ts'

function FlowsTable({ city, flows, canWrite }: { city: string; flows: ManualFlow[]; canWrite: boolean }) {
  const { t, i18n } = useTranslation([NS, 'waste'])
  const language = currentLanguage()
  const remove = useRemoveManualFlow(city)
  const regions = useCityRegions(city)
  const district = (code: string | null) =>
    code === null
      ? t('flows.wholeCity')
      : (regions.data?.districts.find((row) => row.code === code)?.name ?? code)
  const onRemove = (flow: ManualFlow) => {
    if (window.confirm(t('flows.confirmRemove', { month: formatPeriod(flow.month.slice(0, 7), language) }))) {
      remove.mutate(flow.id)
    }
  }
  if (flows.length === 0) return <Text>{t('flows.empty')}</Text>
  return (
    <Stack gap="xs">
      {remove.isError && (
        <Text role="alert" c="red.9">
          {problemMessage(i18n, remove.error)}
        </Text>
      )}
      <Table.ScrollContainer minWidth={720}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              {['month', 'part', 'material', 'districtCode', 'weightGrams', 'source'].map((name) => (
                <Table.Th key={name} scope="col">
                  {t(`flows.${name}`)}
                </Table.Th>
              ))}
              {canWrite && <Table.Th scope="col">{t('flows.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {flows.map((flow) => (
              <Table.Tr key={flow.id}>
                <Table.Td>{formatPeriod(flow.month.slice(0, 7), language)}</Table.Td>
                <Table.Td>{t(`parts.${flow.part}`, { defaultValue: flow.part })}</Table.Td>
                <Table.Td>
                  {flow.material
                    ? t(`materials.${flow.material}`, { ns: 'waste', defaultValue: flow.material })
                    : '—'}
                </Table.Td>
                <Table.Td>{district(flow.districtCode)}</Table.Td>
                <Table.Td ta="right">{formatTonnes(flow.weightGrams, language)}</Table.Td>
                <Table.Td>
                  {flow.source} ({t(`flows.provenance.${flow.provenance}`)})
                </Table.Td>
                {canWrite && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="outline"
                      color="red.9"
                      onClick={() => onRemove(flow)}
                      loading={remove.isPending && remove.variables === flow.id}
                    >
                      {t('flows.remove')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  )
}

/** /c/:city/waste-balance/manual-flows?year=: flows entered by hand, the informal sector above all. */
export default function ManualFlowsPage() {
  const { t } = useTranslation(NS)
  const city = useCityParam()
  const timeZone = useWorkspace(city).data?.city.timezone ?? 'Asia/Jakarta'
  const thisYear = Number(todayInZone(timeZone).slice(0, 4))
  const [params, setParams] = useSearchParams()
  const year = Number(params.get('year')) || thisYear
  const flows = useManualFlows(city, String(year))
  const canWrite = useCanWriteBalance(city)
  const years = Array.from({ length: 6 }, (_, index) => String(thisYear - index))
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/c/${city}/waste-balance?period=${year}`}>
        {t('form.back')}
      </Anchor>
      <Title order={1}>{t('flows.title', { year })}</Title>
      <Text maw={640}>{t('flows.lead')}</Text>
      <NativeSelect
        label={t('period.year')}
        value={String(year)}
        data={years}
        maw={200}
        onChange={(event) => setParams({ year: event.currentTarget.value })}
      />
      <QueryState query={flows}>
        {(list) => <FlowsTable city={city} flows={list} canWrite={canWrite} />}
      </QueryState>
      {canWrite && <ManualFlowForm key={year} city={city} year={year} />}
      {canWrite && <ManualFlowsImport city={city} />}
    </Stack>
  )
}
