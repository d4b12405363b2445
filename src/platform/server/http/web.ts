import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'

const WEB_ROOT = path.resolve(import.meta.dirname, '../../../../dist/web')
const IMMUTABLE = 'public, max-age=31536000, immutable'

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

/**
 * Serves the built React app from dist/web. Any GET that is neither /api/* nor a file gets
 * index.html, so deep links like /c/kota-batu/admin/users survive a reload.
 */
export async function installWebApp(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, { root: WEB_ROOT, serve: false })

  app.get('/*', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    const pathname = decodeURIComponent(request.url.split('?')[0] ?? '/')
    if (pathname === '/api' || pathname.startsWith('/api/')) return reply.callNotFound()
    const relative = path.normalize(pathname).replace(/^(\.\.(\/|\\|$))+/, '')
    const file = path.join(WEB_ROOT, relative)
    if (file.startsWith(WEB_ROOT + path.sep) && isFile(file)) {
      // Vite puts a content hash in every file name under assets/, so they never change in place.
      const cacheControl = relative.startsWith('/assets/') ? IMMUTABLE : 'no-cache'
      return reply.header('cache-control', cacheControl).sendFile(relative, { cacheControl: false })
    }
    // A missing file is a 404, not the app: a stale tab asking for an old chunk must not get HTML.
    if (relative.startsWith('/assets/') || path.extname(relative) !== '') return reply.callNotFound()
    if (!isFile(path.join(WEB_ROOT, 'index.html'))) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built yet: run `npm run build:web` (npm start does it for you).')
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false })
  })
}
