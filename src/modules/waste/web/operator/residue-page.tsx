import { useTranslation } from 'react-i18next'
import { PageLoader } from '../../../../platform/web/ui/query-state.tsx'
import { ChooseThenWeigh } from './choose-then-weigh.tsx'
import { useTpaFacilities } from './operator.api.ts'
import { useOperatorSite } from './operator-ui.tsx'

/** Residu ke TPA: what could not be used, carried to the city's landfill. */
export default function ResiduePage() {
  const { t } = useTranslation('waste')
  const { city } = useOperatorSite()
  const tpa = useTpaFacilities(city)
  const items = tpa.data?.items ?? []
  return (
    <ChooseThenWeigh
      form="residue"
      title={t('operator.tasks.residue')}
      legend={t('operator.residue.legend')}
      choices={items.map((item) => ({ value: item.id, label: item.name }))}
      initial={items.length === 1 ? items[0]?.id : undefined}
      extra={tpa.isPending ? <PageLoader /> : null}
      weightLabel={(tpaId) =>
        t('operator.residue.weight', { tpa: items.find((item) => item.id === tpaId)?.name ?? '' })
      }
      body={({ choice, weightGrams, facilityId }) => ({
        kind: 'transfer',
        material: 'lainnya',
        weightGrams,
        fromFacilityId: facilityId,
        toFacilityId: choice,
      })}
      savedLine={(flow, words) =>
        t('operator.residue.savedLine', {
          weight: words.weight(flow.weightGrams),
          tpa: flow.toFacility?.name ?? '',
        })
      }
    />
  )
}
