import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useCityRegions, useMe } from '../../../platform/web/api/hooks.ts'
import { formatNumber, formatRupiah } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { type CatalogueItem, useCatalogue } from './centre.api.ts'
import { GradeBadge } from './centre-labels.tsx'

type Outlet = CatalogueItem['outlet']

/** The catalogue comes sorted by outlet; each outlet becomes a section, in that order. */
function byOutlet(items: CatalogueItem[]): [Outlet, CatalogueItem[]][] {
  const groups = new Map<string, [Outlet, CatalogueItem[]]>()
  for (const item of items) {
    const group = groups.get(item.outlet.id) ?? [item.outlet, []]
    group[1].push(item)
    groups.set(item.outlet.id, group)
  }
  return [...groups.values()]
}

function ProductCard({ item }: { item: CatalogueItem }) {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  const price =
    item.minPriceRupiah === item.maxPriceRupiah
      ? formatRupiah(item.minPriceRupiah, language)
      : `${formatRupiah(item.minPriceRupiah, language)}–${formatRupiah(item.maxPriceRupiah, language)}`
  return (
    <Card component="li" withBorder padding="sm">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h5">
            {item.name}
          </Title>
          <GradeBadge grade={item.grade} />
        </Group>
        <Text size="sm">{item.village ? `${item.business} · ${item.village}` : item.business}</Text>
        {item.description && (
          <Text size="sm" c="gray.8">
            {item.description}
          </Text>
        )}
        <Group gap="xs" justify="space-between">
          <Text fw={700}>{t('centre.shelf.price', { price, unit: item.unit })}</Text>
          <Text size="sm">
            {t('centre.catalogue.available', {
              count: item.available,
              available: formatNumber(item.available, language),
              unit: item.unit,
            })}
          </Text>
        </Group>
      </Stack>
    </Card>
  )
}

/** /kota/:city/pusat-umkm: what is on the UMKM centre's shelves, for anyone; no personal data. */
export default function CentreCataloguePage() {
  const { t } = useTranslation('umkm')
  const city = useParams().city ?? ''
  const regions = useCityRegions(city)
  const catalogue = useCatalogue(city)
  const me = useMe()
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('centre.catalogue.title', { city: regions.data?.city.name ?? '' })}</Title>
        <Text size="lg" maw={720}>
          {t('centre.catalogue.lead')}
        </Text>
      </Stack>
      <QueryState query={catalogue}>
        {(items) =>
          items.length === 0 ? (
            <Text>{t('centre.catalogue.empty')}</Text>
          ) : (
            <Stack gap="xl">
              {byOutlet(items).map(([outlet, products]) => (
                <Stack gap="sm" component="section" key={outlet.id} aria-label={outlet.name}>
                  <Stack gap={0}>
                    <Title order={2}>{outlet.name}</Title>
                    {outlet.address && <Text c="gray.8">{outlet.address}</Text>}
                  </Stack>
                  <SimpleGrid
                    component="ul"
                    cols={{ base: 1, sm: 2, md: 3 }}
                    spacing="sm"
                    p={0}
                    m={0}
                    style={{ listStyle: 'none' }}
                  >
                    {products.map((item) => (
                      <ProductCard key={item.id} item={item} />
                    ))}
                  </SimpleGrid>
                </Stack>
              ))}
            </Stack>
          )
        }
      </QueryState>
      <Text size="sm" c="gray.8" maw={720}>
        {t('centre.catalogue.gradeNote')}
      </Text>
      {me.data && (
        <Anchor component={Link} to={`/c/${regions.data?.city.slug ?? city}/umkm/centre`}>
          {t('centre.catalogue.workspaceLink')}
        </Anchor>
      )}
    </Stack>
  )
}
