import { Table } from '@mantine/core'

export interface Rows {
  headers: string[]
  rows: { key: string; cells: string[] }[]
}

/** The numbers behind a chart, as a table: for screen readers and for copying. */
export function FigureTable({ caption, headers, rows }: Rows & { caption?: string }) {
  return (
    <Table.ScrollContainer minWidth={280}>
      <Table striped withTableBorder>
        {caption && <Table.Caption>{caption}</Table.Caption>}
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
              {row.cells.slice(1).map((cell, column) => (
                <Table.Td key={headers[column + 1]} ta={/^[\d—-]/.test(cell) ? 'right' : 'left'}>
                  {cell}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
