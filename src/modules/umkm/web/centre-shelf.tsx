import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate, formatNumber, formatRupiah } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import type { Batch } from './centre.api.ts'
import type { Cart } from './centre-cart.tsx'
import { CountForm } from './centre-count-form.tsx'
import { ExpiryBadge, GradeBadge, printClasses, TOUCH } from './centre-labels.tsx'
import { RemovalForm } from './centre-removal-form.tsx'

function ShelfItem({
  batch,
  inCart,
  onAdd,
  onRemove,
  onCount,
}: {
  batch: Batch
  inCart: number
  onAdd: () => void
  onRemove: () => void
  onCount: () => void
}) {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  const left = batch.remaining - inCart
  return (
    <Card component="li" withBorder padding="sm" data-testid="shelf-item">
      <Stack gap={6} h="100%" justify="space-between">
        <Stack gap={4}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text fw={700}>{batch.product.name}</Text>
            <GradeBadge grade={batch.grade} />
          </Group>
          <Text size="sm">{batch.business.name}</Text>
          <Group gap="xs">
            <Text fw={700}>
              {t('centre.shelf.price', {
                price: formatRupiah(batch.unitPriceRupiah, language),
                unit: batch.product.unit,
              })}
            </Text>
            <Text size="sm">
              {t('centre.shelf.remaining', {
                remaining: formatNumber(batch.remaining, language),
                unit: batch.product.unit,
              })}
            </Text>
          </Group>
          {inCart > 0 && (
            <Text size="sm" fw={600} c="teal.9">
              {t('centre.shelf.inCart', { count: inCart })}
            </Text>
          )}
          {batch.expiresOn && (
            <Group gap="xs">
              <Text size="sm">
                {t('centre.shelf.expiresOn', { date: formatDate(batch.expiresOn, language) })}
              </Text>
              <ExpiryBadge daysToExpiry={batch.daysToExpiry} />
            </Group>
          )}
        </Stack>
        <Group gap="xs">
          <Button
            style={TOUCH}
            onClick={onAdd}
            disabled={left <= 0 || (batch.daysToExpiry !== null && batch.daysToExpiry < 0)}
            aria-label={t('centre.shelf.addOne', { product: batch.product.name })}
          >
            {t('centre.shelf.add')}
          </Button>
          <Button
            style={TOUCH}
            variant="default"
            onClick={onRemove}
            aria-label={t('centre.shelf.removeOne', { product: batch.product.name })}
          >
            {t('centre.shelf.remove')}
          </Button>
          <Button
            style={TOUCH}
            variant="default"
            onClick={onCount}
            aria-label={t('centre.count.actionOne', { product: batch.product.name })}
          >
            {t('centre.count.action')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}

function ShelfList({
  batches,
  cart,
  onAdd,
  onRemove,
  onCount,
}: {
  batches: Batch[]
  cart: Cart
  onAdd: (batch: Batch) => void
  onRemove: (batch: Batch) => void
  onCount: (batch: Batch) => void
}) {
  const { t } = useTranslation('umkm')
  return (
    <SimpleGrid
      component="ul"
      cols={{ base: 1, sm: 2, lg: 3 }}
      spacing="sm"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('centre.shelf.title')}
    >
      {batches.map((batch) => (
        <ShelfItem
          key={batch.id}
          batch={batch}
          inCart={cart.get(batch.id) ?? 0}
          onAdd={() => onAdd(batch)}
          onRemove={() => onRemove(batch)}
          onCount={() => onCount(batch)}
        />
      ))}
    </SimpleGrid>
  )
}

/** The outlet's stock as cards to tap into the cart, with a filter and the removal of a batch. */
export function Shelf({
  city,
  batches,
  cart,
  today,
  onAdd,
}: {
  city: string
  batches: Batch[]
  cart: Cart
  today: string
  onAdd: (batch: Batch) => void
}) {
  const { t } = useTranslation('umkm')
  const [filter, setFilter] = useState('')
  const [removing, setRemoving] = useState<string | null>(null)
  const [counting, setCounting] = useState<string | null>(null)
  const [removed, setRemoved] = useState<string | null>(null)
  const words = filter.trim().toLowerCase()
  const shown = words
    ? batches.filter((batch) => `${batch.product.name} ${batch.business.name}`.toLowerCase().includes(words))
    : batches
  const removingBatch = batches.find((batch) => batch.id === removing)
  const countingBatch = batches.find((batch) => batch.id === counting)
  return (
    <Stack gap="sm" component="section" aria-labelledby="shelf-title" className={printClasses.noPrint}>
      <Title order={2} id="shelf-title">
        {t('centre.shelf.title')}
      </Title>
      {removed && (
        <Alert color="teal" role="status" withCloseButton onClose={() => setRemoved(null)}>
          {removed}
        </Alert>
      )}
      {batches.length === 0 ? (
        <Text>{t('centre.shelf.empty')}</Text>
      ) : (
        <>
          <TextInput
            type="search"
            label={t('centre.shelf.filter')}
            value={filter}
            maxLength={100}
            onChange={(event) => setFilter(event.currentTarget.value)}
            maw={360}
          />
          {removingBatch && (
            <Stack gap="xs">
              <Title order={3}>{t('centre.removal.title', { product: removingBatch.product.name })}</Title>
              <RemovalForm
                key={removingBatch.id}
                city={city}
                batch={removingBatch}
                today={today}
                onDone={(message) => {
                  setRemoving(null)
                  if (message) setRemoved(message)
                }}
              />
            </Stack>
          )}
          {countingBatch && (
            <Stack gap="xs">
              <Title order={3}>{t('centre.count.title', { product: countingBatch.product.name })}</Title>
              <CountForm
                key={countingBatch.id}
                city={city}
                batch={countingBatch}
                today={today}
                onDone={(message) => {
                  setCounting(null)
                  if (message) setRemoved(message)
                }}
              />
            </Stack>
          )}
          {shown.length === 0 ? (
            <Text role="status">{t('centre.shelf.noMatch')}</Text>
          ) : (
            <ShelfList
              batches={shown}
              cart={cart}
              onAdd={onAdd}
              onRemove={(batch) => {
                setRemoved(null)
                setCounting(null)
                setRemoving(batch.id)
              }}
              onCount={(batch) => {
                setRemoved(null)
                setRemoving(null)
                setCounting(batch.id)
              }}
            />
          )}
        </>
      )}
    </Stack>
  )
}
