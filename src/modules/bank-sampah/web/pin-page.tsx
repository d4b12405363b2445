import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { TaskForm } from '../../waste/web/operator/flow-task.tsx'
import { isAcceptablePin } from '../domain/member.ts'
import { useSetPin } from './bank-operations.api.ts'
import { useNasabah } from './bank-sampah.api.ts'
import { BankLayout, TOUCH, useBankSite } from './teller-ui.tsx'

const FORM = 'pin'

/** The nasabah types the PIN themselves on the teller's phone; the teller never needs to know it. */
function PinForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation('bank-sampah')
  const { target, nasabahId } = useBankSite()
  const setPin = useSetPin(target, nasabahId)
  const [pin, setPinText] = useState('')
  const [again, setAgain] = useState('')
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const labels = { pin: t('pin.pin'), again: t('pin.again') }
  const submit = () => {
    const problems: Record<string, string> = {}
    if (!isAcceptablePin(pin)) problems.pin = t('pin.weak')
    else if (pin !== again) problems.again = t('pin.differs')
    setClientErrors(problems)
    if (Object.keys(problems).length === 0) setPin.mutate(pin, { onSuccess: onSaved })
  }
  const input = (name: 'pin' | 'again', value: string, onChange: (value: string) => void) => (
    <PasswordInput
      id={fieldId(FORM, name)}
      label={labels[name]}
      description={name === 'pin' ? t('pin.hint') : undefined}
      inputMode="numeric"
      autoComplete="new-password"
      maxLength={6}
      size="lg"
      maw={280}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={fieldError(setPin.error, name, clientErrors)}
      // PasswordInput marks only data-invalid; screen readers need aria-invalid on the input itself.
      aria-invalid={Boolean(fieldError(setPin.error, name, clientErrors))}
    />
  )
  return (
    <TaskForm
      form={FORM}
      error={setPin.error}
      clientErrors={clientErrors}
      labels={labels}
      submitLabel={t('pin.submit')}
      isPending={setPin.isPending}
      onSubmit={submit}
    >
      {input('pin', pin, setPinText)}
      {input('again', again, setAgain)}
    </TaskForm>
  )
}

/** /…/nasabah/:nasabahId/pin: set the PIN a nasabah signs in with to see their own passbook. */
export default function PinPage() {
  const { t } = useTranslation('bank-sampah')
  const { target, nasabahId, nasabahPath } = useBankSite()
  const nasabah = useNasabah(target, nasabahId)
  const [isSaved, setSaved] = useState(false)
  return (
    <BankLayout title={t('pin.title')} back={{ to: nasabahPath(nasabahId), label: t('backToNasabah') }}>
      <QueryState query={nasabah}>
        {(who) =>
          isSaved ? (
            <Stack gap="md">
              <Alert color="teal" variant="filled" role="status" title={t('pin.done')}>
                <Text c="white">{t('pin.doneLine', { number: who.memberNumber })}</Text>
              </Alert>
              <Button component={Link} to={nasabahPath(who.id)} size="lg" maw={360} style={TOUCH}>
                {t('backToNasabah')}
              </Button>
            </Stack>
          ) : (
            <Stack gap="md">
              <Text>{t('pin.lead', { name: who.name })}</Text>
              <PinForm onSaved={() => setSaved(true)} />
            </Stack>
          )
        }
      </QueryState>
    </BankLayout>
  )
}
