import { Alert, Anchor, Button, FileInput, Group, List, Stack, Text, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { ApiError, problemMessage } from '../../../platform/web/api/problem.ts'
import { formatNumber } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { NS } from './balance-ui.tsx'
import { manualFlowTemplateUrl, useImportManualFlows, XLSX_TYPE } from './waste-balance.api.ts'

/** Upload a spreadsheet of hand-kept flows (from the template); nothing is saved if any row is wrong. */
export function ManualFlowsImport({ city }: { city: string }) {
  const { t, i18n } = useTranslation(NS)
  const [file, setFile] = useState<File | null>(null)
  const [missing, setMissing] = useState(false)
  const [key, setKey] = useState(newIdempotencyKey)
  const upload = useImportManualFlows(city)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!file) return setMissing(true)
    upload.mutate({ file, key })
  }
  const error = upload.error
  const rows = error instanceof ApiError ? error.fieldProblems : []
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('flows.importTitle')}
      </Title>
      <Text size="sm" maw={640}>
        {t('flows.importLead')}{' '}
        <Anchor href={manualFlowTemplateUrl(city)} download>
          {t('flows.template')}
        </Anchor>
      </Text>
      <form onSubmit={submit} noValidate>
        <Group align="flex-end" gap="sm">
          <FileInput
            label={t('flows.file')}
            accept={`${XLSX_TYPE},.xlsx`}
            value={file}
            clearable
            clearButtonProps={{ 'aria-label': t('flows.clearFile') }}
            onChange={(chosen) => {
              setFile(chosen)
              setMissing(false)
              // Another file is another upload: a new key, and the old answer goes.
              setKey(newIdempotencyKey())
              upload.reset()
            }}
            error={missing ? t('flows.fileMissing') : undefined}
            miw={240}
          />
          <Button type="submit" loading={upload.isPending}>
            {t('flows.import')}
          </Button>
        </Group>
      </form>
      <div aria-live="polite">
        {upload.isSuccess && (
          <Alert color="teal" role="status">
            {t('flows.imported', { n: formatNumber(upload.data.imported, currentLanguage()) })}
          </Alert>
        )}
      </div>
      {error && (
        <Alert color="red" variant="light" role="alert" title={problemMessage(i18n, error)}>
          {rows.length > 0 && (
            <List size="sm">
              {rows.map((row) => (
                <List.Item key={`${row.field}-${row.code}`}>{row.message}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Stack>
  )
}
