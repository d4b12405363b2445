import { Table } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DistrictRow } from './indicator-logic.ts'
import { usePeriodLabel, ValueList } from './value-list.tsx'

/** Per kecamatan: one row per kecamatan and period; scrolls sideways on a phone. */
export function DistrictTable({
  rows,
  unit,
  caption,
}: {
  rows: DistrictRow[]
  unit: string
  caption: string
}) {
  const { t } = useTranslation()
  const periodLabel = usePeriodLabel()
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped withTableBorder>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('indicators.district')}</Table.Th>
            <Table.Th scope="col">{t('indicators.period')}</Table.Th>
            <Table.Th scope="col">{t('indicators.value')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.flatMap((row) => {
            const periods = [...new Set(row.values.map((value) => value.period))]
            return periods.map((period, index) => (
              <Table.Tr key={`${row.code}-${period}`}>
                {index === 0 ? (
                  <Table.Th scope="row" rowSpan={periods.length} fw={600}>
                    {row.name}
                  </Table.Th>
                ) : null}
                <Table.Td>{periodLabel(period)}</Table.Td>
                <Table.Td>
                  <ValueList values={row.values.filter((value) => value.period === period)} unit={unit} />
                </Table.Td>
              </Table.Tr>
            ))
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
