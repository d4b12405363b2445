import {
  Alert,
  Anchor,
  Box,
  Button,
  Checkbox,
  FileInput,
  Group,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api, newIdempotencyKey, postFile, unwrap } from '../../../platform/web/api/client.ts'
import { useWorkspace } from '../../../platform/web/api/hooks.ts'
import { problemMessage } from '../../../platform/web/api/problem.ts'
import type { paths } from '../../../platform/web/api/schema'
import { formatNumber } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { useCanEditUmkm } from './umkm-labels.tsx'

type JobPath = paths['/api/v1/cities/{city}/umkm/sidt/imports/{jobId}']
type SidtJob = JobPath['get']['responses'][200]['content']['application/json']
type JobProblem = NonNullable<SidtJob['problem']>

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const ACCEPT = `.xlsx,.csv,${XLSX_TYPE},text/csv`
/** Often enough that the bar moves, rarely enough for a weak connection. */
const POLL_MS = 700

const base = (city: string) => `/api/v1/cities/${encodeURIComponent(city)}/umkm/sidt`

/** Browsers often leave a CSV file's type empty: the name decides. */
function contentTypeOf(file: File): string {
  return /\.csv$/i.test(file.name) || file.type === 'text/csv' ? 'text/csv' : XLSX_TYPE
}

function useSidtJob(city: string, started: SidtJob | null) {
  return useQuery({
    queryKey: ['umkm', 'sidt-import', city, started?.id],
    enabled: started !== null,
    initialData: started ?? undefined,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{city}/umkm/sidt/imports/{jobId}', {
          params: { path: { city, jobId: started!.id } },
        }),
      ),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
  })
}

function JobProgress({ job }: { job: SidtJob }) {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  // While the file is read its length is not known yet: the bar runs without a percentage.
  const isCounting = job.phase !== 'reading' && job.total > 0
  const percent = isCounting ? Math.min(100, Math.round((job.done / job.total) * 100)) : 100
  const counts = { done: formatNumber(job.done, language), total: formatNumber(job.total, language) }
  const label =
    job.phase === 'reading' && job.done === 0
      ? t('sidt.phase.readingNoCount')
      : t(`sidt.phase.${job.phase}`, counts)
  return (
    <Stack gap={4}>
      <Text size="sm" aria-live="polite">
        {label}
      </Text>
      <Progress.Root size="xl">
        <Progress.Section
          value={percent}
          striped={!isCounting}
          animated={!isCounting}
          aria-label={t('sidt.progressLabel')}
        >
          {isCounting && <Progress.Label>{percent}%</Progress.Label>}
        </Progress.Section>
      </Progress.Root>
    </Stack>
  )
}

