import { Alert, Badge, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate, formatNumber, formatRupiah } from '../../../platform/web/format.ts'
import { currentLanguage } from '../../../platform/web/i18n/setup.ts'
import { FiguresForm } from './business-figures-form.tsx'
import type { Business, DerivedScale } from './umkm.api.ts'
import { ScaleBadge } from './umkm-labels.tsx'

/** Dated raw figures, oldest first, as recorded: append-only, a correction is a newer record. */
function FiguresTable({ business }: { business: Business }) {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  const money = (value: number | null) => (value === null ? '—' : formatRupiah(value, language))
  if (business.figures.length === 0) return <Text>{t('scales.noFigures')}</Text>
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="xs">
        <Table.Caption>{t('scales.figuresCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('scales.asOf')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('scales.capital')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('scales.sales')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('scales.assets')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('scales.workers')}
            </Table.Th>
            <Table.Th scope="col">{t('scales.source')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {business.figures.map((record) => (
            <Table.Tr key={record.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(record.asOf, language)}</Table.Td>
              <Table.Td ta="right">{money(record.capitalRupiah)}</Table.Td>
              <Table.Td ta="right">{money(record.annualSalesRupiah)}</Table.Td>
              <Table.Td ta="right">{money(record.assetsRupiah)}</Table.Td>
              <Table.Td ta="right">
                {record.workers === null ? '—' : formatNumber(record.workers, language)}
              </Table.Td>
              <Table.Td>{record.sourceNote}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function Evidence({ derived }: { derived: DerivedScale }) {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  return (
    <List size="sm">
      {derived.evidence.map((item) => (
        <List.Item key={item.figure}>
          {t('scales.evidence', {
            figure: t(`figures.${item.figure}`),
            value: formatRupiah(item.rupiah, language),
            scale: t(`scales.${item.scale}`),
          })}
        </List.Item>
      ))}
    </List>
  )
}

/** One card per named rule: never a single "the scale", since the rules may disagree. */
function DerivedScales({ business }: { business: Business }) {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  if (business.derivedScales.length === 0) return <Text>{t('scales.noDerived')}</Text>
  return (
    <Stack gap="sm">
      {business.derivedScales.map((derived) => (
        <Card withBorder padding="sm" key={derived.rule}>
          <Group gap="sm">
            <Text fw={700}>{t(`rules.${derived.rule}`)}</Text>
            <ScaleBadge scale={derived.scale} />
          </Group>
          <Text size="sm">
            {t('scales.fromRecord', {
              date: formatDate(derived.asOf, language),
              article: derived.article,
              version: derived.ruleVersion,
            })}
          </Text>
          <Evidence derived={derived} />
        </Card>
      ))}
    </Stack>
  )
}

function NaikKelas({ business }: { business: Business }) {
  const { t } = useTranslation('umkm')
  const language = currentLanguage()
  if (business.naikKelas.length === 0) return <Text>{t('scales.noNaikKelas')}</Text>
  return (
    <Stack gap="sm">
      {business.naikKelas.map((move) => (
        <Alert
          key={`${move.rule}-${move.to.figuresId}`}
          color="teal.9"
          variant="outline"
          title={t('scales.naikKelasTitle', {
            from: t(`scales.${move.from.scale}`),
            to: t(`scales.${move.to.scale}`),
            date: formatDate(move.to.asOf, language),
          })}
        >
          <Text size="sm">
            {t('scales.naikKelasRule', { rule: t(`rules.${move.rule}`), article: move.to.article })}
          </Text>
          <Text size="sm" fw={700} mt="xs">
            {t('scales.before', { date: formatDate(move.from.asOf, language) })}
          </Text>
          <Evidence derived={move.from} />
          <Text size="sm" fw={700} mt="xs">
            {t('scales.after', { date: formatDate(move.to.asOf, language) })}
          </Text>
          <Evidence derived={move.to} />
        </Alert>
      ))}
    </Stack>
  )
}

/** Figures, the scale each rule derives from them, the owner's own statement apart, and naik kelas. */
export function BusinessScales({
  city,
  business,
  canEdit,
}: {
  city: string
  business: Business
  canEdit: boolean
}) {
  const { t } = useTranslation('umkm')
  const [recording, setRecording] = useState(false)
  const [recorded, setRecorded] = useState(false)
  return (
    <Stack gap="md">
      <Title order={2}>{t('scales.title')}</Title>
      <Text maw={720}>{t('scales.lead')}</Text>
      {recorded && (
        <Alert color="teal" role="status">
          {t('figuresForm.saved')}
        </Alert>
      )}
      <Title order={3}>{t('scales.derivedTitle')}</Title>
      <DerivedScales business={business} />
      <Title order={3}>{t('scales.selfReportedTitle')}</Title>
      <Group gap="sm">
        {business.selfReportedScale ? (
          <ScaleBadge scale={business.selfReportedScale} />
        ) : (
          <Badge variant="outline" color="gray.8">
            {t('scales.notStated')}
          </Badge>
        )}
        <Text size="sm">{t('scales.selfReportedHint')}</Text>
      </Group>
      <Title order={3}>{t('scales.figuresTitle')}</Title>
      <FiguresTable business={business} />
      {canEdit && !recording && (
        <Group>
          <Button
            variant="outline"
            onClick={() => {
              setRecorded(false)
              setRecording(true)
            }}
          >
            {t('figuresForm.open')}
          </Button>
        </Group>
      )}
      {recording && (
        <FiguresForm
          city={city}
          business={business}
          onDone={(saved) => {
            setRecording(false)
            setRecorded(saved)
          }}
        />
      )}
      <Title order={3}>{t('scales.naikKelas')}</Title>
      <NaikKelas business={business} />
    </Stack>
  )
}
