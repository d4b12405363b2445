import { NativeSelect, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { requiredMessage } from '../../../../platform/web/api/problem.ts'
import { formatRupiah } from '../../../../platform/web/format.ts'
import { currentLanguage } from '../../../../platform/web/i18n/setup.ts'
import { fieldError, fieldId } from '../../../../platform/web/ui/error-summary.tsx'
import { type SipsnCategory, SUB_MATERIALS, type SubMaterial } from '../../domain/materials.ts'
import { TaskForm, useFlowTask, useSavedWords } from './flow-task.tsx'
import {
  ChoiceField,
  DateField,
  parseMessage,
  RupiahField,
  SavedPanel,
  TaskLayout,
  WeightField,
} from './operator-ui.tsx'
import { parseRupiah } from './quantities.ts'

const FORM = 'sale'
/** What a pengepul buys: the categories that have priced sub-types. */
const SELLABLE: SipsnCategory[] = [
  'plastik',
  'kertas_karton',
  'logam',
  'kaca',
  'kain',
  'karet_kulit',
  'lainnya',
]

function subMaterialsOf(material: string): SubMaterial[] {
  return (Object.keys(SUB_MATERIALS) as SubMaterial[]).filter((sub) => SUB_MATERIALS[sub] === material)
}

/** Penjualan: what was sold, then weight, price per kg and buyer; the answer carries the revenue. */
export default function SalePage() {
  const { t, i18n } = useTranslation('waste')
  const task = useFlowTask()
  const words = useSavedWords()
  const [material, setMaterial] = useState('')
  const [subMaterial, setSubMaterial] = useState('')
  const [price, setPrice] = useState('')
  const [buyer, setBuyer] = useState('')
  const lower = (text: string) => text.toLocaleLowerCase(i18n.language)
  const labels = {
    material: t('operator.sale.legend'),
    subMaterial: t('operator.sale.subMaterial'),
    weightGrams: t('operator.weight'),
    pricePerKgRupiah: t('operator.sale.price'),
    buyerName: t('operator.sale.buyer'),
    date: t('operator.date'),
  }
  const errorOf = (name: string) => fieldError(task.error, name, task.clientErrors)

  if (task.saved) {
    const flow = task.saved
    return (
      <TaskLayout title={t('operator.tasks.sale')} back={null}>
        <SavedPanel
          title={t('operator.saved')}
          onAgain={() => {
            setPrice('')
            setSubMaterial('')
            task.again()
          }}
          lines={[
            t('operator.sale.savedLine', {
              weight: words.weight(flow.weightGrams),
              material: lower(
                flow.subMaterial ? t(`subMaterials.${flow.subMaterial}`) : t(`materials.${flow.material}`),
              ),
              buyer: flow.buyerName ?? '',
            }),
            <Text key="revenue" c="white" fw={700} size="xl" span>
              {t('operator.sale.revenue', {
                revenue: formatRupiah(flow.revenueRupiah ?? 0, currentLanguage()),
              })}
            </Text>,
          ]}
        />
      </TaskLayout>
    )
  }

  if (task.step === 1 || !material) {
    return (
      <TaskLayout title={t('operator.tasks.sale')}>
        <TaskForm
          form={FORM}
          error={null}
          clientErrors={task.step === 1 ? task.clientErrors : {}}
          labels={labels}
          submitLabel={t('operator.continue')}
          onSubmit={() => {
            task.setClientErrors(material ? {} : { material: t('operator.chooseOne') })
            if (material) task.goTo(2)
          }}
        >
          <ChoiceField
            form={FORM}
            name="material"
            legend={labels.material}
            choices={SELLABLE.map((value) => ({
              value,
              label: t(`materials.${value}`),
              hint: subMaterialsOf(value)
                .map((sub) => t(`subMaterials.${sub}`))
                .join(', '),
            }))}
            value={material}
            onChange={(value) => {
              setMaterial(value)
              setSubMaterial('')
            }}
            error={errorOf('material')}
          />
        </TaskForm>
      </TaskLayout>
    )
  }

  return (
    <TaskLayout title={t('operator.tasks.sale')} back={{ to: '?step=1', label: t('operator.backToStep') }}>
      <TaskForm
        form={FORM}
        error={task.error}
        clientErrors={task.clientErrors}
        labels={labels}
        submitLabel={t('operator.save')}
        isPending={task.isPending}
        onSubmit={() => {
          const parsedPrice = parseRupiah(price)
          const found: Record<string, string> = {}
          const priceProblem = parseMessage(t, parsedPrice, 'money')
          if (priceProblem) found.pricePerKgRupiah = priceProblem
          if (!buyer.trim()) found.buyerName = requiredMessage(i18n)
          task.submit(
            (weightGrams) =>
              parsedPrice.ok
                ? {
                    kind: 'outcome',
                    outcome: 'recycled_sold',
                    material: material as SipsnCategory,
                    subMaterial: subMaterial ? (subMaterial as SubMaterial) : null,
                    weightGrams,
                    pricePerKgRupiah: parsedPrice.value,
                    buyerName: buyer.trim(),
                    fromFacilityId: task.facilityId,
                  }
                : null,
            found,
          )
        }}
      >
        <NativeSelect
          id={fieldId(FORM, 'subMaterial')}
          label={labels.subMaterial}
          description={t('operator.sale.subMaterialHint', { material: lower(t(`materials.${material}`)) })}
          size="lg"
          value={subMaterial}
          onChange={(event) => setSubMaterial(event.currentTarget.value)}
          data={[
            { value: '', label: t('operator.sale.noSubMaterial') },
            ...subMaterialsOf(material).map((sub) => ({ value: sub, label: t(`subMaterials.${sub}`) })),
          ]}
          error={errorOf('subMaterial')}
        />
        <WeightField
          form={FORM}
          label={t('operator.sale.weight', { material: lower(t(`materials.${material}`)) })}
          value={task.weight}
          onChange={task.setWeight}
          error={errorOf('weightGrams')}
        />
        <RupiahField
          form={FORM}
          name="pricePerKgRupiah"
          label={labels.pricePerKgRupiah}
          hint={t('operator.sale.priceHint')}
          value={price}
          onChange={setPrice}
          error={errorOf('pricePerKgRupiah')}
        />
        <TextInput
          id={fieldId(FORM, 'buyerName')}
          label={labels.buyerName}
          description={t('operator.sale.buyerHint')}
          size="lg"
          maxLength={200}
          autoComplete="off"
          value={buyer}
          onChange={(event) => setBuyer(event.currentTarget.value)}
          error={errorOf('buyerName')}
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
