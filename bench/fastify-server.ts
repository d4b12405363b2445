/**
 * A second reference point: Fastify with one route sending the same bytes, and nothing else (no
 * auth hook, no database). The distance from here to Sinergi is ours; from the bare server to
 * here is the framework's.
 */
import fs from 'node:fs'
import Fastify from 'fastify'

const body = fs.readFileSync(process.env.BENCH_BODY_FILE!, 'utf8')
const app = Fastify({ logger: { level: 'warn' } })
app.get('/api/v1/cities/:code', async (_request, reply) =>
  reply.type('application/json; charset=utf-8').send(body),
)
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
process.send?.('ready')
