import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { maskName, maskNik, maskPhone } from '../../../platform/domain/personal-data.ts'
import type { ServiceContext } from '../../../platform/server/context.ts'
import { CityParamsSchema, ProblemSchema } from '../../../platform/server/http/schemas.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import { kbliCategoryOf } from '../domain/identifiers.ts'
import { DEFAULT_SCALE_RULE } from '../domain/scale.ts'
import type { BusinessRow, FiguresRow } from './umkm.repository.ts'
import {
  AddFiguresBodySchema,
  BusinessDetailSchema,
  BusinessListQuerySchema,
  BusinessPageSchema,
  BusinessParamsSchema,
  CloseBusinessBodySchema,
  CreateBusinessBodySchema,
  UpdateBusinessBodySchema,
} from './umkm.schemas.ts'
import * as service from './umkm.service.ts'
import * as closure from './umkm-closure.service.ts'

const tags = ['umkm']

interface Place {
  villageName: string | null
  villageKind: string | null
  districtName: string | null
}

function presentPlace(code: string | null, place: Place) {
  return code && place.villageName
    ? { code, name: place.villageName, kind: place.villageKind ?? '', districtName: place.districtName ?? '' }
    : null
}

function presentKbli(row: BusinessRow) {
  return { code: row.kbliCode, version: row.kbliVersion, category: kbliCategoryOf(row.kbliCode) }
}

function presentBusiness(row: BusinessRow, place: Place, canSeePersonalData: boolean) {
  return {
    id: row.publicId,
    name: row.name,
    kbli: presentKbli(row),
    nib: row.nib,
    owner: {
      name: canSeePersonalData ? row.ownerName : maskName(row.ownerName)!,
      nik: canSeePersonalData ? row.ownerNik : maskNik(row.ownerNik),
      phone: canSeePersonalData ? row.ownerPhone : maskPhone(row.ownerPhone),
      villageCode: row.ownerVillageCode,
    },
    personalDataMasked: !canSeePersonalData,
    village: presentPlace(row.villageCode, place),
    address: row.address,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    products: row.products,
    workers: {
      paidMale: row.workersPaidMale,
      paidFemale: row.workersPaidFemale,
      unpaidMale: row.workersUnpaidMale,
      unpaidFemale: row.workersUnpaidFemale,
      disabledMale: row.workersDisabledMale,
      disabledFemale: row.workersDisabledFemale,
    },
    selfReportedScale: row.selfReportedScale,
    startedYear: row.startedYear,
    startedMonth: row.startedMonth,
    closedOn: row.closedOn,
    closureReason: row.closureReason,
    isSampleData: row.isSampleData,
  }
}

function presentFigures(row: FiguresRow) {
  return {
    id: row.publicId,
    asOf: row.asOf,
    capitalRupiah: row.capitalRupiah,
    annualSalesRupiah: row.annualSalesRupiah,
    assetsRupiah: row.assetsRupiah,
    workers: row.workers,
    sourceNote: row.sourceNote,
    recordedAt: row.createdAt.toISOString(),
  }
}

async function businessDetail(context: ServiceContext, options: { city: CityRef; businessId: string }) {
  const found = await service.getBusiness(context, options)
  return {
    ...presentBusiness(found.business, found, found.canSeePersonalData),
    figures: found.figures.map(presentFigures),
    derivedScales: found.scales.current,
    naikKelas: found.scales.naikKelas,
  }
}

