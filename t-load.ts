import { openDatabase } from './src/platform/server/db/client.ts'
import { migrateDatabase } from './src/platform/server/db/migrate.ts'
import { loadRegions } from './src/platform/server/tenancy/regions.loader.ts'

const t0 = Date.now()
const d = await openDatabase({})
await migrateDatabase(d)
console.log('migrated', Date.now() - t0)
console.log(await loadRegions(d.db), Date.now() - t0)
const dump = await d.pglite!.dumpDataDir('gzip')
console.log('dump', dump.size, Date.now() - t0)
const t1 = Date.now()
const { PGlite } = await import('@electric-sql/pglite')
const p2 = await PGlite.create({ loadDataDir: dump })
console.log((await p2.query('select count(*) from villages')).rows, Date.now() - t1)
