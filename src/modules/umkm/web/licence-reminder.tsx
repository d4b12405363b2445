import { Anchor, Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { formatDateTime } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { ErrorSummary, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { type ReminderChannel, useRecordReminder } from './licence-reminders.api.ts'
import type { ExpiringPage } from './umkm.api.ts'

type ExpiringItem = ExpiringPage['items'][number]

const CHANNELS: ReminderChannel[] = ['phone', 'whatsapp', 'letter', 'in_person']

/** Who to remind and whether anyone has: the owner, the last reminder about this expiry date. */
export function ReminderStatus({ item }: { item: ExpiringItem }) {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  const last = item.reminders.last
  return (
    <Stack gap={2}>
      <Text size="sm">
        {item.owner.name}
        {item.owner.phone ? ` · ${item.owner.phone}` : ''}
      </Text>
      <Text size="sm" c="dimmed">
        {last
          ? t('reminders.last', {
              channel: t(`reminders.channels.${last.channel}`),
              when: formatDateTime(last.sentAt, language),
              who: last.sentBy ?? '—',
            })
          : t('reminders.none')}
        {item.reminders.count > 1 ? ` ${t('reminders.times', { n: item.reminders.count })}` : ''}
      </Text>
    </Stack>
  )
}

/**
 * Remind the owner: open WhatsApp with the message written (the reminder is recorded as the chat
 * opens), or record a call, letter or visit made another way, with a note.
 */
export function ReminderActions({ city, item }: { city: string; item: ExpiringItem }) {
  const { t } = useTranslation('umkm')
  const record = useRecordReminder(city)
  const [open, setOpen] = useState(false)
  const target = { businessId: item.business.id, licenceId: item.licence.id }
  const whatsappKey = useRef(newIdempotencyKey())
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="nowrap">
        {item.whatsappUrl && (
          <Button
            component="a"
            href={item.whatsappUrl}
            target="_blank"
            rel="noopener noreferrer"
            size="xs"
            variant="outline"
            onClick={() =>
              record.mutate({ ...target, body: { channel: 'whatsapp' }, key: whatsappKey.current })
            }
          >
            {t('reminders.whatsapp')}
          </Button>
        )}
        <Button size="xs" variant="default" onClick={() => setOpen((value) => !value)} aria-expanded={open}>
          {t('reminders.record')}
        </Button>
      </Group>
      {open && <ReminderForm city={city} item={item} onDone={() => setOpen(false)} />}
      {!item.whatsappUrl && !item.owner.phone && (
        <Text size="xs" c="dimmed">
          {t('reminders.noPhone')}{' '}
          <Anchor component={Link} to={`/c/${city}/umkm/businesses/${item.business.id}/edit`} size="xs">
            {t('reminders.addPhone')}
          </Anchor>
        </Text>
      )}
    </Stack>
  )
}

function ReminderForm({ city, item, onDone }: { city: string; item: ExpiringItem; onDone: () => void }) {
  const { t } = useTranslation('umkm')
  const record = useRecordReminder(city)
  const form = `reminder-${item.licence.id}`
  // One key for this form: a double tap or a retry after a lost answer records once.
  const key = useRef(newIdempotencyKey())
  const [channel, setChannel] = useState<ReminderChannel>('phone')
  const [note, setNote] = useState('')
  const labels = { channel: t('reminders.channel'), note: t('reminders.note') }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    record.mutate(
      {
        businessId: item.business.id,
        licenceId: item.licence.id,
        body: { channel, note: note.trim() || null },
        key: key.current,
      },
      { onSuccess: onDone },
    )
  }
  return (
    <Paper withBorder p="xs" component="form" onSubmit={submit} noValidate aria-label={t('reminders.record')}>
      <Stack gap="xs">
        <ErrorSummary form={form} error={record.error} labels={labels} />
        <NativeSelect
          id={fieldId(form, 'channel')}
          label={labels.channel}
          value={channel}
          onChange={(event) => setChannel(event.currentTarget.value as ReminderChannel)}
          data={CHANNELS.map((value) => ({ value, label: t(`reminders.channels.${value}`) }))}
          size="xs"
        />
        <TextInput
          id={fieldId(form, 'note')}
          label={labels.note}
          maxLength={300}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          size="xs"
        />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={record.isPending}>
            {t('reminders.save')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('reminders.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
