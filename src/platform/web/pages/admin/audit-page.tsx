import { Button, Code, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type AuditFilters, useAuditLog, useWorkspace } from '../../api/hooks.ts'
import { formatDateTime } from '../../format.ts'
import { DEFAULT_LANGUAGE } from '../../i18n/resources.ts'
import { currentLanguage } from '../../i18n/setup.ts'
import { useCityParam } from '../../layout/city-shell.tsx'
import { MODULE_WEBS } from '../../modules.ts'
import { ErrorWithRetry, PageLoader } from '../../ui/query-state.tsx'
import { type AuditCodeKind, auditLabel, type EntityTypeGroup, sortEntityTypeGroups } from './audit-labels.ts'

// Modules record audit entries too, and label their own codes in their own catalog (namespace).
const NAMESPACES = ['translation', ...MODULE_WEBS.map((module) => module.name)]

/** Labels looked up across the platform's catalog and every module's, falling back to the code. */
function useAuditLabels() {
  const { t, i18n } = useTranslation(NAMESPACES)
  const label = (kind: AuditCodeKind, code: string) =>
    // A code is data, not a key: its ':' (if any) must not select a namespace.
    auditLabel((key) => t(key, { ns: NAMESPACES, returnObjects: true, nsSeparator: false }), kind, code)
  return { t, i18n, label }
}

/** Every kind of record some catalog labels, grouped by catalog (the platform, each module). */
function useEntityTypeGroups(): EntityTypeGroup[] {
  const { t, i18n, label } = useAuditLabels()
  const groups = NAMESPACES.map((ns) => {
    const types = new Set<string>()
    // The fallback language's too: a type labelled only there still shows, in its words.
    for (const lng of [i18n.language, DEFAULT_LANGUAGE]) {
      const labelled = i18n.getResource(lng, ns, 'audit.entityTypes')
      if (labelled && typeof labelled === 'object') for (const type of Object.keys(labelled)) types.add(type)
    }
    return {
      group: t('audit.group', { ns, defaultValue: ns }),
      items: [...types].map((type) => ({ value: type, label: label('entityTypes', type) })),
    }
  })
  return sortEntityTypeGroups(groups, i18n.language)
}

const EMPTY = { entity: '', actor: '', from: '', to: '' }

function toFilters(form: typeof EMPTY): AuditFilters {
  const filters: AuditFilters = {}
  if (form.entity) filters.entity = form.entity
  if (form.actor.trim()) filters.actor = form.actor.trim()
  if (form.from) filters.from = form.from
  if (form.to) filters.to = form.to
  return filters
}

function FilterForm({ onApply }: { onApply: (filters: AuditFilters) => void }) {
  const { t } = useTranslation()
  const entityTypes = useEntityTypeGroups()
  const [form, setForm] = useState(EMPTY)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onApply(toFilters(form))
  }
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-label={t('audit.filters')}>
      <Group align="flex-end" gap="sm">
        <Select
          label={t('audit.entity')}
          data={[{ value: '', label: t('audit.entityAll') }, ...entityTypes]}
          value={form.entity}
          allowDeselect={false}
          searchable
          maxDropdownHeight={360}
          onChange={(value) => setForm({ ...form, entity: value ?? '' })}
          w={{ base: '100%', xs: 260 }}
        />
        <TextInput
          label={t('audit.actor')}
          value={form.actor}
          autoCapitalize="none"
          onChange={(event) => setForm({ ...form, actor: event.currentTarget.value })}
          w={{ base: '100%', xs: 200 }}
        />
        <TextInput
          type="date"
          label={t('audit.from')}
          value={form.from}
          onChange={(event) => setForm({ ...form, from: event.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('audit.to')}
          value={form.to}
          onChange={(event) => setForm({ ...form, to: event.currentTarget.value })}
        />
        <Button type="submit">{t('audit.apply')}</Button>
        <Button
          variant="subtle"
          onClick={() => {
            setForm(EMPTY)
            onApply({})
          }}
        >
          {t('audit.reset')}
        </Button>
      </Group>
    </Paper>
  )
}

function Changes({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation()
  if (before == null && after == null) return null
  return (
    <details>
      <summary>{t('audit.showChanges')}</summary>
      {before != null && (
        <>
          <Text size="xs" fw={600}>
            {t('audit.before')}
          </Text>
          <Code block>{JSON.stringify(before, null, 2)}</Code>
        </>
      )}
      {after != null && (
        <>
          <Text size="xs" fw={600}>
            {t('audit.after')}
          </Text>
          <Code block>{JSON.stringify(after, null, 2)}</Code>
        </>
      )}
    </details>
  )
}

/** The action in words, with its code below: admins and auditors quote the code. */
function ActionCell({ action, words }: { action: string; words: string }) {
  if (words === action) return <Code>{action}</Code>
  return (
    <>
      <Text size="sm">{words}</Text>
      <Code fz="xs">{action}</Code>
    </>
  )
}

export default function AuditPage() {
  const { t, label } = useAuditLabels()
  const city = useCityParam()
  const timeZone = useWorkspace(city).data?.city.timezone
  const [filters, setFilters] = useState<AuditFilters>({})
  const log = useAuditLog(city, filters)
  const entries = log.data?.pages.flatMap((page) => page.items) ?? []
  const language = currentLanguage()

  return (
    <Stack>
      <Title order={1}>{t('audit.title')}</Title>
      <FilterForm onApply={setFilters} />
      {log.isPending ? (
        <PageLoader />
      ) : log.isError && entries.length === 0 ? (
        <ErrorWithRetry error={log.error} onRetry={() => void log.refetch()} />
      ) : entries.length === 0 ? (
        <Text>{t('audit.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('audit.colAt')}</Table.Th>
                <Table.Th scope="col">{t('audit.colActor')}</Table.Th>
                <Table.Th scope="col">{t('audit.colAction')}</Table.Th>
                <Table.Th scope="col">{t('audit.colEntity')}</Table.Th>
                <Table.Th scope="col">{t('audit.colChanges')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(entry.at, language, timeZone)}
                  </Table.Td>
                  <Table.Td>{entry.actor.username}</Table.Td>
                  <Table.Td>
                    <ActionCell action={entry.action} words={label('actions', entry.action)} />
                  </Table.Td>
                  <Table.Td>
                    <span title={entry.entityType}>{label('entityTypes', entry.entityType)}</span>{' '}
                    {entry.entityId ? <Code>{entry.entityId}</Code> : null}
                  </Table.Td>
                  <Table.Td>
                    <Changes before={entry.before} after={entry.after} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {log.isFetchNextPageError && (
        <ErrorWithRetry error={log.error} onRetry={() => void log.fetchNextPage()} />
      )}
      {log.hasNextPage ? (
        <Button variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
          {t('audit.more')}
        </Button>
      ) : (
        entries.length > 0 && (
          <Text size="sm" c="gray.7">
            {t('audit.end')}
          </Text>
        )
      )}
    </Stack>
  )
}
