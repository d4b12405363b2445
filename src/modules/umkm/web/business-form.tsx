import { Button, Group, Stack } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { requiredMessage } from '../../../platform/web/api/problem.ts'
import { parseCoordinate } from '../../../platform/web/parse-number.ts'
import { ErrorSummary, fieldError } from '../../../platform/web/ui/error-summary.tsx'
import {
  BusinessFields,
  type FormKit,
  OwnerFields,
  PlaceFields,
  WorkerFields,
} from './business-form-fields.tsx'
import {
  bodyOf,
  initialValues,
  parseYear,
  TEXT_FIELDS,
  type TextField,
  type Values,
  WORKER_FIELDS,
} from './business-form-values.ts'
import { type Business, type BusinessChanges, useCreateBusiness, useUpdateBusiness } from './umkm.api.ts'
import type { SavedState } from './umkm-labels.tsx'

/** Checks made before sending: required fields and numbers that do not parse. */
function useClientCheck(isMasked: boolean) {
  const { t, i18n } = useTranslation('umkm')
  return (values: Values) => {
    const found: Record<string, string> = {}
    const required: TextField[] = isMasked ? ['name', 'kbliCode'] : ['name', 'kbliCode', 'ownerName']
    for (const name of required) {
      if (!values[name].trim()) found[name] = requiredMessage(i18n)
    }
    for (const name of ['latitude', 'longitude'] as const) {
      if (Number.isNaN(parseCoordinate(values[name]))) found[name] = t('form.notANumber')
    }
    if (Number.isNaN(parseYear(values.startedYear))) found.startedYear = t('form.startedYearInvalid')
    return found
  }
}

/** Register or change a business. The server's refusals come back next to each field. */
export function BusinessForm({ city, business }: { city: string; business?: Business }) {
  const { t } = useTranslation('umkm')
  const navigate = useNavigate()
  const create = useCreateBusiness(city)
  const update = useUpdateBusiness(city)
  const mutation = business ? update : create
  const [values, setValues] = useState(() => initialValues(business))
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const key = useRef(newIdempotencyKey())
  const isMasked = business?.personalDataMasked ?? false
  const check = useClientCheck(isMasked)
  const names = [...TEXT_FIELDS, ...WORKER_FIELDS, 'villageCode', 'selfReportedScale', 'startedMonth']
  const kit: FormKit = {
    form: business ? `business-${business.id}` : 'business-new',
    values,
    set: (name, value) => setValues((old) => ({ ...old, [name]: value })),
    labels: Object.fromEntries(names.map((name) => [name, t(`form.${name}`)])),
    errorOf: (name) => fieldError(mutation.error, name, clientErrors),
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = check(values)
    setClientErrors(found)
    if (Object.keys(found).length > 0) return
    const body = bodyOf(values, isMasked)
    const onSuccess = (saved: Business) => {
      const state: SavedState = { saved: business ? 'updated' : 'created' }
      void navigate(`/c/${city}/umkm/businesses/${saved.id}`, { state })
    }
    if (business) {
      const changes: BusinessChanges = { ...body }
      // A masked name must never be saved back over the real one.
      if (isMasked) delete changes.ownerName
      update.mutate({ businessId: business.id, changes }, { onSuccess })
    } else create.mutate({ body, key: key.current }, { onSuccess })
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg" maw={620}>
        <ErrorSummary
          form={kit.form}
          error={mutation.error}
          clientErrors={clientErrors}
          labels={kit.labels}
        />
        <BusinessFields kit={kit} />
        <OwnerFields kit={kit} isMasked={isMasked} />
        <PlaceFields kit={kit} city={city} />
        <WorkerFields kit={kit} />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {business ? t('form.save') : t('form.create')}
          </Button>
          <Button
            variant="subtle"
            component={Link}
            to={business ? `/c/${city}/umkm/businesses/${business.id}` : `/c/${city}/umkm/businesses`}
          >
            {t('form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
