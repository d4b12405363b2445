import { Alert, Box, Button, FileInput, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { useWorkspace } from '../../../platform/web/api/hooks.ts'
import { ApiError, problemMessage } from '../../../platform/web/api/problem.ts'
import { formatNumber } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { dashboardRange } from './dashboard-figures.ts'
import { flowSpreadsheetUrl, rowProblemOf, useImportFlows } from './facilities.api.ts'
import { useCanWriteFlows } from './facility-labels.tsx'
import { isUsableDate, todayIn } from './operator/quantities.ts'

const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv'

function ExportForm({ city, facilityId, today }: { city: string; facilityId: string; today: string }) {
  const { t } = useTranslation('waste')
  const initial = dashboardRange('days30', today)
  const [from, setFrom] = useState(initial.from)
  const [to, setTo] = useState(initial.to)
  const fromOk = isUsableDate(from, today)
  const toOk = isUsableDate(to, today)
  const orderOk = !fromOk || !toOk || from <= to
  const canExport = fromOk && toOk && orderOk
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('files.exportTitle')}
      </Title>
      <Text size="sm">{t('files.exportLead')}</Text>
      <Group align="flex-end" gap="sm">
        <TextInput
          type="date"
          label={t('files.from')}
          value={from}
          max={today}
          onChange={(event) => setFrom(event.currentTarget.value)}
          error={fromOk ? undefined : t('files.dateInvalid')}
        />
        <TextInput
          type="date"
          label={t('files.to')}
          value={to}
          max={today}
          onChange={(event) => setTo(event.currentTarget.value)}
          error={!toOk ? t('files.dateInvalid') : orderOk ? undefined : t('files.dateOrder')}
        />
        {canExport ? (
          <Button
            component="a"
            href={flowSpreadsheetUrl(city, facilityId, { kind: 'export', from, to })}
            download
            variant="outline"
          >
            {t('files.export')}
          </Button>
        ) : (
          <Button variant="outline" disabled>
            {t('files.export')}
          </Button>
        )}
      </Group>
    </Stack>
  )
}

function ImportProblems({ error }: { error: ApiError }) {
  const { t } = useTranslation('waste')
  const language = currentLanguage()
  const problems = error.fieldProblems.map((problem) => ({ ...problem, at: rowProblemOf(problem.field) }))
  return (
    <Alert color="red" variant="light" role="alert" title={t('files.refusedTitle')}>
      <Stack gap="xs">
        <Text>{t('files.refusedLead', { n: formatNumber(problems.length, language) })}</Text>
        <Table.ScrollContainer minWidth={320}>
          <Table withTableBorder striped bg="white">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('files.row')}</Table.Th>
                <Table.Th scope="col">{t('files.column')}</Table.Th>
                <Table.Th scope="col">{t('files.problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {problems.map((problem) => (
                <Table.Tr key={`${problem.field}-${problem.code}`}>
                  <Table.Td>{problem.at ? formatNumber(problem.at.row, language) : '—'}</Table.Td>
                  <Table.Td>
                    <code>{problem.at?.column || '—'}</code>
                  </Table.Td>
                  <Table.Td>{problem.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Alert>
  )
}

function ImportForm({ city, facilityId }: { city: string; facilityId: string }) {
  const { t, i18n } = useTranslation('waste')
  const [file, setFile] = useState<File | null>(null)
  const [missing, setMissing] = useState(false)
  const [key, setKey] = useState(newIdempotencyKey)
  const upload = useImportFlows(city, facilityId)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!file) {
      setMissing(true)
      return
    }
    upload.mutate({ file, key })
  }
  const error = upload.error
  const rowsRefused = error instanceof ApiError && error.fieldProblems.length > 0
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('files.importTitle')}
      </Title>
      <Text size="sm">{t('files.importLead')}</Text>
      <Box component="form" onSubmit={submit} noValidate>
        <Group align="flex-end" gap="sm">
          <FileInput
            label={t('files.file')}
            placeholder={t('files.choose')}
            accept={ACCEPT}
            value={file}
            clearable
            clearButtonProps={{ 'aria-label': t('files.clear') }}
            // Mantine's placeholder grey is under 4.5:1 on white.
            styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
            onChange={(chosen) => {
              setFile(chosen)
              setMissing(false)
              // A different file is a different upload: a new key, and the old answer goes.
              setKey(newIdempotencyKey())
              upload.reset()
            }}
            error={missing ? t('files.fileMissing') : undefined}
            miw={240}
          />
          <Button type="submit" loading={upload.isPending}>
            {t('files.import')}
          </Button>
        </Group>
      </Box>
      <div aria-live="polite">
        {upload.isSuccess && (
          <Alert color="teal" role="status">
            {t('files.imported', {
              n: formatNumber(upload.data.imported, currentLanguage()),
            })}
          </Alert>
        )}
      </div>
      {error && rowsRefused && <ImportProblems error={error} />}
      {error && !rowsRefused && (
        <Alert color="red" variant="light" role="alert" title={t('files.failedTitle')}>
          {problemMessage(i18n, error)}
        </Alert>
      )}
    </Stack>
  )
}

/** Spreadsheets of the facility's ledger: everyone who reads may export; writers also get the template and import. */
export function FacilitySpreadsheets({ city, facilityId }: { city: string; facilityId: string }) {
  const { t } = useTranslation('waste')
  const canWrite = useCanWriteFlows(city, facilityId)
  const today = todayIn(useWorkspace(city).data?.city.timezone ?? 'Asia/Jakarta')
  return (
    <Box component="section" aria-labelledby="facility-files-title" maw={760}>
      <Stack gap="md">
        <Title order={2} size="h3" id="facility-files-title">
          {t('files.title')}
        </Title>
        <ExportForm city={city} facilityId={facilityId} today={today} />
        {canWrite && (
          <>
            <Stack gap="xs">
              <Title order={3} size="h4">
                {t('files.templateTitle')}
              </Title>
              <Text size="sm">{t('files.templateLead')}</Text>
              <Group>
                <Button
                  component="a"
                  href={flowSpreadsheetUrl(city, facilityId, { kind: 'template' })}
                  download
                  variant="outline"
                >
                  {t('files.template')}
                </Button>
              </Group>
            </Stack>
            <ImportForm city={city} facilityId={facilityId} />
          </>
        )}
      </Stack>
    </Box>
  )
}
