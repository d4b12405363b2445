import Type from 'typebox'
import { Nullable } from '../../../platform/server/http/schemas.ts'
import { HANDLING_PARTS, REDUCTION_PARTS } from '../domain/terminal-flows.ts'

const Grams = Type.Integer({ description: 'grams' })
const Percent = Nullable(
  Type.Number({ description: 'percent, two decimals; null without a timbulan estimate' }),
)

export const EstimateSchema = Type.Object({
  year: Type.Integer(),
  population: Type.Integer(),
  populationSource: Type.String(),
  gramsPerCapitaDay: Type.Integer(),
  rateSource: Type.String(),
  rateConfirmed: Type.Boolean(),
  nonHouseholdGramsPerDay: Type.Integer(),
  nonHouseholdSource: Nullable(Type.String()),
  touristVisits: Type.Integer(),
  touristVisitsSource: Nullable(Type.String()),
  gramsPerVisit: Type.Integer(),
  perDay: Type.Object({ household: Grams, nonHousehold: Grams, tourists: Grams, total: Grams }),
  perYearGrams: Grams,
  formulaVersion: Type.String(),
})

export const TargetSchema = Type.Object({
  year: Type.Integer(),
  reductionBasisPoints: Type.Integer(),
  handlingBasisPoints: Type.Integer(),
  origin: Type.Enum(['national', 'city']),
  source: Type.String(),
})

const FiguresSchema = Type.Object({
  timbulan: Nullable(Grams),
  reduction: Grams,
  handling: Grams,
  handlingControlled: Grams,
  managed: Grams,
  unmanaged: Nullable(Type.Integer()),
  recycled: Grams,
  feedstock: Grams,
  percent: Type.Object({
    reduction: Percent,
    handling: Percent,
    handlingControlled: Percent,
    managed: Percent,
    unmanaged: Percent,
    recyclingRate: Percent,
    sdg1161: Percent,
  }),
  exceedsEstimate: Type.Boolean(),
})

const ProgressSchema = Nullable(
  Type.Object({
    targetPercent: Type.Number(),
    actualPercent: Nullable(Type.Number()),
    gapPoints: Nullable(Type.Number()),
    met: Nullable(Type.Boolean()),
  }),
)

const PeriodEstimateSchema = Type.Object({
  householdPerDay: Grams,
  nonHouseholdPerDay: Grams,
  touristsPerDay: Grams,
  perDay: Grams,
  total: Grams,
  days: Type.Integer(),
})

export const BalanceSchema = Type.Object({
  period: Type.Object({
    kind: Type.Enum(['month', 'semester', 'year']),
    period: Type.String(),
    year: Type.Integer(),
    start: Type.String(),
    end: Type.String(),
    months: Type.Array(Type.String()),
    days: Type.Integer(),
  }),
  estimate: Nullable(
    Type.Intersect([EstimateSchema, Type.Object({ inPeriod: Nullable(PeriodEstimateSchema) })]),
  ),
  figures: FiguresSchema,
  parts: Type.Record(Type.Enum([...REDUCTION_PARTS, ...HANDLING_PARTS]), Type.Integer()),
  months: Type.Array(Type.Object({ month: Type.String(), figures: FiguresSchema })),
  districts: Type.Array(
    Type.Object({ districtCode: Nullable(Type.String()), reduction: Grams, handling: Grams }),
  ),
  sources: Type.Array(Type.Object({ sector: Type.String(), grams: Grams })),
  composition: Type.Array(Type.Object({ material: Type.String(), grams: Grams })),
  links: Type.Array(Type.Object({ from: Type.String(), to: Type.String(), grams: Grams })),
  targets: Type.Object({
    target: Nullable(TargetSchema),
    reduction: ProgressSchema,
    handling: ProgressSchema,
  }),
  formulaVersion: Type.String(),
})
