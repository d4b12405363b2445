import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CityParamsSchema, ProblemSchema } from '../../../platform/server/http/schemas.ts'
import type { FacilityRow } from './facilities.repository.ts'
import {
  CreateFacilityBodySchema,
  FacilityListQuerySchema,
  FacilityPageSchema,
  FacilityParamsSchema,
  FacilityPointsSchema,
  FacilitySchema,
  UpdateFacilityBodySchema,
} from './facilities.schemas.ts'
import * as service from './facilities.service.ts'

const tags = ['waste facilities']

interface Place {
  villageName: string | null
  villageKind: string | null
  districtName: string | null
}

function presentFacility(row: FacilityRow, place: Place, parent: { id: string; name: string } | null) {
  return {
    id: row.publicId,
    kind: row.kind,
    name: row.name,
    status: row.status,
    village:
      row.villageCode && place.villageName
        ? {
            code: row.villageCode,
            name: place.villageName,
            kind: place.villageKind ?? '',
            districtName: place.districtName ?? '',
          }
        : null,
    address: row.address,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    designCapacityKgPerDay: row.designCapacityKgPerDay,
    householdsServed: row.householdsServed,
    operatorName: row.operatorName,
    decreeNumber: row.decreeNumber,
    landfillSystem: row.landfillSystem,
    parent,
    openedOn: row.openedOn,
    isSampleData: row.isSampleData,
  }
}

/** Mounted at /api/v1/cities/:city/waste. */
export const facilitiesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/facilities',
    {
      schema: {
        tags,
        summary: 'Facilities of the city (TPS, TPS3R, bank sampah, TPST, TPA, …), filtered and paged',
        params: CityParamsSchema,
        querystring: FacilityListQuerySchema,
        response: { 200: FacilityPageSchema },
      },
    },
    async (request) => {
      const { page, pageSize, kind, status, village, q } = request.query
      const result = await service.listFacilities(request.context(), {
        city: request.city!,
        cityId: request.city!.id,
        kind,
        status,
        villageCode: village,
        q,
        page,
        pageSize,
      })
      return {
        items: result.rows.map(({ facility, ...place }) => presentFacility(facility, place, null)),
        page,
        pageSize,
        total: result.total,
      }
    },
  )

  app.get(
    '/facilities/map',
    {
      schema: {
        tags,
        summary: `Every facility with a location, for the map (at most ${service.MAX_MAP_POINTS})`,
        params: CityParamsSchema,
        response: { 200: FacilityPointsSchema },
      },
    },
    async (request) => {
      const rows = await service.listFacilityPoints(request.context(), { city: request.city! })
      return rows
        .filter((row) => row.latitude !== null && row.longitude !== null)
        .map((row) => ({
          id: row.publicId,
          name: row.name,
          kind: row.kind,
          status: row.status,
          latitude: Number(row.latitude),
          longitude: Number(row.longitude),
        }))
    },
  )

  app.get(
    '/facilities/:facilityId',
    {
      schema: {
        tags,
        summary: 'One facility',
        params: FacilityParamsSchema,
        response: { 200: FacilitySchema, 404: ProblemSchema },
      },
    },
    async (request) => {
      const found = await service.getFacility(request.context(), {
        city: request.city!,
        facilityId: request.params.facilityId,
      })
      return presentFacility(found.facility, found, found.parent)
    },
  )

  app.post(
    '/facilities',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Register a facility (Dinas LH staff)',
        params: CityParamsSchema,
        body: CreateFacilityBodySchema,
        response: { 201: FacilitySchema, 400: ProblemSchema, 403: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request, reply) => {
      const row = await service.createFacility(request.context(), {
        city: request.city!,
        input: request.body,
      })
      const found = await service.getFacility(request.context(), {
        city: request.city!,
        facilityId: row.publicId,
      })
      return reply.code(201).send(presentFacility(found.facility, found, found.parent))
    },
  )

  app.patch(
    '/facilities/:facilityId',
    {
      schema: {
        tags,
        summary: 'Change a facility (Dinas LH staff)',
        params: FacilityParamsSchema,
        body: UpdateFacilityBodySchema,
        response: {
          200: FacilitySchema,
          400: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema,
        },
      },
    },
    async (request) => {
      await service.updateFacility(request.context(), {
        city: request.city!,
        facilityId: request.params.facilityId,
        input: request.body,
      })
      const found = await service.getFacility(request.context(), {
        city: request.city!,
        facilityId: request.params.facilityId,
      })
      return presentFacility(found.facility, found, found.parent)
    },
  )
}
