import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { problemMessage } from '../../../platform/web/api/problem.ts'
import { formatDate, formatNumber, formatRupiah } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { firstDayAfter, MONTH_PATTERN, previousMonth } from '../domain/centre.ts'
import { type MonthStatements, useMonthStatements, useSettleMonth } from './centre.api.ts'
import { CentreLinks, formatMonth, TOUCH, useCentreRights, useCityToday } from './centre-labels.tsx'

type Row = MonthStatements['businesses'][number]

/** Settling is final: the button asks once more, with the amount, before it pays out. */
function SettleControl({ city, month, row }: { city: string; month: string; row: Row }) {
  const { t, i18n } = useTranslation('umkm')
  const language = currentLanguage()
  const settle = useSettleMonth(city)
  const [confirming, setConfirming] = useState(false)
  // One key per confirmation: a double tap on "Ya" settles once.
  const [key, setKey] = useState(newIdempotencyKey)
  if (!confirming)
    return (
      <Button
        size="sm"
        onClick={() => setConfirming(true)}
        aria-label={t('centre.statements.settleOne', { name: row.business.name })}
      >
        {t('centre.statements.settle')}
      </Button>
    )
  return (
    <Stack gap="xs">
      <Text size="sm">
        {t('centre.statements.confirm', {
          name: row.business.name,
          amount: formatRupiah(row.payableRupiah, language),
        })}
      </Text>
      {settle.isError && (
        <Alert color="red" variant="outline" role="alert">
          {problemMessage(i18n, settle.error)}
        </Alert>
      )}
      <Group gap="xs">
        <Button
          size="sm"
          loading={settle.isPending}
          onClick={() =>
            settle.mutate(
              { businessId: row.business.id, month, key },
              { onError: () => setKey(newIdempotencyKey()) },
            )
          }
        >
          {t('centre.statements.confirmYes')}
        </Button>
        <Button size="sm" variant="subtle" onClick={() => setConfirming(false)}>
          {t('centre.cancel')}
        </Button>
      </Group>
    </Stack>
  )
}

function Status({ row }: { row: Row }) {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  return row.settlement ? (
    <Text size="sm" c="teal.9" fw={600}>
      {t('centre.statements.settledOn', { date: formatDate(row.settlement.settledAt, language) })}
    </Text>
  ) : (
    <Text size="sm">{t('centre.statements.open')}</Text>
  )
}

function StatementTable({ city, data, canEdit }: { city: string; data: MonthStatements; canEdit: boolean }) {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  const rupiah = (value: number) => formatRupiah(value, language)
  const sum = (pick: (row: Row) => number) => data.businesses.reduce((total, row) => total + pick(row), 0)
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table
        striped
        verticalSpacing="xs"
        aria-label={t('centre.statements.tableLabel', { month: formatMonth(data.month, language) })}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('centre.products.colBusiness')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('centre.statements.quantity')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('centre.statements.gross')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('centre.statements.commission')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('centre.statements.payable')}
            </Table.Th>
            <Table.Th scope="col">{t('centre.statements.status')}</Table.Th>
            {canEdit && (
              <Table.Th scope="col">
                <span className="visually-hidden">{t('centre.statements.action')}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.businesses.map((row) => (
            <Table.Tr key={row.business.id}>
              <Table.Th scope="row" fw={400}>
                <Anchor
                  component={Link}
                  to={`/c/${city}/umkm/centre/statements/${data.month}/${row.business.id}`}
                  fw={600}
                >
                  {row.business.name}
                </Anchor>
              </Table.Th>
              <Table.Td ta="right">{formatNumber(row.quantity, language)}</Table.Td>
              <Table.Td ta="right">{rupiah(row.grossRupiah)}</Table.Td>
              <Table.Td ta="right">{rupiah(row.commissionRupiah)}</Table.Td>
              <Table.Td ta="right" fw={700}>
                {rupiah(row.payableRupiah)}
              </Table.Td>
              <Table.Td>
                <Status row={row} />
              </Table.Td>
              {canEdit && (
                <Table.Td>
                  {!row.settlement &&
                    (data.canSettle ? (
                      <SettleControl city={city} month={data.month} row={row} />
                    ) : (
                      <Button size="sm" disabled aria-describedby="settle-why">
                        {t('centre.statements.settle')}
                      </Button>
                    ))}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('centre.statements.all')}</Table.Th>
            <Table.Td ta="right" fw={700}>
              {formatNumber(
                sum((row) => row.quantity),
                language,
              )}
            </Table.Td>
            <Table.Td ta="right" fw={700}>
              {rupiah(sum((row) => row.grossRupiah))}
            </Table.Td>
            <Table.Td ta="right" fw={700}>
              {rupiah(sum((row) => row.commissionRupiah))}
            </Table.Td>
            <Table.Td ta="right" fw={700}>
              {rupiah(sum((row) => row.payableRupiah))}
            </Table.Td>
            <Table.Td />
            {canEdit && <Table.Td />}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  )
}

/** /c/:city/umkm/centre/statements?month=YYYY-MM: each producer's month — sold, commission, owed, settled. */
export default function CentreStatementsPage() {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  const city = useCityParam()
  const { today } = useCityToday(city)
  const { canEdit } = useCentreRights(city)
  const [params, setParams] = useSearchParams()
  const asked = params.get('month') ?? ''
  const month = MONTH_PATTERN.test(asked) ? asked : previousMonth(today)
  const statements = useMonthStatements(city, month)
  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Title order={1}>{t('centre.statements.title')}</Title>
        <CentreLinks city={city} current="statements" />
        <Text maw={720}>{t('centre.statements.lead')}</Text>
      </Stack>
      <TextInput
        type="month"
        label={t('centre.statements.month')}
        value={month}
        max={today.slice(0, 7)}
        onChange={(event) => {
          const next = event.currentTarget.value
          if (MONTH_PATTERN.test(next)) setParams({ month: next }, { replace: true })
        }}
        w={220}
        size="md"
        styles={{ input: TOUCH }}
      />
      <QueryState query={statements}>
        {(data) => (
          <Stack gap="sm">
            <Title order={2}>{formatMonth(data.month, language)}</Title>
            {!data.canSettle && (
              <Paper withBorder p="sm" bg="yellow.0" id="settle-why">
                <Text size="sm">
                  {t('centre.statements.notOver', {
                    month: formatMonth(data.month, language),
                    date: formatDate(firstDayAfter(data.month), language),
                  })}
                </Text>
              </Paper>
            )}
            {data.businesses.length === 0 ? (
              <Text>{t('centre.statements.empty')}</Text>
            ) : (
              <StatementTable city={city} data={data} canEdit={canEdit} />
            )}
          </Stack>
        )}
      </QueryState>
    </Stack>
  )
}
