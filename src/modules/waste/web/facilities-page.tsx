import {
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { listLabels, PagedResults } from '../../../platform/web/ui/paged-results.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { SampleDataBadge } from '../../../platform/web/ui/sample-data-badge.tsx'
import {
  FACILITY_KINDS,
  FACILITY_STATUSES,
  type FacilityKind,
  type FacilityStatus,
} from '../domain/facilities.ts'
import { FACILITY_PAGE_SIZE, type Facility, type FacilityFilters, useFacilities } from './facilities.api.ts'
import { StatusBadge, useCanEditFacilities, useTonnesPerDay } from './facility-labels.tsx'
import { FacilityMap } from './facility-map.tsx'

function isKind(value: string | null): value is FacilityKind {
  return (FACILITY_KINDS as readonly (string | null)[]).includes(value)
}

function isStatus(value: string | null): value is FacilityStatus {
  return (FACILITY_STATUSES as readonly (string | null)[]).includes(value)
}

/** Filters live in the address, so a filtered list can be shared, bookmarked and gone back to. */
function filtersOf(params: URLSearchParams): FacilityFilters {
  const kind = params.get('kind')
  const status = params.get('status')
  const q = params.get('q')?.trim()
  const page = Number(params.get('page'))
  return {
    ...(isKind(kind) ? { kind } : {}),
    ...(isStatus(status) ? { status } : {}),
    ...(q ? { q } : {}),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  }
}

function searchOf(filters: Partial<FacilityFilters>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '' && !(key === 'page' && value === 1))
      params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

function FilterForm({
  filters,
  onApply,
}: {
  filters: FacilityFilters
  onApply: (next: FacilityFilters) => void
}) {
  const { t } = useTranslation('waste')
  const [form, setForm] = useState({
    kind: filters.kind ?? '',
    status: filters.status ?? '',
    q: filters.q ?? '',
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onApply(filtersOf(new URLSearchParams({ ...form, page: '1' })))
  }
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-label={t('list.filters')}>
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t('list.kind')}
          value={form.kind}
          onChange={(event) => setForm({ ...form, kind: event.currentTarget.value })}
          data={[
            { value: '', label: t('list.all') },
            ...FACILITY_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) })),
          ]}
          w={{ base: '100%', xs: 200 }}
        />
        <NativeSelect
          label={t('list.status')}
          value={form.status}
          onChange={(event) => setForm({ ...form, status: event.currentTarget.value })}
          data={[
            { value: '', label: t('list.all') },
            ...FACILITY_STATUSES.map((status) => ({ value: status, label: t(`statuses.${status}`) })),
          ]}
          w={{ base: '100%', xs: 180 }}
        />
        <TextInput
          type="search"
          label={t('list.search')}
          value={form.q}
          maxLength={100}
          onChange={(event) => setForm({ ...form, q: event.currentTarget.value })}
          w={{ base: '100%', xs: 220 }}
        />
        <Button type="submit">{t('list.apply')}</Button>
        <Button
          variant="subtle"
          onClick={() => {
            setForm({ kind: '', status: '', q: '' })
            onApply({ page: 1 })
          }}
        >
          {t('list.reset')}
        </Button>
      </Group>
    </Paper>
  )
}

function placeOf(facility: Facility): string {
  return facility.village ? `${facility.village.name}, ${facility.village.districtName}` : ''
}

function FacilityLink({ facility }: { facility: Facility }) {
  const city = useCityParam()
  return (
    <Anchor component={Link} to={`/c/${city}/waste/facilities/${facility.id}`} fw={600}>
      {facility.name}
    </Anchor>
  )
}

function FacilityTable({ items }: { items: Facility[] }) {
  const { t } = useTranslation('waste')
  const tonnes = useTonnesPerDay()
  return (
    <Table striped verticalSpacing="xs" visibleFrom="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('list.colName')}</Table.Th>
          <Table.Th scope="col">{t('list.colKind')}</Table.Th>
          <Table.Th scope="col">{t('list.colStatus')}</Table.Th>
          <Table.Th scope="col">{t('list.colVillage')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('list.colCapacity')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((facility) => (
          <Table.Tr key={facility.id}>
            <Table.Td>
              <Group gap="xs">
                <FacilityLink facility={facility} />
                {facility.isSampleData && <SampleDataBadge />}
              </Group>
            </Table.Td>
            <Table.Td>{t(`kinds.${facility.kind}`)}</Table.Td>
            <Table.Td>
              <StatusBadge status={facility.status} />
            </Table.Td>
            <Table.Td>{placeOf(facility)}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {tonnes(facility.designCapacityKgPerDay)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** On a phone a five-column table does not fit; each facility becomes a card instead. */
function FacilityCards({ items }: { items: Facility[] }) {
  const { t } = useTranslation('waste')
  const tonnes = useTonnesPerDay()
  return (
    <Stack component="ul" gap="xs" p={0} m={0} hiddenFrom="sm" style={{ listStyle: 'none' }}>
      {items.map((facility) => {
        const capacity = tonnes(facility.designCapacityKgPerDay)
        return (
          <Card component="li" withBorder padding="sm" key={facility.id}>
            <Stack gap={4}>
              <FacilityLink facility={facility} />
              <Group gap="xs">
                <Text size="sm">{t(`kinds.${facility.kind}`)}</Text>
                <StatusBadge status={facility.status} />
                {facility.isSampleData && <SampleDataBadge />}
              </Group>
              {facility.village && <Text size="sm">{placeOf(facility)}</Text>}
              {capacity && <Text size="sm">{t('list.capacity', { value: capacity })}</Text>}
            </Stack>
          </Card>
        )
      })}
    </Stack>
  )
}

/** The city's waste facilities: filter, page through, see them on a map, open one. */
export default function FacilitiesPage() {
  const { t } = useTranslation('waste')
  const city = useCityParam()
  const [params, setParams] = useSearchParams()
  const filters = filtersOf(params)
  const facilities = useFacilities(city, filters)
  const canEdit = useCanEditFacilities(city)
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('list.title')}</Title>
        {canEdit && (
          <Button component={Link} to={`/c/${city}/waste/facilities/new`}>
            {t('list.add')}
          </Button>
        )}
      </Group>
      <Text maw={720}>{t('list.lead')}</Text>
      <FilterForm
        key={params.toString()}
        filters={filters}
        onApply={(next) => setParams(new URLSearchParams(searchOf(next)))}
      />
      <QueryState query={facilities}>
        {(result) => (
          <PagedResults
            result={result}
            pageSize={FACILITY_PAGE_SIZE}
            hrefOf={(page) => searchOf({ ...filters, page })}
            labels={listLabels(t)}
          >
            {(items) => (
              <>
                <FacilityTable items={items} />
                <FacilityCards items={items} />
              </>
            )}
          </PagedResults>
        )}
      </QueryState>
      <FacilityMap />
    </Stack>
  )
}
