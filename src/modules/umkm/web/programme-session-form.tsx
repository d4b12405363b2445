import { Button, Checkbox, Group, Paper, Stack, TextInput, Title } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { requiredMessage } from '../../../platform/web/api/problem.ts'
import { ErrorSummary, fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { isWithdrawnBy } from '../domain/coaching.ts'
import { type Participant, useAddSession } from './coaching.api.ts'

const FORM = 'session-new'

/** The attendance sheet of one session: its date, topic, and who came. */
export function SessionForm({
  city,
  programmeId,
  participants,
  onDone,
}: {
  city: string
  programmeId: string
  participants: Participant[]
  onDone: () => void
}) {
  const { t, i18n } = useTranslation('umkm')
  const add = useAddSession(city, programmeId)
  const key = useRef(newIdempotencyKey())
  const [values, setValues] = useState({ heldOn: '', topic: '', present: [] as string[] })
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const labels = {
    heldOn: t('sessions.heldOn'),
    topic: t('sessions.topic'),
    present: t('sessions.present'),
  }
  const errorOf = (name: string) => fieldError(add.error, name, clientErrors)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, string> = {}
    if (!values.heldOn) found.heldOn = requiredMessage(i18n)
    if (!values.topic.trim()) found.topic = requiredMessage(i18n)
    setClientErrors(found)
    if (Object.keys(found).length > 0) return
    add.mutate(
      {
        body: { heldOn: values.heldOn, topic: values.topic.trim(), present: values.present },
        key: key.current,
      },
      { onSuccess: onDone },
    )
  }
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={t('sessions.addTitle')}
    >
      <Stack gap="sm" maw={520}>
        <Title order={3}>{t('sessions.addTitle')}</Title>
        <ErrorSummary form={FORM} error={add.error} clientErrors={clientErrors} labels={labels} />
        <TextInput
          id={fieldId(FORM, 'heldOn')}
          type="date"
          label={labels.heldOn}
          required
          value={values.heldOn}
          onChange={(event) => setValues({ ...values, heldOn: event.currentTarget.value })}
          error={errorOf('heldOn')}
        />
        <TextInput
          id={fieldId(FORM, 'topic')}
          label={labels.topic}
          required
          maxLength={300}
          value={values.topic}
          onChange={(event) => setValues({ ...values, topic: event.currentTarget.value })}
          error={errorOf('topic')}
        />
        <Checkbox.Group
          id={fieldId(FORM, 'present')}
          label={labels.present}
          description={t('sessions.presentHint')}
          value={values.present}
          onChange={(present) => setValues({ ...values, present })}
          error={errorOf('present')}
        >
          <Stack gap="xs" mt="xs">
            {participants
              // A participant withdrawn on or before the session's day was not in the programme then.
              .filter((participant) => !isWithdrawnBy(participant.withdrawnOn, values.heldOn || '9999-12-31'))
              .map((participant) => (
                <Checkbox key={participant.id} value={participant.id} label={participant.business.name} />
              ))}
          </Stack>
        </Checkbox.Group>
        <Group>
          <Button type="submit" loading={add.isPending}>
            {t('sessions.save')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('form.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
