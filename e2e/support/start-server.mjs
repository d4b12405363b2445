/**
 * Started by Playwright's webServer: runs `npm start` against a fresh, empty data folder so every
 * e2e run begins from the seeded demo and nothing else. The folder lives under the system temp
 * directory and is removed when the server stops; folders left by a run that was killed outright
 * are removed by the next run.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const PREFIX = 'sinergi-e2e-'
const repo = path.resolve(import.meta.dirname, '../..')
const port = process.env.PORT ?? '3310'

function isAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === 'EPERM'
  }
}

// `sinergi-e2e-<pid>-<random>`: a folder whose starter process is gone is a leftover.
for (const name of fs.readdirSync(os.tmpdir())) {
  const pid = Number(name.startsWith(PREFIX) ? name.slice(PREFIX.length).split('-')[0] : Number.NaN)
  if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) {
    fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true })
  }
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${process.pid}-`))
const server = spawn('npm', ['start'], {
  cwd: repo,
  env: { ...process.env, DATA_DIR: dataDir, PORT: port, HOST: '127.0.0.1' },
  stdio: 'inherit',
})

function removeDataDir() {
  fs.rmSync(dataDir, { recursive: true, force: true })
}

let stopping = false
function stop(signal) {
  if (stopping) return
  stopping = true
  if (server.exitCode === null && server.signalCode === null) server.kill(signal)
  // The server closes its database on SIGTERM; do not wait for ever.
  setTimeout(() => {
    server.kill('SIGKILL')
  }, 10_000).unref()
}

process.on('SIGTERM', () => stop('SIGTERM'))
process.on('SIGINT', () => stop('SIGINT'))
server.on('exit', (code, signal) => {
  removeDataDir()
  process.exit(code ?? (signal ? 0 : 1))
})
