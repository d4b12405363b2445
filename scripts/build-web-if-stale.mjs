/**
 * Run by `npm start` (prestart): builds the web app when dist/web is missing or older than any of
 * its sources, so a fresh clone and a pulled change both start with a current front end.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const repo = path.resolve(import.meta.dirname, '..')
const builtIndex = path.join(repo, 'dist/web/index.html')
const SOURCE_EXTENSIONS = /\.(tsx?|json|css|html)$/

function newestMtime(entry) {
  let stat
  try {
    stat = fs.statSync(entry)
  } catch {
    return 0
  }
  if (!stat.isDirectory()) return SOURCE_EXTENSIONS.test(entry) ? stat.mtimeMs : 0
  let newest = 0
  for (const child of fs.readdirSync(entry)) {
    if (child === 'node_modules') continue
    newest = Math.max(newest, newestMtime(path.join(entry, child)))
  }
  return newest
}

function webSources() {
  const roots = [
    'src/platform/web',
    'src/platform/locales',
    'vite.config.ts',
    'package-lock.json',
    'index.html',
  ]
  const modules = path.join(repo, 'src/modules')
  for (const name of fs.existsSync(modules) ? fs.readdirSync(modules) : []) {
    roots.push(`src/modules/${name}/web`, `src/modules/${name}/locales`)
  }
  return roots.map((root) => path.join(repo, root))
}

const builtAt = fs.existsSync(builtIndex) ? fs.statSync(builtIndex).mtimeMs : 0
const sourcesAt = Math.max(...webSources().map(newestMtime))

if (builtAt >= sourcesAt) {
  process.stdout.write('web app is up to date (dist/web)\n')
} else {
  process.stdout.write(builtAt ? 'web sources changed: rebuilding dist/web\n' : 'building the web app\n')
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: repo, stdio: 'inherit' })
  if (result.status !== 0) {
    process.stderr.write('web build failed; see the messages above\n')
    process.exit(result.status ?? 1)
  }
}
