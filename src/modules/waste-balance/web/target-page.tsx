import { Anchor, Stack, Text, Title } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { requiredMessage } from '../../../platform/web/api/problem.ts'
import { formatNumber } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { ErrorSummary, fieldError } from '../../../platform/web/ui/error-summary.tsx'
import { basisPointsToPercent, percentToBasisPoints } from './balance-logic.ts'
import { NS, useCanWriteBalance } from './balance-ui.tsx'
import { FormButtons, NumberField, TextField, toNumber } from './form-parts.tsx'
import { type Target, useSaveTarget, useTarget } from './waste-balance.api.ts'
import type { SavedState } from './waste-balance-page.tsx'

const FORM = 'target'

function CurrentTarget({ target }: { target: Target | undefined }) {
  const { t } = useTranslation(NS)
  const language = currentLanguage()
  if (!target) return <Text>{t('targetForm.currentNone')}</Text>
  return (
    <Text>
      {t(target.origin === 'city' ? 'targetForm.currentCity' : 'targetForm.currentNational', {
        reduction: formatNumber(basisPointsToPercent(target.reductionBasisPoints), language, 2),
        handling: formatNumber(basisPointsToPercent(target.handlingBasisPoints), language, 2),
        source: target.source,
      })}
    </Text>
  )
}

function TargetForm({ city, year, target }: { city: string; year: number; target: Target | undefined }) {
  const { t, i18n } = useTranslation(NS)
  const navigate = useNavigate()
  const save = useSaveTarget(city)
  const key = useRef(newIdempotencyKey())
  const [reduction, setReduction] = useState<number | string>(
    target ? basisPointsToPercent(target.reductionBasisPoints) : '',
  )
  const [handling, setHandling] = useState<number | string>(
    target ? basisPointsToPercent(target.handlingBasisPoints) : '',
  )
  const [decree, setDecree] = useState(target?.origin === 'city' ? target.source : '')
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const labels = {
    reductionBasisPoints: t('targetForm.reduction'),
    handlingBasisPoints: t('targetForm.handling'),
    decree: t('targetForm.decree'),
  }
  const errorOf = (name: string) => fieldError(save.error, name, clientErrors)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, string> = {}
    const reductionPercent = toNumber(reduction)
    const handlingPercent = toNumber(handling)
    if (reductionPercent === null) found.reductionBasisPoints = requiredMessage(i18n)
    if (handlingPercent === null) found.handlingBasisPoints = requiredMessage(i18n)
    if (decree.trim().length < 3) found.decree = requiredMessage(i18n)
    setClientErrors(found)
    if (reductionPercent === null || handlingPercent === null || Object.keys(found).length > 0) return
    const body = {
      reductionBasisPoints: percentToBasisPoints(reductionPercent),
      handlingBasisPoints: percentToBasisPoints(handlingPercent),
      decree: decree.trim(),
    }
    save.mutate(
      { year, body, key: key.current },
      {
        onSuccess: () => {
          const state: SavedState = { saved: 'target' }
          void navigate(`/c/${city}/waste-balance?period=${year}`, { state })
        },
        onError: () => (key.current = newIdempotencyKey()),
      },
    )
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={560}>
        <ErrorSummary form={FORM} error={save.error} clientErrors={clientErrors} labels={labels} />
        <NumberField
          form={FORM}
          name="reductionBasisPoints"
          label={labels.reductionBasisPoints}
          hint={t('targetForm.percentHint')}
          required
          decimals={2}
          value={reduction}
          onChange={setReduction}
          error={errorOf('reductionBasisPoints')}
        />
        <NumberField
          form={FORM}
          name="handlingBasisPoints"
          label={labels.handlingBasisPoints}
          hint={t('targetForm.percentHint')}
          required
          decimals={2}
          value={handling}
          onChange={setHandling}
          error={errorOf('handlingBasisPoints')}
        />
        <TextField
          form={FORM}
          name="decree"
          label={labels.decree}
          hint={t('targetForm.decreeHint')}
          required
          value={decree}
          onChange={setDecree}
          error={errorOf('decree')}
        />
        <FormButtons city={city} isPending={save.isPending} />
      </Stack>
    </form>
  )
}

/** /c/:city/waste-balance/targets/:year: the city's own Jakstrada targets, with the decree. */
export default function TargetPage() {
  const { t } = useTranslation(NS)
  const city = useCityParam()
  const year = Number(useParams().year)
  const target = useTarget(city, year)
  const canWrite = useCanWriteBalance(city)
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/c/${city}/waste-balance?period=${year}`}>
        {t('form.back')}
      </Anchor>
      <Title order={1}>{t('targetForm.title', { year })}</Title>
      <Text maw={640}>{t('targetForm.lead')}</Text>
      {/* No target at all (before 2018) answers 404: the form then starts empty. */}
      {target.isPending ? null : <CurrentTarget target={target.data} />}
      {!canWrite ? (
        <Text>{t('form.noPermission')}</Text>
      ) : (
        !target.isPending && <TargetForm city={city} year={year} target={target.data} />
      )}
    </Stack>
  )
}
