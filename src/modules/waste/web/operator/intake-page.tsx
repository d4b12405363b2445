import { NativeSelect } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { requiredMessage } from '../../../../platform/web/api/problem.ts'
import { fieldError, fieldId } from '../../../../platform/web/ui/error-summary.tsx'
import { SOURCE_SECTORS, type SourceSector } from '../../domain/materials.ts'
import { TaskForm, useFlowTask, useSavedWords, useVillages } from './flow-task.tsx'
import { ChoiceField, DateField, SavedPanel, TaskLayout, WeightField } from './operator-ui.tsx'

const FORM = 'intake'

/** Sampah masuk: where it came from (desa/kelurahan, then the kind of source), then its weight. */
export default function IntakePage() {
  const { t, i18n } = useTranslation('waste')
  const task = useFlowTask()
  const villages = useVillages(task.city)
  const words = useSavedWords()
  const [village, setVillage] = useState('')
  const [sector, setSector] = useState('')
  // Most of a TPS 3R's waste comes from its own desa: start there.
  const ownVillage = task.facility.data?.village?.code
  useEffect(() => {
    if (ownVillage) setVillage((current) => current || ownVillage)
  }, [ownVillage])

  const labels = {
    fromVillageCode: t('operator.intake.village'),
    fromSector: t('operator.intake.sector'),
    weightGrams: t('operator.weight'),
    date: t('operator.date'),
  }
  const errorOf = (name: string) => fieldError(task.error, name, task.clientErrors)

  if (task.saved) {
    const flow = task.saved
    return (
      <TaskLayout title={t('operator.tasks.intake')} back={null}>
        <SavedPanel
          title={t('operator.saved')}
          onAgain={task.again}
          lines={[
            t('operator.intake.savedLine', {
              weight: words.weight(flow.weightGrams),
              village: villages.nameOf.get(flow.fromVillageCode ?? '') ?? flow.fromVillageCode,
              sector: t(`sectors.${flow.fromSector}`).toLocaleLowerCase(i18n.language),
            }),
            words.date(flow.date),
          ]}
        />
      </TaskLayout>
    )
  }

  if (task.step === 1 || !village || !sector) {
    return (
      <TaskLayout title={t('operator.tasks.intake')}>
        <TaskForm
          form={FORM}
          error={null}
          clientErrors={task.step === 1 ? task.clientErrors : {}}
          labels={labels}
          submitLabel={t('operator.continue')}
          onSubmit={() => {
            const found: Record<string, string> = {}
            if (!village) found.fromVillageCode = requiredMessage(i18n)
            if (!sector) found.fromSector = t('operator.intake.sectorRequired')
            task.setClientErrors(found)
            if (Object.keys(found).length === 0) task.goTo(2)
          }}
        >
          <NativeSelect
            id={fieldId(FORM, 'fromVillageCode')}
            label={labels.fromVillageCode}
            description={t('operator.intake.villageHint')}
            size="lg"
            value={village}
            onChange={(event) => setVillage(event.currentTarget.value)}
            data={[{ value: '', label: t('operator.choose') }, ...villages.options]}
            error={errorOf('fromVillageCode')}
          />
          <ChoiceField
            form={FORM}
            name="fromSector"
            legend={labels.fromSector}
            choices={SOURCE_SECTORS.map((value) => ({ value, label: t(`sectors.${value}`) }))}
            value={sector}
            onChange={setSector}
            error={errorOf('fromSector')}
          />
        </TaskForm>
      </TaskLayout>
    )
  }

  return (
    <TaskLayout title={t('operator.tasks.intake')} back={{ to: `?step=1`, label: t('operator.backToStep') }}>
      <TaskForm
        form={FORM}
        error={task.error}
        clientErrors={task.clientErrors}
        labels={labels}
        submitLabel={t('operator.save')}
        isPending={task.isPending}
        onSubmit={() =>
          task.submit((weightGrams) => ({
            kind: 'intake',
            material: 'campuran',
            weightGrams,
            fromVillageCode: village,
            fromSector: sector as SourceSector,
            toFacilityId: task.facilityId,
          }))
        }
      >
        <WeightField
          form={FORM}
          label={t('operator.intake.weight', {
            village: villages.nameOf.get(village) ?? village,
            sector: t(`sectors.${sector}`).toLocaleLowerCase(i18n.language),
          })}
          value={task.weight}
          onChange={task.setWeight}
          error={errorOf('weightGrams')}
        />
        <DateField
          form={FORM}
          value={task.date}
          today={task.today}
          onChange={task.setDate}
          error={errorOf('date')}
        />
      </TaskForm>
    </TaskLayout>
  )
}
