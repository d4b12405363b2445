import { Box, Text } from '@mantine/core'
import type { ReactNode } from 'react'

/** GOV.UK summary list: a <dl> whose rows stack on a phone. */
export function SummaryList({ rows }: { rows: { label: string; value: ReactNode }[] }) {
  return (
    <Box component="dl" m={0} maw={760}>
      {rows.map((row) => (
        <Box
          key={row.label}
          display="flex"
          py="xs"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-4)', flexWrap: 'wrap', columnGap: 16 }}
        >
          <Text component="dt" fw={700} style={{ flex: '1 1 200px' }}>
            {row.label}
          </Text>
          <Text component="dd" m={0} style={{ flex: '2 1 260px', overflowWrap: 'anywhere' }}>
            {row.value}
          </Text>
        </Box>
      ))}
    </Box>
  )
}
