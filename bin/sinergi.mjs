#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx sinergi` works on a fresh clone with no build step.
import { register } from 'tsx/esm/api'

register()
const { runCli } = await import('../src/cli/sinergi.ts')
process.exitCode = await runCli(process.argv)
