import { type ReactNode, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fieldError } from '../../../../platform/web/ui/error-summary.tsx'
import { TaskForm, useFlowTask, useSavedWords } from './flow-task.tsx'
import type { Flow, FlowInput } from './operator.api.ts'
import { type Choice, ChoiceField, DateField, SavedPanel, TaskLayout, WeightField } from './operator-ui.tsx'

interface ChooseThenWeighProps {
  form: string
  title: string
  legend: string
  hint?: string
  choices: Choice[]
  /** Preselected when there is only one sensible answer (one TPA in the city). */
  initial?: string
  weightLabel: (choice: string) => string
  body: (options: { choice: string; weightGrams: number; facilityId: string }) => FlowInput
  savedLine: (flow: Flow, words: ReturnType<typeof useSavedWords>) => ReactNode
  /** Shown under the choices, e.g. while the TPA list loads. */
  extra?: ReactNode
}

/** Two pages: what it is (one tap), then how much and on which day. */
export function ChooseThenWeigh(props: ChooseThenWeighProps) {
  const { t } = useTranslation('waste')
  const task = useFlowTask()
  const words = useSavedWords()
  const [choice, setChoice] = useState('')
  useEffect(() => {
    if (props.initial) setChoice((current) => current || (props.initial ?? ''))
  }, [props.initial])
  const labels = { choice: props.legend, weightGrams: t('operator.weight'), date: t('operator.date') }
  const errorOf = (name: string) => fieldError(task.error, name, task.clientErrors)

  if (task.saved) {
    return (
      <TaskLayout title={props.title} back={null}>
        <SavedPanel
          title={t('operator.saved')}
          onAgain={task.again}
          lines={[props.savedLine(task.saved, words), words.date(task.saved.date)]}
        />
      </TaskLayout>
    )
  }

  if (task.step === 1 || !choice) {
    return (
      <TaskLayout title={props.title}>
        <TaskForm
          form={props.form}
          error={null}
          clientErrors={task.step === 1 ? task.clientErrors : {}}
          labels={labels}
          submitLabel={t('operator.continue')}
          onSubmit={() => {
            const found: Record<string, string> = choice ? {} : { choice: t('operator.chooseOne') }
            task.setClientErrors(found)
            if (choice) task.goTo(2)
          }}
        >
          <ChoiceField
            form={props.form}
            name="choice"
            legend={props.legend}
            hint={props.hint}
            choices={props.choices}
            value={choice}
            onChange={setChoice}
            error={errorOf('choice')}
          />
          {props.extra}
        </TaskForm>
      </TaskLayout>
    )
  }

  return (
    <TaskLayout title={props.title} back={{ to: '?step=1', label: t('operator.backToStep') }}>
      <TaskForm
        form={props.form}
        error={task.error}
        clientErrors={task.clientErrors}
        labels={labels}
        submitLabel={t('operator.save')}
        isPending={task.isPending}
        onSubmit={() =>
          task.submit((weightGrams) => props.body({ choice, weightGrams, facilityId: task.facilityId }))
        }
      >
        <WeightField
          form={props.form}
          label={props.weightLabel(choice)}
          value={task.weight}
          onChange={task.setWeight}
          error={errorOf('weightGrams')}
        />
        <DateField
          form={props.form}
          value={task.date}
          today={task.today}
          onChange={task.setDate}
          error={errorOf('date')}
        />
      </TaskForm>
    </TaskLayout>
  )
}
