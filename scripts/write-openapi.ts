/**
 * Writes openapi.json from the routes' schemas. The committed file is what the web client's types
 * are generated from; a test fails when it drifts from the code.
 */
import fs from 'node:fs'
import path from 'node:path'
import { buildOpenApiDocument } from '../test/support/openapi-document.ts'

const target = path.resolve(import.meta.dirname, '../openapi.json')
const document = await buildOpenApiDocument()
fs.writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`)
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`)
