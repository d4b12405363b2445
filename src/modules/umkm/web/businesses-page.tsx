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
import { useCityRegions } from '../../../platform/web/api/hooks.ts'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { listLabels, PagedResults } from '../../../platform/web/ui/paged-results.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { SampleDataBadge } from '../../../platform/web/ui/sample-data-badge.tsx'
import { SCALES, type Scale } from '../domain/scale.ts'
import { ClosedBadge } from './business-closure.tsx'
import { BUSINESS_PAGE_SIZE, type BusinessFilters, type BusinessListItem, useBusinesses } from './umkm.api.ts'
import { placeOf, ScaleBadge, useCanEditUmkm } from './umkm-labels.tsx'

const isScale = (value: string | null): value is Scale =>
  (SCALES as readonly (string | null)[]).includes(value)
/** In operation is the default and stays out of the address; closed and all are asked for. */
const isStatus = (value: string | null): value is 'closed' | 'all' => value === 'closed' || value === 'all'

/** Filters live in the address, so a filtered list can be shared, bookmarked and gone back to. */
function filtersOf(params: URLSearchParams): BusinessFilters {
  const q = params.get('q')?.trim()
  const kbli = params.get('kbli')?.trim()
  const village = params.get('village')
  const scale = params.get('scale')
  const status = params.get('status')
  const page = Number(params.get('page'))
  return {
    ...(q ? { q } : {}),
    ...(kbli && /^\d{1,5}$/.test(kbli) ? { kbli } : {}),
    ...(village ? { village } : {}),
    ...(isScale(scale) ? { scale } : {}),
    ...(isStatus(status) ? { status } : {}),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  }
}

function searchOf(filters: Partial<BusinessFilters>): string {
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
  filters: BusinessFilters
  onApply: (next: BusinessFilters) => void
}) {
  const { t } = useTranslation('umkm')
  const city = useCityParam()
  const regions = useCityRegions(city)
  const empty = { q: '', kbli: '', village: '', scale: '', status: '' }
  const [form, setForm] = useState({ ...empty, ...filters, page: undefined })
  const [kbliError, setKbliError] = useState<string>()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (form.kbli.trim() && !/^\d{1,5}$/.test(form.kbli.trim())) return setKbliError(t('list.kbliHint'))
    setKbliError(undefined)
    const { q, kbli, village, scale, status } = form
    onApply(filtersOf(new URLSearchParams({ q, kbli, village, scale, status, page: '1' })))
  }
  const villages = (regions.data?.districts ?? []).flatMap((district) =>
    district.villages.map((village) => ({
      value: village.code,
      label: `${village.name} (${district.name})`,
    })),
  )
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-label={t('list.filters')}>
      <Group align="flex-start" gap="sm">
        <TextInput
          type="search"
          label={t('list.search')}
          value={form.q}
          maxLength={100}
          onChange={(event) => setForm({ ...form, q: event.currentTarget.value })}
          w={{ base: '100%', xs: 220 }}
        />
        <TextInput
          label={t('list.kbli')}
          description={t('list.kbliHint')}
          inputMode="numeric"
          value={form.kbli}
          maxLength={5}
          error={kbliError}
          onChange={(event) => setForm({ ...form, kbli: event.currentTarget.value })}
          w={{ base: '100%', xs: 160 }}
        />
        <NativeSelect
          label={t('list.village')}
          value={form.village}
          onChange={(event) => setForm({ ...form, village: event.currentTarget.value })}
          data={[{ value: '', label: t('list.all') }, ...villages]}
          w={{ base: '100%', xs: 240 }}
        />
        <NativeSelect
          label={t('list.scale')}
          description={t('list.scaleHint')}
          value={form.scale}
          onChange={(event) => setForm({ ...form, scale: event.currentTarget.value })}
          data={[
            { value: '', label: t('list.all') },
            ...SCALES.map((scale) => ({ value: scale, label: t(`scales.${scale}`) })),
          ]}
          w={{ base: '100%', xs: 200 }}
        />
        <NativeSelect
          label={t('list.status')}
          value={form.status}
          onChange={(event) => setForm({ ...form, status: event.currentTarget.value })}
          data={[
            { value: '', label: t('list.statusOperating') },
            { value: 'closed', label: t('list.statusClosed') },
            { value: 'all', label: t('list.statusAll') },
          ]}
          w={{ base: '100%', xs: 200 }}
        />
      </Group>
      <Group mt="md" gap="sm">
        <Button type="submit">{t('list.apply')}</Button>
        <Button
          variant="subtle"
          onClick={() => {
            setForm({ ...empty, page: undefined })
            onApply({ page: 1 })
          }}
        >
          {t('list.reset')}
        </Button>
      </Group>
    </Paper>
  )
}

