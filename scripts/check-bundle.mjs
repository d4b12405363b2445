/**
 * Sums the gzip size of the JS a first visit downloads (the entry chunk and its static imports,
 * plus the Indonesian catalogs the app loads before it renders; pages are lazy chunks and are not
 * counted) and fails above the budget.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const BUDGET_BYTES = 250 * 1024
const dist = path.resolve(import.meta.dirname, '../dist/web')
const manifestPath = path.join(dist, '.vite/manifest.json')

if (!fs.existsSync(manifestPath)) {
  process.stderr.write('no build manifest: run `npm run build:web` first\n')
  process.exit(2)
}
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'))
const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry)

const seen = new Set()
function visit(key) {
  if (seen.has(key)) return
  seen.add(key)
  for (const imported of manifest[key].imports ?? []) visit(imported)
}
for (const key of entries) visit(key)
// The catalogs of the default language (id): loaded on demand, but before the first render.
for (const key of Object.keys(manifest)) if (/(^|\/)(\w+\.)?id\.json$/.test(key)) visit(key)

let total = 0
for (const key of seen) {
  const file = manifest[key].file
  const size = zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length
  total += size
  process.stdout.write(`  ${(size / 1024).toFixed(1).padStart(7)} KB  ${file}\n`)
}
const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER'
process.stdout.write(
  `initial JS: ${(total / 1024).toFixed(1)} KB gzipped, ${verdict} the budget of ${BUDGET_BYTES / 1024} KB\n`,
)
process.exit(total <= BUDGET_BYTES ? 0 : 1)
