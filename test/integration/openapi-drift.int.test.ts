import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildOpenApiDocument } from '../support/openapi-document.ts'

describe('openapi.json', () => {
  it('matches the routes in the code (run `npm run openapi` after changing a route)', async () => {
    const committed = JSON.parse(
      fs.readFileSync(path.resolve(import.meta.dirname, '../../openapi.json'), 'utf8'),
    )
    const current = JSON.parse(JSON.stringify(await buildOpenApiDocument()))
    expect(current).toEqual(committed)
  })

  it('documents every route with a summary and a tag', async () => {
    const document = (await buildOpenApiDocument()) as {
      paths: Record<string, Record<string, { summary?: string; tags?: string[] }>>
    }
    for (const [url, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(operation.summary, `${method} ${url}`).toBeTruthy()
        expect(operation.tags?.length, `${method} ${url}`).toBeGreaterThan(0)
      }
    }
  })
})