/** Mounted at /api/v1/cities/:city/umkm. */
export const umkmRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/businesses',
    {
      schema: {
        tags,
        summary:
          'UMKM businesses of the city: search by name, KBLI and desa, filter by derived scale and status (in operation by default)',
        params: CityParamsSchema,
        querystring: BusinessListQuerySchema,
        response: { 200: BusinessPageSchema },
      },
    },
    async (request) => {
      const {
        page,
        pageSize,
        q,
        kbli,
        village,
        hasNib,
        scale,
        status,
        rule = DEFAULT_SCALE_RULE,
      } = request.query
      const result = await service.listBusinesses(request.context(), {
        city: request.city!,
        q,
        kbli,
        villageCode: village,
        hasNib,
        scale,
        rule,
        status,
        page,
        pageSize,
      })
      return {
        items: result.rows.map(({ business, derivedScale, ...place }) => ({
          id: business.publicId,
          name: business.name,
          kbli: presentKbli(business),
          nib: business.nib,
          ownerName: result.canSeePersonalData ? business.ownerName : maskName(business.ownerName)!,
          village: presentPlace(business.villageCode, place),
          products: business.products,
          selfReportedScale: business.selfReportedScale,
          closedOn: business.closedOn,
          closureReason: business.closureReason,
          derivedScale: derivedScale ? { rule, scale: derivedScale } : null,
          isSampleData: business.isSampleData,
        })),
        page,
        pageSize,
        total: result.total,
      }
    },
  )

  app.get(
    '/businesses/:businessId',
    {
      schema: {
        tags,
        summary:
          'One business: its figures history, the scale each rule derives with the evidence, naik kelas',
        params: BusinessParamsSchema,
        response: { 200: BusinessDetailSchema, 404: ProblemSchema },
      },
    },
    (request) =>
      businessDetail(request.context(), { city: request.city!, businessId: request.params.businessId }),
  )

  app.post(
    '/businesses',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Register a business (Dinas Koperasi dan UMKM staff)',
        params: CityParamsSchema,
        body: CreateBusinessBodySchema,
        response: { 201: BusinessDetailSchema, 400: ProblemSchema, 403: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request, reply) => {
      const created = await service.createBusiness(request.context(), {
        city: request.city!,
        input: request.body,
      })
      const detail = await businessDetail(request.context(), {
        city: request.city!,
        businessId: created.publicId,
      })
      return reply.code(201).send(detail)
    },
  )

  app.patch(
    '/businesses/:businessId',
    {
      schema: {
        tags,
        summary: 'Change a business (Dinas Koperasi dan UMKM staff)',
        params: BusinessParamsSchema,
        body: UpdateBusinessBodySchema,
        response: {
          200: BusinessDetailSchema,
          400: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema,
        },
      },
    },
    async (request) => {
      await service.updateBusiness(request.context(), {
        city: request.city!,
        businessId: request.params.businessId,
        input: request.body,
      })
      return businessDetail(request.context(), { city: request.city!, businessId: request.params.businessId })
    },
  )

  app.post(
    '/businesses/:businessId/figures',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary:
          'Add a dated figures record (capital, annual sales, assets, workers); the scale follows from it',
        params: BusinessParamsSchema,
        body: AddFiguresBodySchema,
        response: { 201: BusinessDetailSchema, 400: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      await service.addFigures(request.context(), {
        city: request.city!,
        businessId: request.params.businessId,
        input: request.body,
      })
      const detail = await businessDetail(request.context(), {
        city: request.city!,
        businessId: request.params.businessId,
      })
      return reply.code(201).send(detail)
    },
  )

  app.post(
    '/businesses/:businessId/closure',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary:
          'Close a business (tutup usaha) from a day, with the reason; it leaves the counts from that day',
        params: BusinessParamsSchema,
        body: CloseBusinessBodySchema,
        response: {
          200: BusinessDetailSchema,
          400: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema,
        },
      },
    },
    async (request) => {
      const { city, businessId } = { city: request.city!, businessId: request.params.businessId }
      await closure.closeBusiness(request.context(), { city, businessId, input: request.body })
      return businessDetail(request.context(), { city, businessId })
    },
  )

  app.delete(
    '/businesses/:businessId/closure',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Reopen a closed business: it is in operation again (the audit log keeps the closure)',
        params: BusinessParamsSchema,
        response: { 200: BusinessDetailSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request) => {
      const { city, businessId } = { city: request.city!, businessId: request.params.businessId }
      await closure.reopenBusiness(request.context(), { city, businessId })
      return businessDetail(request.context(), { city, businessId })
    },
  )
}
