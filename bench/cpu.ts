/**
 * CPU time spent by processes during a measurement, read from /proc (Linux; elsewhere nothing is
 * reported). A throughput ratio depends on what bounds each side: on a machine whose disk syncs
 * slowly pgbench waits on its commits, on one that syncs fast it is bound by CPU like the app. CPU
 * per transaction on each side is a second view that depends much less on the machine.
 */
import fs from 'node:fs'

const TICKS_PER_SECOND = 100 // USER_HZ: 100 on every Linux we run on (getconf CLK_TCK)

interface Stat {
  pid: number
  parent: number
  name: string
  /** utime + stime, and cutime + cstime: children that ended and were waited for. */
  own: number
  children: number
}

function statOf(pid: number | 'self'): Stat | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const name = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'))
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
    // fields[0] is field 3 (state): utime is field 14, cutime 16.
    return {
      pid: Number(text.slice(0, text.indexOf(' '))),
      parent: Number(fields[1]),
      name,
      own: Number(fields[11]) + Number(fields[12]),
      children: Number(fields[13]) + Number(fields[14]),
    }
  } catch {
    return null
  }
}

function allStats(): Stat[] {
  if (!fs.existsSync('/proc/self/stat')) return []
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map((entry) => statOf(Number(entry)))
    .filter((stat): stat is Stat => stat !== null)
}

/** CPU ticks so far of a process and its descendants, ended ones included once waited for. */
function treeTicks(root: number, stats: Stat[]): number {
  const inTree = new Set([root])
  let grew = true
  while (grew) {
    grew = false
    for (const stat of stats) {
      if (!inTree.has(stat.pid) && inTree.has(stat.parent)) {
        inTree.add(stat.pid)
        grew = true
      }
    }
  }
  return stats.filter((stat) => inTree.has(stat.pid)).reduce((sum, stat) => sum + stat.own + stat.children, 0)
}

/** Every PostgreSQL server process on the machine: the postmaster's tree, ended backends included. */
function postgresTicks(stats: Stat[]): number {
  const postmasters = stats.filter(
    (stat) =>
      stat.name === 'postgres' &&
      !stats.some((other) => other.pid === stat.parent && other.name === 'postgres'),
  )
  return postmasters.reduce((sum, postmaster) => sum + treeTicks(postmaster.pid, stats), 0)
}

export interface CpuSeconds {
  /** The processes named by pid (the app server and its workers), or this process's ended children. */
  app: number
  postgres: number
}

/**
 * CPU seconds used while `work` ran: by the process tree of `appPid` (or, without one, by the
 * children this process started and waited for, such as pgbench), and by PostgreSQL.
 */
export async function cpuDuring<T>(
  appPid: number | null,
  work: () => Promise<T>,
): Promise<{ result: T; cpu: CpuSeconds | null }> {
  const appTicks = (stats: Stat[]) =>
    appPid === null ? (statOf('self')?.children ?? 0) : treeTicks(appPid, stats)
  const before = allStats()
  if (before.length === 0) return { result: await work(), cpu: null }
  const start = { app: appTicks(before), postgres: postgresTicks(before) }
  const result = await work()
  const after = allStats()
  return {
    result,
    cpu: {
      app: (appTicks(after) - start.app) / TICKS_PER_SECOND,
      postgres: (postgresTicks(after) - start.postgres) / TICKS_PER_SECOND,
    },
  }
}
