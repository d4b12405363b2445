import { useTranslation } from 'react-i18next'
import { ChooseThenWeigh } from './choose-then-weigh.tsx'

const OUTCOMES = ['composted', 'maggot'] as const

/** Kompos/maggot: sorted food waste that became compost or fed black soldier fly larvae. */
export default function CompostPage() {
  const { t } = useTranslation('waste')
  return (
    <ChooseThenWeigh
      form="compost"
      title={t('operator.tasks.compost')}
      legend={t('operator.compost.legend')}
      hint={t('operator.compost.hint')}
      choices={OUTCOMES.map((value) => ({ value, label: t(`outcomes.${value}`) }))}
      weightLabel={(outcome) => t(`operator.compost.weight.${outcome}`)}
      body={({ choice, weightGrams, facilityId }) => ({
        kind: 'outcome',
        outcome: choice as (typeof OUTCOMES)[number],
        material: 'sisa_makanan',
        weightGrams,
        fromFacilityId: facilityId,
      })}
      savedLine={(flow, words) =>
        t(`operator.compost.savedLine.${flow.outcome === 'maggot' ? 'maggot' : 'composted'}`, {
          weight: words.weight(flow.weightGrams),
        })
      }
    />
  )
}
