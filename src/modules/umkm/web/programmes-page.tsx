import { Anchor, Box, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { SampleDataBadge } from '../../../platform/web/ui/sample-data-badge.tsx'
import { type Programme, useProgrammes } from './coaching.api.ts'
import { FullBadge, useEnrolledText, useProgrammeDates } from './programme-labels.tsx'
import { useCanEditUmkm } from './umkm-labels.tsx'

function ProgrammeLink({ programme }: { programme: Programme }) {
  const city = useCityParam()
  return (
    <Group gap="xs" component="span">
      <Anchor component={Link} to={`/c/${city}/umkm/programmes/${programme.id}`} fw={600}>
        {programme.name}
      </Anchor>
      {programme.isSampleData && <SampleDataBadge />}
    </Group>
  )
}

function Enrolled({ programme }: { programme: Programme }) {
  const enrolledOf = useEnrolledText()
  return (
    <Group gap="xs" wrap="nowrap">
      <Text span style={{ whiteSpace: 'nowrap' }}>
        {enrolledOf(programme)}
      </Text>
      {programme.isFull && <FullBadge />}
    </Group>
  )
}

function ProgrammeTable({ items }: { items: Programme[] }) {
  const { t } = useTranslation('umkm')
  const datesOf = useProgrammeDates()
  return (
    <Box visibleFrom="sm">
      <Table.ScrollContainer minWidth={720}>
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('programmes.colName')}</Table.Th>
              <Table.Th scope="col">{t('programmes.colAgency')}</Table.Th>
              <Table.Th scope="col">{t('programmes.colDates')}</Table.Th>
              <Table.Th scope="col">{t('programmes.colEnrolled')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((programme) => (
              <Table.Tr key={programme.id}>
                <Table.Td>
                  <ProgrammeLink programme={programme} />
                  <Text size="sm">{t(`programmes.kinds.${programme.kind}`)}</Text>
                </Table.Td>
                <Table.Td>{programme.agency}</Table.Td>
                <Table.Td>{datesOf(programme)}</Table.Td>
                <Table.Td>
                  <Enrolled programme={programme} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Box>
  )
}

/** On a phone each programme becomes a card, so the places left are not scrolled out of sight. */
function ProgrammeCards({ items }: { items: Programme[] }) {
  const { t } = useTranslation('umkm')
  const datesOf = useProgrammeDates()
  return (
    <Stack component="ul" gap="xs" p={0} m={0} hiddenFrom="sm" style={{ listStyle: 'none' }}>
      {items.map((programme) => (
        <Card component="li" withBorder padding="sm" key={programme.id}>
          <Stack gap={4}>
            <ProgrammeLink programme={programme} />
            <Text size="sm">
              {t(`programmes.kinds.${programme.kind}`)} · {programme.agency}
            </Text>
            <Text size="sm">{datesOf(programme)}</Text>
            <Group gap="xs">
              <Text size="sm">{t('programmes.colEnrolled')}:</Text>
              <Enrolled programme={programme} />
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  )
}

/** The city's coaching programmes (pembinaan): who runs them, when, and how full they are. */
export default function ProgrammesPage() {
  const { t } = useTranslation('umkm')
  const city = useCityParam()
  const programmes = useProgrammes(city)
  const canEdit = useCanEditUmkm(city)
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('programmes.title')}</Title>
        {canEdit && (
          <Button component={Link} to={`/c/${city}/umkm/programmes/new`}>
            {t('programmes.add')}
          </Button>
        )}
      </Group>
      <Text maw={720}>{t('programmes.lead')}</Text>
      <QueryState query={programmes}>
        {(items) =>
          items.length === 0 ? (
            <Text>{t('programmes.empty')}</Text>
          ) : (
            <>
              <ProgrammeTable items={items} />
              <ProgrammeCards items={items} />
            </>
          )
        }
      </QueryState>
    </Stack>
  )
}
