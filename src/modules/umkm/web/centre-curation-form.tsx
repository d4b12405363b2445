import {
  Button,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../../platform/web/api/client.ts'
import { requiredMessage } from '../../../platform/web/api/problem.ts'
import { ErrorSummary, fieldError, fieldId } from '../../../platform/web/ui/error-summary.tsx'
import {
  CURATION_CRITERIA,
  type CurationCriterion,
  type CurationScores,
  curationTotal,
  GRADE_FLOORS,
  gradeOf,
  isShelfable,
  SCORE_MAX,
  SCORE_MIN,
} from '../domain/centre.ts'
import { useCurateProduct } from './centre.api.ts'
import { GradeBadge, TOUCH } from './centre-labels.tsx'

const FORM = 'curation'
const SCORES = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, index) => String(SCORE_MIN + index))

/** The total and grade as the scores are chosen: the same rule the server applies, from domain/. */
function Preview({ scores }: { scores: Partial<Record<CurationCriterion, number>> }) {
  const { t } = useTranslation('umkm')
  const complete = CURATION_CRITERIA.every(({ code }) => scores[code] !== undefined)
  const total = complete ? curationTotal(scores as CurationScores) : null
  const grade = total === null ? null : gradeOf(total)
  return (
    <Paper withBorder p="sm" bg="gray.0">
      <Stack gap={4} aria-live="polite" data-testid="curation-preview">
        {total === null || grade === null ? (
          <Text>{t('centre.curation.incomplete')}</Text>
        ) : (
          <Group gap="sm">
            <Text fw={700}>{t('centre.curation.total', { total })}</Text>
            <GradeBadge grade={grade} />
            <Text size="sm">
              {isShelfable(grade) ? t('centre.curation.shelfable') : t('centre.curation.notShelfable')}
            </Text>
          </Group>
        )}
        <Text size="xs" c="gray.8">
          {t('centre.curation.floors', {
            floors: GRADE_FLOORS.map(([letter, floor]) => `${letter} ≥ ${floor}`).join(', '),
          })}
        </Text>
      </Stack>
    </Paper>
  )
}

/** Scores a product on the six criteria of the rubric; the grade is computed, never chosen. Staff only. */
export function CurationForm({
  city,
  productId,
  today,
  onDone,
}: {
  city: string
  productId: string
  today: string
  onDone: () => void
}) {
  const { t, i18n } = useTranslation('umkm')
  const curate = useCurateProduct(city, productId)
  const key = useRef(newIdempotencyKey())
  const [scores, setScores] = useState<Partial<Record<CurationCriterion, number>>>({})
  const [assessedOn, setAssessedOn] = useState(today)
  const [note, setNote] = useState('')
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const labels: Record<string, string> = {
    ...Object.fromEntries(
      CURATION_CRITERIA.map(({ code }) => [`scores.${code}`, t(`centre.criteria.${code}`)]),
    ),
    assessedOn: t('centre.curation.assessedOn'),
    note: t('centre.curation.note'),
  }
  const errorOf = (name: string) => fieldError(curate.error, name, clientErrors)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, string> = {}
    for (const { code } of CURATION_CRITERIA)
      if (scores[code] === undefined) found[`scores.${code}`] = t('centre.curation.scoreRequired')
    if (!assessedOn) found.assessedOn = requiredMessage(i18n)
    else if (assessedOn > today) found.assessedOn = t('centre.dateInFuture')
    setClientErrors(found)
    if (Object.keys(found).length > 0) return
    curate.mutate(
      { body: { scores: scores as CurationScores, assessedOn, note: note.trim() || null }, key: key.current },
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
      aria-label={t('centre.curation.add')}
    >
      <Stack gap="md">
        <Title order={3}>{t('centre.curation.add')}</Title>
        <Text size="sm" maw={720}>
          {t('centre.curation.lead')}
        </Text>
        <ErrorSummary form={FORM} error={curate.error} clientErrors={clientErrors} labels={labels} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {CURATION_CRITERIA.map(({ code, weight }) => {
            const name = `scores.${code}`
            return (
              <Radio.Group
                key={code}
                id={fieldId(FORM, name)}
                label={labels[name]}
                description={t('centre.curation.criterionHint', {
                  hint: t(`centre.criteriaHint.${code}`),
                  weight,
                })}
                required
                value={scores[code] === undefined ? '' : String(scores[code])}
                onChange={(value) => setScores({ ...scores, [code]: Number(value) })}
                error={errorOf(name)}
              >
                <Group gap="md" mt="xs">
                  {SCORES.map((score) => (
                    <Radio key={score} value={score} label={t(`centre.curation.score${score}`)} />
                  ))}
                </Group>
              </Radio.Group>
            )
          })}
        </SimpleGrid>
        <Preview scores={scores} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            id={fieldId(FORM, 'assessedOn')}
            type="date"
            label={labels.assessedOn}
            required
            max={today}
            value={assessedOn}
            onChange={(event) => setAssessedOn(event.currentTarget.value)}
            error={errorOf('assessedOn')}
          />
        </SimpleGrid>
        <Textarea
          id={fieldId(FORM, 'note')}
          label={labels.note}
          description={t('centre.curation.noteHint')}
          maxLength={1000}
          autosize
          minRows={2}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={errorOf('note')}
        />
        <Group>
          <Button type="submit" loading={curate.isPending} style={TOUCH}>
            {t('centre.curation.save')}
          </Button>
          <Button variant="subtle" onClick={onDone} style={TOUCH}>
            {t('centre.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