function BusinessLink({ business }: { business: BusinessListItem }) {
  const city = useCityParam()
  return (
    <Anchor component={Link} to={`/c/${city}/umkm/businesses/${business.id}`} fw={600}>
      {business.name}
    </Anchor>
  )
}

function BusinessTable({ items }: { items: BusinessListItem[] }) {
  const { t } = useTranslation('umkm')
  return (
    <Table striped verticalSpacing="xs" visibleFrom="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('list.colName')}</Table.Th>
          <Table.Th scope="col">{t('list.colKbli')}</Table.Th>
          <Table.Th scope="col">{t('list.colVillage')}</Table.Th>
          <Table.Th scope="col">{t('list.colNib')}</Table.Th>
          <Table.Th scope="col">{t('list.colScale')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((business) => (
          <Table.Tr key={business.id}>
            <Table.Td>
              <Group gap="xs">
                <BusinessLink business={business} />
                {business.closedOn && <ClosedBadge closedOn={business.closedOn} />}
                {business.isSampleData && <SampleDataBadge />}
              </Group>
              <Text size="sm">{business.ownerName}</Text>
            </Table.Td>
            <Table.Td>{business.kbli.code}</Table.Td>
            <Table.Td>{placeOf(business.village)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{business.nib ?? t('list.noNib')}</Table.Td>
            <Table.Td>
              {business.derivedScale ? (
                <ScaleBadge scale={business.derivedScale.scale} />
              ) : (
                t('list.noFigures')
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** On a phone a five-column table does not fit; each business becomes a card instead. */
function BusinessCards({ items }: { items: BusinessListItem[] }) {
  const { t } = useTranslation('umkm')
  return (
    <Stack component="ul" gap="xs" p={0} m={0} hiddenFrom="sm" style={{ listStyle: 'none' }}>
      {items.map((business) => (
        <Card component="li" withBorder padding="sm" key={business.id}>
          <Stack gap={4}>
            <BusinessLink business={business} />
            <Group gap="xs">
              <Text size="sm">KBLI {business.kbli.code}</Text>
              {business.derivedScale && <ScaleBadge scale={business.derivedScale.scale} />}
              {business.closedOn && <ClosedBadge closedOn={business.closedOn} />}
              {business.isSampleData && <SampleDataBadge />}
            </Group>
            {business.village && <Text size="sm">{placeOf(business.village)}</Text>}
            <Text size="sm">{business.nib ? `NIB ${business.nib}` : t('list.noNib')}</Text>
          </Stack>
        </Card>
      ))}
    </Stack>
  )
}

/**
 * The city's UMKM registry: search by name, KBLI and desa, filter by derived scale and by status
 * (in operation unless asked otherwise), page through.
 */
export default function BusinessesPage() {
  const { t } = useTranslation('umkm')
  const city = useCityParam()
  const [params, setParams] = useSearchParams()
  const filters = filtersOf(params)
  const businesses = useBusinesses(city, filters)
  const canEdit = useCanEditUmkm(city)
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('list.title')}</Title>
        <Group gap="sm">
          <Button component={Link} to={`/c/${city}/umkm/sidt`} variant="outline">
            {t('list.sidt')}
          </Button>
          {canEdit && (
            <Button component={Link} to={`/c/${city}/umkm/businesses/new`}>
              {t('list.add')}
            </Button>
          )}
        </Group>
      </Group>
      <Text maw={720}>{t('list.lead')}</Text>
      <FilterForm
        key={params.toString()}
        filters={filters}
        onApply={(next) => setParams(new URLSearchParams(searchOf(next)))}
      />
      <QueryState query={businesses}>
        {(result) => (
          <PagedResults
            result={result}
            pageSize={BUSINESS_PAGE_SIZE}
            hrefOf={(page) => searchOf({ ...filters, page })}
            labels={listLabels(t)}
          >
            {(items) => (
              <>
                <BusinessTable items={items} />
                <BusinessCards items={items} />
              </>
            )}
          </PagedResults>
        )}
      </QueryState>
    </Stack>
  )
}
