import { Badge, Button, Checkbox, Code, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { problemMessage } from '../../../platform/web/api/problem.ts'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { type Agency, useAgencies, useUpdateAgency } from './agencies.api.ts'
import { AgencyForm } from './agency-form.tsx'

function AgencyRow({ agency, onEdit }: { agency: Agency; onEdit: (agency: Agency) => void }) {
  const { t, i18n } = useTranslation('agencies')
  const update = useUpdateAgency(useCityParam())
  return (
    <Table.Tr>
      <Table.Td>{agency.name}</Table.Td>
      <Table.Td>{agency.shortName}</Table.Td>
      <Table.Td>{agency.function ? <Code>{agency.function}</Code> : null}</Table.Td>
      <Table.Td>
        <Badge variant="filled" color={agency.isActive ? 'teal.9' : 'dark.6'}>
          {agency.isActive ? t('active') : t('inactive')}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            variant="default"
            onClick={() => onEdit(agency)}
            aria-label={t('edit', { name: agency.name })}
          >
            {t('common.edit', { ns: 'translation' })}
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={update.isPending}
            onClick={() => update.mutate({ agencyId: agency.id, changes: { isActive: !agency.isActive } })}
          >
            {agency.isActive
              ? t('deactivate', { name: agency.shortName })
              : t('activate', { name: agency.shortName })}
          </Button>
        </Group>
        {update.isError && (
          <Text size="xs" c="red.9" role="alert">
            {problemMessage(i18n, update.error)}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  )
}

/** The city's agencies (OPD): list, add, rename, deactivate. */
export default function AgenciesPage() {
  const { t } = useTranslation('agencies')
  const city = useCityParam()
  const [includeInactive, setIncludeInactive] = useState(false)
  const [editing, setEditing] = useState<Agency | null>(null)
  const agencies = useAgencies(city, includeInactive)
  return (
    <Stack gap="lg">
      <Title order={1}>{t('title')}</Title>
      <Text maw={720}>{t('lead')}</Text>
      <Checkbox
        label={t('includeInactive')}
        checked={includeInactive}
        onChange={(event) => setIncludeInactive(event.currentTarget.checked)}
      />
      <QueryState query={agencies}>
        {(list) =>
          list.length === 0 ? (
            <Text>{t('empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('colName')}</Table.Th>
                    <Table.Th scope="col">{t('colShortName')}</Table.Th>
                    <Table.Th scope="col">{t('colFunction')}</Table.Th>
                    <Table.Th scope="col">{t('colStatus')}</Table.Th>
                    <Table.Th scope="col">
                      <span className="visually-hidden">{t('editTitle')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((agency) => (
                    <AgencyRow key={agency.id} agency={agency} onEdit={setEditing} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      <Paper withBorder p="md" maw={560}>
        <AgencyForm city={city} />
      </Paper>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={t('editTitle')}>
        {editing && (
          <AgencyForm key={editing.id} city={city} agency={editing} onDone={() => setEditing(null)} />
        )}
      </Modal>
    </Stack>
  )
}
