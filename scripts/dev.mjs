/**
 * `npm run dev`: the API with reload (tsx watch) and Vite with hot module replacement in front of
 * it. Open the Vite address; it forwards /api to the API server.
 */
import { spawn } from 'node:child_process'

const apiPort = process.env.API_PORT ?? '3001'
const env = { ...process.env, PORT: apiPort, API_PORT: apiPort }
const children = [
  spawn('npx', ['tsx', 'watch', 'src/platform/server/main.ts'], { stdio: 'inherit', env }),
  spawn('npx', ['vite'], { stdio: 'inherit', env }),
]
function stop() {
  for (const child of children) child.kill('SIGTERM')
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
for (const child of children)
  child.on('exit', (code) => {
    if (code) process.exitCode = code
    stop()
  })
