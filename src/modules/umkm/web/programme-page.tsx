import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams } from 'react-router'
import { formatDate, formatNumber, formatPercent, formatRupiah } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { useCityParam } from '../../../platform/web/layout/city-shell.tsx'
import { QueryState } from '../../../platform/web/ui/query-state.tsx'
import { RecordHeading } from '../../../platform/web/ui/record-heading.tsx'
import { SummaryList } from '../../../platform/web/ui/summary-list.tsx'
import { type Participant, type ProgrammeDetail, useProgramme } from './coaching.api.ts'
import { EnrolControl } from './programme-enrol.tsx'
import { FullBadge, useEnrolledText, useProgrammeDates } from './programme-labels.tsx'
import { OutcomeForm } from './programme-outcome-form.tsx'
import { SessionForm } from './programme-session-form.tsx'
import { WithdrawForm } from './programme-withdraw-form.tsx'
import { type SavedState, useCanEditUmkm } from './umkm-labels.tsx'

const EMPTY = '—'

function ProgrammeDetails({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation('umkm')
  const datesOf = useProgrammeDates()
  const enrolledOf = useEnrolledText()
  return (
    <SummaryList
      rows={[
        { label: t('programmeForm.kind'), value: t(`programmes.kinds.${programme.kind}`) },
        { label: t('programmeForm.agency'), value: programme.agency },
        { label: t('programmeForm.budgetActivityCode'), value: programme.budgetActivityCode ?? EMPTY },
        { label: t('programmeForm.funding'), value: t(`programmes.funding.${programme.funding}`) },
        { label: t('programmes.colDates'), value: datesOf(programme) },
        {
          label: t('programmes.colEnrolled'),
          value: (
            <Group gap="xs" component="span">
              {enrolledOf(programme)}
              {programme.isFull && <FullBadge />}
            </Group>
          ),
        },
        {
          label: t('programmes.eligibility'),
          value: [
            programme.requiresNib ? t('programmes.requiresNib') : t('programmes.noNibNeeded'),
            programme.eligibleScales.length > 0
              ? t('programmes.scalesOnly', {
                  scales: programme.eligibleScales
                    .map((scale) => t(`scales.${scale}`).toLowerCase())
                    .join(', '),
                })
              : t('programmes.anyScale'),
          ].join('; '),
        },
      ]}
    />
  )
}

/** The effect cells: before → after, "—" for what was not recorded or cannot be compared (never 0). */
function useEffectCells() {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  const n = (value: number | null | undefined) =>
    value === null || value === undefined ? EMPTY : formatNumber(value, language)
  const rupiah = (value: number | null | undefined) =>
    value === null || value === undefined ? EMPTY : formatRupiah(value, language)
  const signed = (value: number) => `${value > 0 ? '+' : ''}${formatPercent(value / 100, language)}`
  return (participant: Participant) => {
    const { before, after, change } = participant
    const online = (value: boolean | null | undefined) =>
      value === null || value === undefined ? EMPTY : value ? t('outcomes.yes') : t('outcomes.no')
    return {
      attendance:
        participant.attendancePercent === null
          ? EMPTY
          : formatPercent(participant.attendancePercent / 100, language),
      sales:
        before || after
          ? `${rupiah(before?.annualSalesRupiah)} → ${rupiah(after?.annualSalesRupiah)}${
              change.salesGrowthPercent === null ? '' : ` (${signed(change.salesGrowthPercent)})`
            }`
          : EMPTY,
      workers: before || after ? `${n(before?.workers)} → ${n(after?.workers)}` : EMPTY,
      certificates: before || after ? `${n(before?.certificates)} → ${n(after?.certificates)}` : EMPTY,
      online:
        change.wentOnline === true
          ? t('outcomes.wentOnline')
          : before || after
            ? `${online(before?.sellsOnline)} → ${online(after?.sellsOnline)}`
            : EMPTY,
    }
  }
}

function Participants({
  city,
  programme,
  canEdit,
}: {
  city: string
  programme: ProgrammeDetail
  canEdit: boolean
}) {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  const cellsOf = useEffectCells()
  const [recording, setRecording] = useState<Participant | null>(null)
  const [withdrawing, setWithdrawing] = useState<Participant | null>(null)
  return (
    <Stack gap="md">
      <Title order={2}>{t('participants.title')}</Title>
      <Text maw={720}>{t('participants.lead')}</Text>
      {programme.participants.length === 0 ? (
        <Text>{t('participants.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped verticalSpacing="xs" aria-label={t('participants.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('participants.business')}</Table.Th>
                <Table.Th scope="col">{t('participants.enrolledOn')}</Table.Th>
                <Table.Th scope="col">{t('participants.attendance')}</Table.Th>
                <Table.Th scope="col">{t('participants.sales')}</Table.Th>
                <Table.Th scope="col">{t('participants.workers')}</Table.Th>
                <Table.Th scope="col">{t('participants.certificates')}</Table.Th>
                <Table.Th scope="col">{t('participants.online')}</Table.Th>
                {canEdit && (
                  <Table.Th scope="col">
                    <span className="visually-hidden">{t('licences.actions')}</span>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {programme.participants.map((participant) => {
                const cells = cellsOf(participant)
                return (
                  <Table.Tr key={participant.id}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor
                        component={Link}
                        to={`/c/${city}/umkm/businesses/${participant.business.id}`}
                        fw={600}
                      >
                        {participant.business.name}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(participant.enrolledOn, language)}
                      </Text>
                      {participant.withdrawnOn && (
                        <Text size="sm">
                          {t('withdrawal.withdrawnOn', {
                            date: formatDate(participant.withdrawnOn, language),
                            reason: participant.withdrawalReason,
                          })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{cells.attendance}</Table.Td>
                    <Table.Td>{cells.sales}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{cells.workers}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{cells.certificates}</Table.Td>
                    <Table.Td>{cells.online}</Table.Td>
                    {canEdit && (
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => {
                              setWithdrawing(null)
                              setRecording(participant)
                            }}
                            aria-label={t('outcomes.recordOne', { name: participant.business.name })}
                          >
                            {t('outcomes.record')}
                          </Button>
                          {!participant.withdrawnOn && (
                            <Button
                              size="xs"
                              variant="default"
                              onClick={() => {
                                setRecording(null)
                                setWithdrawing(participant)
                              }}
                              aria-label={t('withdrawal.openOne', { name: participant.business.name })}
                            >
                              {t('withdrawal.open')}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canEdit && recording && (
        <OutcomeForm
          key={recording.id}
          city={city}
          programmeId={programme.id}
          participant={recording}
          onDone={() => setRecording(null)}
        />
      )}
      {canEdit && withdrawing && (
        <WithdrawForm
          key={withdrawing.id}
          city={city}
          programmeId={programme.id}
          participant={withdrawing}
          onDone={() => setWithdrawing(null)}
        />
      )}
    </Stack>
  )
}

function Sessions({
  city,
  programme,
  canEdit,
}: {
  city: string
  programme: ProgrammeDetail
  canEdit: boolean
}) {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  const [adding, setAdding] = useState(false)
  return (
    <Stack gap="md">
      <Title order={2}>{t('sessions.title')}</Title>
      {programme.sessions.length === 0 ? (
        <Text>{t('sessions.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('sessions.heldOn')}</Table.Th>
                <Table.Th scope="col">{t('sessions.topic')}</Table.Th>
                <Table.Th scope="col">{t('sessions.presentCount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {programme.sessions.map((session) => (
                <Table.Tr key={session.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(session.heldOn, language)}</Table.Td>
                  <Table.Td>{session.topic}</Table.Td>
                  <Table.Td>
                    {t('sessions.presentOf', {
                      present: formatNumber(session.present.length, language),
                      total: formatNumber(programme.participants.length, language),
                    })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canEdit && !adding && (
        <Group>
          <Button variant="outline" onClick={() => setAdding(true)}>
            {t('sessions.add')}
          </Button>
        </Group>
      )}
      {canEdit && adding && (
        <SessionForm
          city={city}
          programmeId={programme.id}
          participants={programme.participants}
          onDone={() => setAdding(false)}
        />
      )}
    </Stack>
  )
}

/** One programme: its terms, its participants with attendance and effect, its sessions. */
export default function ProgrammePage() {
  const { t } = useTranslation('umkm')
  const city = useCityParam()
  const programmeId = useParams().programmeId ?? ''
  const programme = useProgramme(city, programmeId)
  const saved = (useLocation().state as SavedState | null)?.saved
  const canEdit = useCanEditUmkm(city)
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/c/${city}/umkm/programmes`}>
        {t('programmes.back')}
      </Anchor>
      <QueryState query={programme}>
        {(data) => (
          <Stack gap="xl">
            <Stack gap="md">
              <RecordHeading
                title={data.name}
                isSampleData={data.isSampleData}
                saved={
                  saved &&
                  t(saved === 'updated' ? 'programmes.updated' : 'programmes.created', { name: data.name })
                }
              />
              <ProgrammeDetails programme={data} />
              {canEdit && (
                <Group>
                  <Button
                    variant="outline"
                    component={Link}
                    to={`/c/${city}/umkm/programmes/${data.id}/edit`}
                  >
                    {t('programmeForm.edit')}
                  </Button>
                </Group>
              )}
            </Stack>
            <Participants city={city} programme={data} canEdit={canEdit} />
            {canEdit && (
              <EnrolControl
                city={city}
                programmeId={data.id}
                enrolledIds={new Set(data.participants.map((participant) => participant.business.id))}
              />
            )}
            <Sessions city={city} programme={data} canEdit={canEdit} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  )
}
