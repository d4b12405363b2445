import { useTranslation } from 'react-i18next'
import { SIPSN_CATEGORIES, type SipsnCategory } from '../../domain/materials.ts'
import { ChooseThenWeigh } from './choose-then-weigh.tsx'

/** Hasil pilah: one sorted material at a time, taken out of the unsorted (campuran) stock. */
export default function SortingPage() {
  const { t, i18n } = useTranslation('waste')
  const lower = (text: string) => text.toLocaleLowerCase(i18n.language)
  return (
    <ChooseThenWeigh
      form="sorting"
      title={t('operator.tasks.sorting')}
      legend={t('operator.sorting.legend')}
      hint={t('operator.sorting.hint')}
      choices={SIPSN_CATEGORIES.map((value) => ({
        value,
        label: t(`materials.${value}`),
        hint: t(`materialHints.${value}`),
      }))}
      weightLabel={(material) =>
        t('operator.sorting.weight', { material: lower(t(`materials.${material}`)) })
      }
      body={({ choice, weightGrams, facilityId }) => ({
        kind: 'sorting',
        material: choice as SipsnCategory,
        sortedFrom: 'campuran',
        weightGrams,
        fromFacilityId: facilityId,
        toFacilityId: facilityId,
      })}
      savedLine={(flow, words) =>
        t('operator.sorting.savedLine', {
          weight: words.weight(flow.weightGrams),
          material: lower(t(`materials.${flow.material}`)),
        })
      }
    />
  )
}
