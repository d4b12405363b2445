import fs from 'node:fs'
import path from 'node:path'

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it.
 * The lock file holds the owner's pid; a lock whose process is gone is taken over.
 */
export class DataDirLockedError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export function lockDataDir(dataDir: string): () => void {
  const lockPath = path.join(dataDir, 'sinergi.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' })
      return () => fs.rmSync(lockPath, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number(fs.readFileSync(lockPath, 'utf8'))
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new DataDirLockedError(
          `The database in ${dataDir} is in use by another Sinergi process (pid ${owner}). ` +
            'Stop it first (PGlite allows one process), or run both on PostgreSQL with DATABASE_URL.',
        )
      }
      fs.rmSync(lockPath, { force: true })
    }
  }
  throw new DataDirLockedError(`Could not lock ${dataDir}`)
}
