import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core'
import type { FormEvent, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary, fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import { useOpeningHeading } from '../../../platform/web/ui/use-opening-heading.ts'

/**
 * Frame of a form that ends something for a stated reason (closing a business, withdrawing a
 * participant): title that takes focus, lead, error summary, reason, red confirm and cancel.
 * The caller keeps the values and checks them.
 */
export function ReasonConfirmForm(props: {
  /** Prefix of the field ids the error summary links to. */
  form: string
  title: string
  lead: string
  /** Field labels for the error summary; `reason` labels the reason box. */
  labels: { reason: string } & Record<string, string>
  reason: string
  onReasonChange: (reason: string) => void
  reasonHint?: string
  reasonMaxLength?: number
  error: unknown
  clientErrors: Record<string, string>
  confirm: string
  pending: boolean
  onSubmit: (event: FormEvent) => void
  onCancel: () => void
  /** Fields asked before the reason. */
  children?: ReactNode
}) {
  const { t } = useTranslation('umkm')
  const heading = useOpeningHeading()
  const { form, labels } = props
  return (
    <Paper withBorder p="md" component="form" onSubmit={props.onSubmit} noValidate aria-label={props.title}>
      <Stack gap="sm" maw={480}>
        <Title order={3} ref={heading} tabIndex={-1}>
          {props.title}
        </Title>
        <Text size="sm">{props.lead}</Text>
        <ErrorSummary form={form} error={props.error} clientErrors={props.clientErrors} labels={labels} />
        {props.children}
        <Textarea
          id={fieldId(form, 'reason')}
          label={labels.reason}
          description={props.reasonHint}
          required
          autosize
          minRows={2}
          maxLength={props.reasonMaxLength}
          value={props.reason}
          onChange={(event) => props.onReasonChange(event.currentTarget.value)}
          error={fieldError(props.error, 'reason', props.clientErrors)}
        />
        <Group>
          <Button type="submit" color="red" loading={props.pending}>
            {props.confirm}
          </Button>
          <Button variant="subtle" onClick={props.onCancel}>
            {t('form.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
