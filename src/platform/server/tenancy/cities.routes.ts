import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { TIMEZONE_ABBREVIATION, type TimeZoneName } from '../../domain/regions.ts'
import { ProblemSchema } from '../http/schemas.ts'
import type { CityRow } from './cities.repository.ts'
import {
  CityCodeParamsSchema,
  CityDetailSchema,
  CityListQuerySchema,
  CityPageSchema,
  CitySchema,
} from './cities.schemas.ts'
import * as service from './cities.service.ts'

const tags = ['cities']

export function presentCity(row: CityRow) {
  return {
    code: row.code,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    province: { code: row.provinceCode, name: row.provinceName },
    timezone: row.timezone,
    timezoneAbbreviation: TIMEZONE_ABBREVIATION[row.timezone as TimeZoneName],
    isActive: row.isActive,
    activatedAt: row.activatedAt?.toISOString() ?? null,
  }
}

export const citiesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'All 514 kabupaten/kota; search by name or code, filter by active or province',
        querystring: CityListQuerySchema,
        response: { 200: CityPageSchema },
      },
    },
    async (request) => {
      const { page, pageSize, q, active, province } = request.query
      const result = await service.searchCities(request.context(), {
        q,
        isActive: active,
        provinceCode: province,
        page,
        pageSize,
      })
      return { items: result.rows.map(presentCity), page, pageSize, total: result.total }
    },
  )

  app.get(
    '/:code',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'One kabupaten/kota with its kecamatan and desa/kelurahan',
        params: CityCodeParamsSchema,
        response: { 200: CityDetailSchema, 304: Type.Null(), 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const cached = await service.getCityDetailBody(request.context(), {
        codeOrSlug: request.params.code,
        present: presentCity,
      })
      reply.header('etag', cached.etag).header('cache-control', 'public, max-age=60')
      if (request.headers['if-none-match'] === cached.etag) return reply.code(304).send(null)
      // Already serialised from the same schema's shape; sent as it is.
      return reply.type('application/json; charset=utf-8').send(cached.body as never)
    },
  )

  app.post(
    '/:code/activate',
    {
      schema: {
        tags,
        summary: 'Onboard a city (platform admin); creates its default agencies',
        params: CityCodeParamsSchema,
        response: { 200: CitySchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => presentCity(await service.activateCity(request.context(), request.params.code)),
  )

  app.post(
    '/:code/deactivate',
    {
      schema: {
        tags,
        summary: 'Take a city off the platform (platform admin); its records are kept',
        params: CityCodeParamsSchema,
        response: { 200: CitySchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => presentCity(await service.deactivateCity(request.context(), request.params.code)),
  )
}