function RowProblems({ problem }: { problem: JobProblem }) {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  return (
    <Alert color="red" variant="light" role="alert" title={t('sidt.refusedTitle')}>
      <Stack gap="xs">
        <Text>{problem.detail}</Text>
        {problem.problemCount > problem.errors.length && (
          <Text size="sm">
            {t('sidt.firstProblems', {
              shown: formatNumber(problem.errors.length, language),
              total: formatNumber(problem.problemCount, language),
            })}
          </Text>
        )}
        <Table.ScrollContainer minWidth={360}>
          <Table withTableBorder striped bg="white">
            <Table.Caption>{t('sidt.problemsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('sidt.row')}</Table.Th>
                <Table.Th scope="col">{t('sidt.column')}</Table.Th>
                <Table.Th scope="col">{t('sidt.problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {problem.errors.map((error) => (
                <Table.Tr key={`${error.field}-${error.code}`}>
                  <Table.Td>{error.row === null ? '—' : formatNumber(error.row, language)}</Table.Td>
                  <Table.Td>
                    <code>{error.column ?? '—'}</code>
                  </Table.Td>
                  <Table.Td>{error.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Alert>
  )
}

function JobOutcome({ job }: { job: SidtJob }) {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  if (job.status === 'running') return <JobProgress job={job} />
  if (job.status === 'done' && job.result) {
    const n = (value: number) => formatNumber(value, language)
    return (
      <Alert color="teal" role="status" title={t('sidt.doneTitle')}>
        {t('sidt.done', {
          inserted: n(job.result.inserted),
          updated: n(job.result.updated),
          unchanged: n(job.result.unchanged),
          figures: n(job.result.figures),
        })}
      </Alert>
    )
  }
  const problem = job.problem
  if (problem && problem.errors.length > 0) return <RowProblems problem={problem} />
  return (
    <Alert color="red" variant="light" role="alert" title={t('sidt.failedTitle')}>
      {problem?.detail ?? t('sidt.failedUnknown')}
    </Alert>
  )
}

function ImportForm({ city }: { city: string }) {
  const { t, i18n } = useTranslation('umkm')
  const queryClient = useQueryClient()
  const [file, setFile] = useState<File | null>(null)
  const [isMissing, setIsMissing] = useState(false)
  const [key, setKey] = useState(newIdempotencyKey)
  const upload = useMutation({
    mutationFn: (chosen: File) =>
      postFile<SidtJob>(`${base(city)}/imports`, { file: chosen, key, contentType: contentTypeOf(chosen) }),
  })
  const job = useSidtJob(city, upload.data ?? null)
  const current = job.data
  const isRunning = upload.isPending || current?.status === 'running'
  useEffect(() => {
    if (current?.status === 'done')
      void queryClient.invalidateQueries({ queryKey: ['umkm', 'businesses', city] })
  }, [current?.status, queryClient, city])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!file) return setIsMissing(true)
    upload.mutate(file)
  }
  return (
    <Box component="section" aria-labelledby="sidt-import-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="sidt-import-title">
          {t('sidt.importTitle')}
        </Title>
        <Text size="sm" maw={720}>
          {t('sidt.importLead')}
        </Text>
        <Box component="form" onSubmit={submit} noValidate>
          <Group align="flex-end" gap="sm">
            <FileInput
              label={t('sidt.file')}
              description={t('sidt.fileHint')}
              placeholder={t('sidt.choose')}
              accept={ACCEPT}
              value={file}
              clearable
              clearButtonProps={{ 'aria-label': t('sidt.clear') }}
              // Mantine's placeholder grey is under 4.5:1 on white.
              styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
              onChange={(chosen) => {
                setFile(chosen)
                setIsMissing(false)
                // Another file is another upload: a new key, and the old answer goes.
                setKey(newIdempotencyKey())
                upload.reset()
              }}
              error={isMissing ? t('sidt.fileMissing') : undefined}
              disabled={isRunning}
              miw={260}
            />
            <Button type="submit" loading={upload.isPending} disabled={isRunning}>
              {t('sidt.import')}
            </Button>
          </Group>
        </Box>
        {upload.error && (
          <Alert color="red" variant="light" role="alert" title={t('sidt.failedTitle')}>
            {problemMessage(i18n, upload.error)}
          </Alert>
        )}
        {job.error && !current && (
          <Alert color="red" variant="light" role="alert">
            {problemMessage(i18n, job.error)}
          </Alert>
        )}
        {current && <JobOutcome job={current} />}
      </Stack>
    </Box>
  )
}

function ExportForm({ city, canUnmask }: { city: string; canUnmask: boolean }) {
  const { t } = useTranslation('umkm')
  const [isUnmasked, setIsUnmasked] = useState(false)
  const href = (format: 'xlsx' | 'csv') => {
    const query = new URLSearchParams({ format })
    if (isUnmasked) query.set('unmasked', 'true')
    return `${base(city)}/export.xlsx?${query}`
  }
  return (
    <Box component="section" aria-labelledby="sidt-export-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="sidt-export-title">
          {t('sidt.exportTitle')}
        </Title>
        <Text size="sm" maw={720}>
          {t('sidt.exportLead')}
        </Text>
        {canUnmask && (
          <Checkbox
            label={t('sidt.unmasked')}
            description={t('sidt.unmaskedHint')}
            checked={isUnmasked}
            onChange={(event) => setIsUnmasked(event.currentTarget.checked)}
          />
        )}
        <Group gap="sm">
          <Button component="a" href={href('xlsx')} download variant="outline">
            {t('sidt.exportXlsx')}
          </Button>
          <Button component="a" href={href('csv')} download variant="outline">
            {t('sidt.exportCsv')}
          </Button>
        </Group>
      </Stack>
    </Box>
  )
}

/** The registry in and out of the national SIDT layout: import (staff) and export (anyone who reads). */
export default function SidtImportPage() {
  const { t } = useTranslation('umkm')
  const city = useCityParam()
  const canEdit = useCanEditUmkm(city)
  const canUnmask = useWorkspace(city).data?.permissions.includes('umkm:personal_data') ?? false
  return (
    <Stack gap="xl" maw={960}>
      <Stack gap="xs">
        <Anchor component={Link} to={`/c/${city}/umkm/businesses`} size="sm">
          {t('sidt.back')}
        </Anchor>
        <Title order={1}>{t('sidt.title')}</Title>
        <Text maw={720}>{t('sidt.lead')}</Text>
      </Stack>
      {canEdit ? <ImportForm city={city} /> : <Alert color="yellow">{t('sidt.noPermission')}</Alert>}
      <ExportForm city={city} canUnmask={canUnmask} />
    </Stack>
  )
}
