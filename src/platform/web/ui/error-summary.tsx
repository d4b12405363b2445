import { Alert, Anchor, List, Text } from '@mantine/core'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { fieldErrorsOf, problemMessage } from '../api/problem.ts'

export function fieldId(form: string, name: string): string {
  return `${form}-${name}`
}

interface ErrorSummaryProps {
  /** Name of the form: prefixes the field ids the summary links to. */
  form: string
  error: unknown
  /** Problems found before sending (e.g. passwords that differ), by field name. */
  clientErrors?: Record<string, string>
  labels: Record<string, string>
}

/**
 * GOV.UK-style summary above a form: what went wrong, with a link to each field. It takes focus
 * when it appears so keyboard and screen-reader users land on it.
 */
export function ErrorSummary({ form, error, clientErrors = {}, labels }: ErrorSummaryProps) {
  const { t, i18n } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  const fields = { ...fieldErrorsOf(error), ...clientErrors }
  const hasClientErrors = Object.keys(clientErrors).length > 0
  const visible = Boolean(error) || hasClientErrors

  useEffect(() => {
    if (visible) ref.current?.focus()
  }, [visible])

  if (!visible) return null
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color="red"
      variant="outline"
      title={t('errors.summaryTitle')}
      role="alert"
    >
      {error ? <Text size="sm">{problemMessage(i18n, error)}</Text> : null}
      {Object.keys(fields).length > 0 && (
        <List size="sm" mt="xs">
          {Object.entries(fields).map(([name, message]) => (
            <List.Item key={name}>
              <Anchor href={`#${fieldId(form, name)}`} c="red.9" underline="always">
                {labels[name] ? `${labels[name]}: ` : ''}
                {message}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  )
}

/** Error text for one field: from the server's problem, or found before sending. */
export function fieldError(error: unknown, name: string, clientErrors: Record<string, string> = {}) {
  return clientErrors[name] ?? fieldErrorsOf(error)[name]
}
