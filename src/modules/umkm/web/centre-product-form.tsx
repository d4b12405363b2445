import { Alert, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { requiredMessage } from '../../../platform/web/api/problem.ts'
import { ErrorSummary, fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { useCreateProduct } from './centre.api.ts'
import { TOUCH } from './centre-labels.tsx'
import { useBusinesses } from './umkm.api.ts'
import type { SavedState } from './umkm-labels.tsx'

const FORM = 'product-new'

type Chosen = { id: string; name: string }

/** Step 1: find the producer in the registry by name. */
function BusinessSearch({ city, onChoose }: { city: string; onChoose: (business: Chosen) => void }) {
  const { t } = useTranslation('umkm')
  const [text, setText] = useState('')
  const [q, setQ] = useState('')
  const businesses = useBusinesses(city, { q, page: 1 })
  return (
    <Stack gap="sm">
      <Group
        component="form"
        role="search"
        aria-label={t('centre.productForm.findBusiness')}
        align="flex-end"
        gap="sm"
        onSubmit={(event: FormEvent) => {
          event.preventDefault()
          setQ(text.trim())
        }}
      >
        <TextInput
          type="search"
          label={t('centre.productForm.searchBusiness')}
          description={t('centre.productForm.searchHint')}
          value={text}
          maxLength={100}
          onChange={(event) => setText(event.currentTarget.value)}
          w={{ base: '100%', xs: 320 }}
        />
        <Button type="submit" variant="default" style={TOUCH}>
          {t('enrol.find')}
        </Button>
      </Group>
      {q && (
        <QueryState query={businesses}>
          {(result) =>
            result.items.length === 0 ? (
              <Text role="status">{t('enrol.noResults')}</Text>
            ) : (
              <Stack
                component="ul"
                gap="xs"
                p={0}
                m={0}
                style={{ listStyle: 'none' }}
                aria-label={t('enrol.results')}
              >
                {result.items.map((business) => (
                  <Paper component="li" withBorder p="xs" key={business.id}>
                    <Group justify="space-between" gap="xs">
                      <Stack gap={0}>
                        <Text fw={600}>{business.name}</Text>
                        <Text size="sm">
                          {[business.village?.name, business.nib ? `NIB ${business.nib}` : t('list.noNib')]
                            .filter(Boolean)
                            .join(' · ')}
                        </Text>
                      </Stack>
                      <Button
                        size="sm"
                        variant="outline"
                        onClick={() => onChoose({ id: business.id, name: business.name })}
                        aria-label={t('centre.productForm.chooseOne', { name: business.name })}
                      >
                        {t('centre.productForm.choose')}
                      </Button>
                    </Group>
                  </Paper>
                ))}
              </Stack>
            )
          }
        </QueryState>
      )}
    </Stack>
  )
}

/** Registers a producer's product for curation: choose the business, then name the product. Staff only. */
export function ProductForm({ city }: { city: string }) {
  const { t, i18n } = useTranslation('umkm')
  const navigate = useNavigate()
  const create = useCreateProduct(city)
  const key = useRef(newIdempotencyKey())
  const [business, setBusiness] = useState<Chosen | null>(null)
  const [values, setValues] = useState({ name: '', unit: 'pcs', description: '' })
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const labels = {
    businessId: t('centre.productForm.business'),
    name: t('centre.productForm.name'),
    unit: t('centre.productForm.unit'),
    description: t('centre.productForm.description'),
  }
  const errorOf = (name: string) => fieldError(create.error, name, clientErrors)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, string> = {}
    if (values.name.trim().length < 2) found.name = requiredMessage(i18n)
    if (!values.unit.trim()) found.unit = requiredMessage(i18n)
    setClientErrors(found)
    if (Object.keys(found).length > 0 || !business) return
    create.mutate(
      {
        body: {
          businessId: business.id,
          name: values.name.trim(),
          unit: values.unit.trim(),
          description: values.description.trim() || null,
        },
        key: key.current,
      },
      {
        onSuccess: (product) =>
          navigate(`/c/${city}/umkm/centre/products/${product.id}`, {
            state: { saved: 'created' } satisfies SavedState,
          }),
      },
    )
  }
  return (
    <Stack gap="sm" component="section" aria-labelledby="product-new-title">
      <Title order={2} id="product-new-title">
        {t('centre.productForm.title')}
      </Title>
      <Text maw={720}>{t('centre.productForm.lead')}</Text>
      {!business ? (
        <BusinessSearch city={city} onChoose={setBusiness} />
      ) : (
        <Paper
          withBorder
          p="md"
          component="form"
          onSubmit={submit}
          noValidate
          aria-label={t('centre.productForm.title')}
        >
          <Stack gap="sm" maw={560}>
            <ErrorSummary form={FORM} error={create.error} clientErrors={clientErrors} labels={labels} />
            <Alert color="blue" variant="light" id={fieldId(FORM, 'businessId')}>
              <Group justify="space-between" gap="xs">
                <Text size="sm">
                  {labels.businessId}: <strong>{business.name}</strong>
                </Text>
                <Button size="xs" variant="subtle" onClick={() => setBusiness(null)}>
                  {t('centre.productForm.changeBusiness')}
                </Button>
              </Group>
            </Alert>
            <TextInput
              id={fieldId(FORM, 'name')}
              label={labels.name}
              description={t('centre.productForm.nameHint')}
              required
              maxLength={200}
              value={values.name}
              onChange={(event) => setValues({ ...values, name: event.currentTarget.value })}
              error={errorOf('name')}
            />
            <TextInput
              id={fieldId(FORM, 'unit')}
              label={labels.unit}
              description={t('centre.productForm.unitHint')}
              required
              maxLength={30}
              w={200}
              value={values.unit}
              onChange={(event) => setValues({ ...values, unit: event.currentTarget.value })}
              error={errorOf('unit')}
            />
            <Textarea
              id={fieldId(FORM, 'description')}
              label={labels.description}
              description={t('centre.productForm.descriptionHint')}
              maxLength={1000}
              autosize
              minRows={2}
              value={values.description}
              onChange={(event) => setValues({ ...values, description: event.currentTarget.value })}
              error={errorOf('description')}
            />
            <Group>
              <Button type="submit" loading={create.isPending} style={TOUCH}>
                {t('centre.productForm.save')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  )
}
