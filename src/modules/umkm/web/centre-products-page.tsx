import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Checkbox,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { type Product, useOutlets, useProducts } from './centre.api.ts'
import { CentreLinks, GradeBadge, useCentreRights } from './centre-labels.tsx'
import { OutletEditForm, OutletForm } from './centre-outlet-form.tsx'
import { ProductForm } from './centre-product-form.tsx'

function ProductLink({ city, product }: { city: string; product: Product }) {
  return (
    <Anchor component={Link} to={`/c/${city}/umkm/centre/products/${product.id}`} fw={600}>
      {product.name}
    </Anchor>
  )
}

function ShelfStatus({ product }: { product: Product }) {
  const { t } = useTranslation('umkm')
  return product.shelfable ? (
    <Text size="sm">{t('centre.products.shelfable')}</Text>
  ) : (
    <Text size="sm">{product.grade ? t('centre.products.notShelfable') : t('centre.products.awaiting')}</Text>
  )
}

function ProductTable({ city, items }: { city: string; items: Product[] }) {
  const { t } = useTranslation('umkm')
  return (
    <Box visibleFrom="sm">
      <Table striped verticalSpacing="xs" aria-label={t('centre.products.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('centre.products.colProduct')}</Table.Th>
            <Table.Th scope="col">{t('centre.products.colBusiness')}</Table.Th>
            <Table.Th scope="col">{t('centre.products.colGrade')}</Table.Th>
            <Table.Th scope="col">{t('centre.products.colShelf')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((product) => (
            <Table.Tr key={product.id}>
              <Table.Td>
                <ProductLink city={city} product={product} />
                <Text size="sm">{product.unit}</Text>
              </Table.Td>
              <Table.Td>{product.business.name}</Table.Td>
              <Table.Td>
                <GradeBadge grade={product.grade} />
              </Table.Td>
              <Table.Td>
                <ShelfStatus product={product} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  )
}

/** On a phone each product becomes a card. */
function ProductCards({ city, items }: { city: string; items: Product[] }) {
  return (
    <Stack component="ul" gap="xs" p={0} m={0} hiddenFrom="sm" style={{ listStyle: 'none' }}>
      {items.map((product) => (
        <Card component="li" withBorder padding="sm" key={product.id}>
          <Stack gap={4}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <ProductLink city={city} product={product} />
              <GradeBadge grade={product.grade} />
            </Group>
            <Text size="sm">{product.business.name}</Text>
            <ShelfStatus product={product} />
          </Stack>
        </Card>
      ))}
    </Stack>
  )
}

function Outlets({ city, canEdit }: { city: string; canEdit: boolean }) {
  const { t } = useTranslation('umkm')
  const outlets = useOutlets(city)
  const [adding, setAdding] = useState(false)
  const [editing, setEditing] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  return (
    <Stack gap="sm" component="section" aria-labelledby="outlets-title">
      <Title order={2} id="outlets-title">
        {t('centre.outlet.title')}
      </Title>
      {message && (
        <Alert color="teal" role="status" withCloseButton onClose={() => setMessage(null)}>
          {message}
        </Alert>
      )}
      <QueryState query={outlets}>
        {(items) =>
          items.length === 0 ? (
            <Text>{t('centre.outlet.empty')}</Text>
          ) : (
            <Stack component="ul" gap={4} pl="md" m={0}>
              {items.map((outlet) => (
                <li key={outlet.id} data-testid="outlet">
                  <Group gap="xs" align="center">
                    <Text>
                      <strong>{outlet.name}</strong>
                      {outlet.address ? ` · ${outlet.address}` : ''}
                    </Text>
                    {!outlet.isActive && (
                      <Badge variant="outline" color="gray.8">
                        {t('centre.outlet.closed')}
                      </Badge>
                    )}
                    {canEdit && editing !== outlet.id && (
                      <Button
                        variant="subtle"
                        size="compact-md"
                        onClick={() => {
                          setMessage(null)
                          setEditing(outlet.id)
                        }}
                        aria-label={t('centre.outlet.editOne', { name: outlet.name })}
                      >
                        {t('centre.outlet.edit')}
                      </Button>
                    )}
                  </Group>
                  {editing === outlet.id && (
                    <OutletEditForm
                      city={city}
                      outlet={outlet}
                      onDone={(done) => {
                        setEditing(null)
                        if (done) setMessage(done)
                      }}
                    />
                  )}
                </li>
              ))}
            </Stack>
          )
        }
      </QueryState>
      {canEdit &&
        (adding ? (
          <OutletForm city={city} />
        ) : (
          <Group>
            <Button variant="outline" onClick={() => setAdding(true)}>
              {t('centre.outlet.add')}
            </Button>
          </Group>
        ))}
    </Stack>
  )
}

/** /c/:city/umkm/centre/products: what producers offer the centre, with the grade of their latest curation. */
export default function CentreProductsPage() {
  const { t } = useTranslation('umkm')
  const city = useCityParam()
  const [q, setQ] = useState('')
  const [shelfable, setShelfable] = useState(false)
  const [debouncedQ] = useDebouncedValue(q, 300)
  const products = useProducts(city, { q: debouncedQ, shelfable })
  const filtered = q.trim() !== '' || shelfable
  const { canEdit } = useCentreRights(city)
  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Title order={1}>{t('centre.products.title')}</Title>
        <CentreLinks city={city} current="products" />
        <Text maw={720}>{t('centre.products.lead')}</Text>
        <Group align="flex-end" gap="md" role="search" aria-label={t('centre.products.search')}>
          <TextInput
            type="search"
            label={t('centre.products.search')}
            value={q}
            maxLength={100}
            onChange={(event) => setQ(event.currentTarget.value)}
            w={320}
            maw="100%"
          />
          <Checkbox
            label={t('centre.products.shelfableOnly')}
            checked={shelfable}
            onChange={(event) => setShelfable(event.currentTarget.checked)}
            size="md"
            mb={8}
          />
        </Group>
        <QueryState query={products}>
          {(items) =>
            items.length === 0 ? (
              <Text role="status">
                {filtered ? t('centre.products.noMatch') : t('centre.products.empty')}
              </Text>
            ) : (
              <>
                <ProductTable city={city} items={items} />
                <ProductCards city={city} items={items} />
              </>
            )
          }
        </QueryState>
      </Stack>
      {canEdit && <ProductForm city={city} />}
      <Outlets city={city} canEdit={canEdit} />
    </Stack>
  )
}
