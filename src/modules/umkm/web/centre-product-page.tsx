import { Alert, Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams } from 'react-router'
import { formatDate, formatNumber, formatRupiah } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { SummaryList } from '../../../platform/web/ui/summary-list.tsx'
import { CURATION_CRITERIA } from '../domain/centre.ts'
import { type ProductDetail, useProduct } from './centre.api.ts'
import { CurationForm } from './centre-curation-form.tsx'
import { ExpiryBadge, formatCommission, GradeBadge, useCentreRights, useCityToday } from './centre-labels.tsx'
import type { SavedState } from './umkm-labels.tsx'

function Curations({ city, product, canEdit }: { city: string; product: ProductDetail; canEdit: boolean }) {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  const { today } = useCityToday(city)
  const [curating, setCurating] = useState(false)
  const [saved, setSaved] = useState(false)
  return (
    <Stack gap="sm" component="section" aria-labelledby="curations-title">
      <Title order={2} id="curations-title">
        {t('centre.curation.title')}
      </Title>
      {saved && product.curations[0] && (
        <Alert color="teal" role="status">
          {t('centre.curation.saved', {
            grade: product.curations[0].grade,
            total: product.curations[0].total,
          })}
        </Alert>
      )}
      {product.curations.length === 0 ? (
        <Text>{t('centre.curation.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped verticalSpacing="xs" aria-label={t('centre.curation.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('centre.curation.assessedOn')}</Table.Th>
                {CURATION_CRITERIA.map(({ code }) => (
                  <Table.Th scope="col" key={code}>
                    {t(`centre.criteria.${code}`)}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t('centre.curation.totalCol')}</Table.Th>
                <Table.Th scope="col">{t('centre.products.colGrade')}</Table.Th>
                <Table.Th scope="col">{t('centre.curation.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {product.curations.map((curation) => (
                <Table.Tr key={curation.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(curation.assessedOn, language)}
                    <Text size="xs">{curation.rubricVersion}</Text>
                  </Table.Td>
                  {CURATION_CRITERIA.map(({ code }) => (
                    <Table.Td key={code}>{curation.scores[code] ?? '—'}</Table.Td>
                  ))}
                  <Table.Td>{curation.total}</Table.Td>
                  <Table.Td>
                    <GradeBadge grade={curation.grade} />
                  </Table.Td>
                  <Table.Td>{curation.note ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canEdit &&
        (curating ? (
          <CurationForm
            city={city}
            productId={product.id}
            today={today}
            onDone={() => {
              setCurating(false)
              setSaved(true)
            }}
          />
        ) : (
          <Group>
            <Button
              variant="outline"
              onClick={() => {
                setSaved(false)
                setCurating(true)
              }}
            >
              {t('centre.curation.add')}
            </Button>
          </Group>
        ))}
    </Stack>
  )
}

function Batches({ product }: { product: ProductDetail }) {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  return (
    <Stack gap="sm" component="section" aria-labelledby="batches-title">
      <Title order={2} id="batches-title">
        {t('centre.batches.title')}
      </Title>
      {product.batches.length === 0 ? (
        <Text>{t('centre.batches.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table striped verticalSpacing="xs" aria-label={t('centre.batches.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('centre.counter.outlet')}</Table.Th>
                <Table.Th scope="col">{t('centre.intake.receivedOn')}</Table.Th>
                <Table.Th scope="col">{t('centre.batches.quantity')}</Table.Th>
                <Table.Th scope="col">{t('centre.batches.sold')}</Table.Th>
                <Table.Th scope="col">{t('centre.batches.removed')}</Table.Th>
                <Table.Th scope="col">{t('centre.batches.remaining')}</Table.Th>
                <Table.Th scope="col">{t('centre.intake.price')}</Table.Th>
                <Table.Th scope="col">{t('centre.intake.commission')}</Table.Th>
                <Table.Th scope="col">{t('centre.intake.expiresOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {product.batches.map((batch) => (
                <Table.Tr key={batch.id}>
                  <Table.Td>{batch.outlet.name}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(batch.receivedOn, language)}
                  </Table.Td>
                  <Table.Td>{formatNumber(batch.quantity, language)}</Table.Td>
                  <Table.Td>{formatNumber(batch.sold, language)}</Table.Td>
                  <Table.Td>{formatNumber(batch.removed, language)}</Table.Td>
                  <Table.Td fw={700}>{formatNumber(batch.remaining, language)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatRupiah(batch.unitPriceRupiah, language)}
                  </Table.Td>
                  <Table.Td>{formatCommission(batch.commissionBps, language)}</Table.Td>
                  <Table.Td>
                    {batch.expiresOn ? (
                      <Group gap="xs" wrap="nowrap">
                        <Text span style={{ whiteSpace: 'nowrap' }}>
                          {formatDate(batch.expiresOn, language)}
                        </Text>
                        <ExpiryBadge daysToExpiry={batch.daysToExpiry} />
                      </Group>
                    ) : (
                      t('centre.batches.noExpiry')
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  )
}

/** /c/:city/umkm/centre/products/:productId: a product, its curation history and form, its batches. */
export default function CentreProductPage() {
  const { t } = useTranslation('umkm')
  const city = useCityParam()
  const productId = useParams().productId ?? ''
  const product = useProduct(city, productId)
  const saved = (useLocation().state as SavedState | null)?.saved
  const { canEdit } = useCentreRights(city)
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/c/${city}/umkm/centre/products`}>
        {t('centre.products.back')}
      </Anchor>
      <QueryState query={product}>
        {(data) => (
          <Stack gap="xl">
            <Stack gap="md">
              {saved && (
                <Alert color="teal" role="status">
                  {t('centre.products.created', { name: data.name })}
                </Alert>
              )}
              <Title order={1}>{data.name}</Title>
              <SummaryList
                rows={[
                  {
                    label: t('centre.productForm.business'),
                    value: (
                      <Anchor component={Link} to={`/c/${city}/umkm/businesses/${data.business.id}`}>
                        {data.business.name}
                      </Anchor>
                    ),
                  },
                  { label: t('centre.productForm.unit'), value: data.unit },
                  { label: t('centre.productForm.description'), value: data.description ?? '—' },
                  {
                    label: t('centre.products.colGrade'),
                    value: (
                      <Group gap="xs" component="span">
                        <GradeBadge grade={data.grade} />
                        <Text span size="sm">
                          {data.shelfable
                            ? t('centre.products.shelfable')
                            : data.grade
                              ? t('centre.products.notShelfable')
                              : t('centre.products.awaiting')}
                        </Text>
                      </Group>
                    ),
                  },
                ]}
              />
            </Stack>
            <Curations city={city} product={data} canEdit={canEdit} />
            <Batches product={data} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  )
}
