import { createWriteStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Command, Option } from 'commander'
import { KbliTableError, loadKbliTable, readKbliFile } from '../modules/umkm/server/kbli.service.ts'
import { exportSidt } from '../modules/umkm/server/sidt.export.ts'
import { importSidt, type SidtImportPhase } from '../modules/umkm/server/sidt.import.service.ts'
import { SidtUpload } from '../modules/umkm/server/sidt.upload.ts'
import { SAMPLE_PROFILES, seedSampleBusinesses } from '../modules/umkm/server/umkm.seed.ts'
import { buildAccessRegistry } from '../platform/server/access/access.registry.ts'
import { createUser, grantRole, setPassword } from '../platform/server/access/access.service.ts'
import { allManifests } from '../platform/server/app.ts'
import { findUserByUsername } from '../platform/server/auth/auth.repository.ts'
import { createApiToken } from '../platform/server/auth/auth.service.ts'
import { BootError, prepareDatabase } from '../platform/server/boot.ts'
import { ConfigError, loadConfig } from '../platform/server/config.ts'
import { type ServiceContext, systemClock, systemContext } from '../platform/server/context.ts'
import { DataDirLockedError } from '../platform/server/db/data-dir-lock.ts'
import { AppError } from '../platform/server/errors.ts'
import { addMessages, type Locale, translate } from '../platform/server/i18n.ts'
import {
  activateCity,
  deactivateCity,
  getCity,
  searchCities,
  toCityRef,
} from '../platform/server/tenancy/cities.service.ts'

/**
 * The operator's command line. It opens the same database as the server (DATA_DIR or
 * DATABASE_URL), applies migrations if needed, and acts as `cli` in the audit log.
 */
async function withContext<T>(work: (context: ServiceContext) => Promise<T>): Promise<T> {
  const config = loadConfig()
  const manifests = allManifests()
  const { database } = await prepareDatabase({ config, manifests, seedDemo: false, refuseDemoUsers: false })
  try {
    return await work(
      systemContext(
        { database, config, manifests, access: buildAccessRegistry(manifests), clock: systemClock },
        'cli',
      ),
    )
  } finally {
    await database.close()
  }
}

const print = (line: string) => process.stdout.write(`${line}\n`)

const PHASE_LABELS: Record<SidtImportPhase, string> = {
  reading: 'reading file',
  checking: 'checking rows',
  writing: 'writing',
}

/**
 * A progress bar drawn by hand on stderr, redrawn in place (`\r`) a few times a second; where
 * stderr is not a terminal (a log file, CI) one line per phase instead. Hand-drawn because a few
 * lines do it; a package would add a dependency for no gain.
 */
function progressBar(stream: NodeJS.WriteStream) {
  const width = 30
  let phase: SidtImportPhase | null = null
  let drawnAt = 0
  return {
    update(done: number, total: number, next: SidtImportPhase) {
      const isNewPhase = next !== phase
      if (!stream.isTTY) {
        if (isNewPhase) stream.write(`${PHASE_LABELS[next]}…\n`)
        phase = next
        return
      }
      const now = Date.now()
      if (!isNewPhase && done < total && now - drawnAt < 100) return
      if (isNewPhase && phase !== null) stream.write('\n')
      phase = next
      drawnAt = now
      const ratio = total > 0 ? Math.min(done / total, 1) : 0
      const filled = Math.round(ratio * width)
      const counts = total > 0 ? `  ${done.toLocaleString('en')}/${total.toLocaleString('en')}` : ''
      stream.write(
        `\r${PHASE_LABELS[next].padEnd(14)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}%${counts}`,
      )
    },
    end() {
      if (stream.isTTY && phase !== null) stream.write('\n')
      phase = null
    },
  }
}

/** `sinergi umkm import-sidt` and `export-sidt`: the registry in and out of the SIDT layout. */
function addSidtCommands(umkm: Command) {
  umkm
    .command('import-sidt <file>')
    .description(
      'import businesses from a SIDT file (the 49-column layout, .xlsx or .csv): every row is checked first, and a file with any bad row writes nothing',
    )
    .requiredOption('--city <code>', 'Kemendagri code (35.79) or slug (kota-batu)')
    .addOption(
      new Option('--lang <lang>', 'language of the row problems').choices(['id', 'en']).default('en'),
    )
    .action(async (file: string, options: { city: string; lang: Locale }) => {
      // Row problems are the module's own codes: their messages come with its manifest.
      for (const manifest of allManifests()) if (manifest.messages) addMessages(manifest.messages)
      let bytes: Buffer
      try {
        bytes = await readFile(file)
      } catch (error) {
        process.stderr.write(`cannot read ${file}: ${(error as Error).message}\n`)
        throw new AppError('umkm.sidt_file_unreadable')
      }
      const upload = new SidtUpload(bytes, /\.csv$/i.test(file) ? 'csv' : 'xlsx')
      const bar = progressBar(process.stderr)
      try {
        const { city, result } = await withContext(async (context) => {
          const city = toCityRef(await getCity(context, options.city))
          return { city, result: await importSidt(context, { city, upload, onProgress: bar.update }) }
        })
        bar.end()
        print(
          `${city.name}: ${result.rows} rows imported — ${result.inserted} inserted, ${result.updated} updated, ${result.unchanged} unchanged, ${result.figures} figures records added`,
        )
      } catch (error) {
        bar.end()
        if (!(error instanceof AppError) || !error.details) throw error
        const row = options.lang === 'id' ? 'baris' : 'row'
        for (const detail of error.details) {
          const at = detail.params as { row: number; column: string }
          process.stderr.write(
            `  ${row} ${at.row}, ${at.column}: ${translate(options.lang, detail.code, detail.params)}\n`,
          )
        }
        const { problemCount = 0, problemsShown = 0 } = (error.extensions ?? {}) as Record<string, number>
        if (problemCount > problemsShown) {
          const more = problemCount - problemsShown
          process.stderr.write(
            options.lang === 'id' ? `  … dan ${more} masalah lain\n` : `  … and ${more} more\n`,
          )
        }
        // The rows are printed above; runCli() prints the summary and exits non-zero.
        throw new AppError(error.code, { params: error.params })
      }
    })

  umkm
    .command('export-sidt')
    .description("write the city's businesses in the 49-column SIDT layout (.xlsx or .csv, by the file name)")
    .requiredOption('--city <code>', 'Kemendagri code (35.79) or slug (kota-batu)')
    .requiredOption('--out <file>', 'where to write, e.g. sidt-batu.xlsx or sidt-batu.csv')
    .option(
      '--unmasked',
      'full NIK, phone, birth date and street address (personal data, UU 27/2022); recorded in the audit log',
      false,
    )
    .action(async (options: { city: string; out: string; unmasked: boolean }) => {
      const format = /\.csv$/i.test(options.out) ? 'csv' : 'xlsx'
      const name = await withContext(async (context) => {
        const city = toCityRef(await getCity(context, options.city))
        const file = await exportSidt(context, { city, format, unmasked: options.unmasked })
        await pipeline(file.stream, createWriteStream(options.out))
        return city.name
      })
      print(`${name}: wrote ${options.out}${options.unmasked ? ' (unmasked personal data)' : ''}`)
    })
}

export function buildProgram(): Command {
  const program = new Command('sinergi')
    .description('Sinergi operator commands. Uses the same DATA_DIR / DATABASE_URL as the server.')
    .showHelpAfterError()

  const user = program.command('user').description('accounts and roles')
  user
    .command('create <username>')
    .description('create an account')
    .requiredOption('--password <password>', 'initial password (at least 10 characters)')
    .option('--display-name <name>', 'name shown in the app')
    .option('--platform-admin', 'may onboard cities and act in every city', false)
    .action(
      async (
        username: string,
        options: { password: string; displayName?: string; platformAdmin: boolean },
      ) => {
        const created = await withContext((context) =>
          createUser(context, {
            username,
            password: options.password,
            displayName: options.displayName,
            isPlatformAdmin: options.platformAdmin,
          }),
        )
        print(`created user ${created.username}${created.isPlatformAdmin ? ' (platform admin)' : ''}`)
      },
    )

  user
    .command('set-password <username>')
    .description('give an account a new password (ends its sessions; a demo account stops being one)')
    .requiredOption('--password <password>', 'the new password (at least 10 characters)')
    .action(async (username: string, options: { password: string }) => {
      await withContext((context) => setPassword(context, { username, password: options.password }))
      print(`new password set for ${username.toLowerCase()}`)
    })

  user
    .command('grant <username> <role>')
    .description('grant a role in a city (roles: see `sinergi roles`)')
    .requiredOption('--city <code>', 'Kemendagri code (73.73) or slug (kota-palopo)')
    .option('--scope-kind <kind>', 'narrow the role to one agency or facility: agency | facility')
    .option('--scope-id <id>', 'public id of that agency or facility')
    .action(
      async (
        username: string,
        role: string,
        options: { city: string; scopeKind?: string; scopeId?: string },
      ) => {
        await withContext(async (context) => {
          const city = await getCity(context, options.city)
          await grantRole(context, {
            city: toCityRef(city),
            username,
            grant: { role, scopeKind: options.scopeKind ?? null, scopeId: options.scopeId ?? null },
          })
          print(`granted ${role} in ${city.name} to ${username.toLowerCase()}`)
        })
      },
    )

  program
    .command('roles')
    .description('list the roles the modules declare')
    .action(() => {
      for (const role of buildAccessRegistry(allManifests()).roles.values()) {
        print(`${role.code.padEnd(20)} ${role.name.en} — ${role.description.en}`)
      }
    })

  program
    .command('token')
    .description('API tokens for machine clients')
    .command('create <username>')
    .description('create an API token; it is printed once, keep it safe')
    .option('--name <name>', 'what the token is for', 'cli')
    .action(async (username: string, options: { name: string }) => {
      const created = await withContext(async (context) => {
        const found = await findUserByUsername(context.database.db, username)
        if (!found) throw new AppError('user.not_found')
        return createApiToken(context, { userId: found.id, name: options.name })
      })
      print(created.token)
      process.stderr.write('Send it as "Authorization: Bearer <token>". It will not be shown again.\n')
    })

  const city = program.command('city').description('kabupaten/kota on the platform')
  city
    .command('activate <code>')
    .description('onboard a city (creates its default agencies)')
    .action(async (code: string) => {
      const row = await withContext((context) => activateCity(context, code))
      print(`${row.name} (${row.code}) is active`)
    })
  city
    .command('deactivate <code>')
    .description('take a city off the platform; its records are kept')
    .action(async (code: string) => {
      const row = await withContext((context) => deactivateCity(context, code))
      print(`${row.name} (${row.code}) is inactive`)
    })
  city
    .command('list')
    .description('list cities')
    .option('--q <text>', 'search by name or code')
    .addOption(new Option('--active', 'only active cities'))
    .action(async (options: { q?: string; active?: boolean }) => {
      const result = await withContext((context) =>
        searchCities(context, { q: options.q, isActive: options.active, page: 1, pageSize: 100 }),
      )
      for (const row of result.rows)
        print(`${row.code}  ${row.isActive ? 'active  ' : 'inactive'}  ${row.name}`)
      if (result.total > result.rows.length)
        print(`… ${result.total - result.rows.length} more; narrow with --q`)
    })

  const umkm = program.command('umkm').description('UMKM registry')
  addSidtCommands(umkm)
  umkm
    .command('load-kbli <file>')
    .description(
      'load the KBLI 2020 kelompok table from the BPS publication (.xlsx or .csv with columns kode and judul); replaces the version whole; from then on a code must be in it',
    )
    .option('--partial', 'load fewer than 1,000 kelompok (a test, a staged load)', false)
    .action(async (file: string, options: { partial: boolean }) => {
      const bytes = await readFile(file)
      const rows = await readKbliFile(bytes, /\.csv$/i.test(file) ? 'csv' : 'xlsx')
      try {
        const result = await withContext((context) =>
          loadKbliTable(context, { rows, source: basename(file), partial: options.partial }),
        )
        print(`${result.version}: ${result.loaded} kelompok loaded (replacing ${result.replaced})`)
      } catch (error) {
        if (!(error instanceof KbliTableError)) throw error
        for (const problem of error.problems.slice(0, 50))
          process.stderr.write(`  row ${problem.row}: ${problem.code} ${problem.value ?? ''}\n`)
        umkm.error(`error: ${error.message} Nothing was loaded.`)
      }
    })
  umkm
    .command('generate-sample')
    .description(
      "add generated businesses (labelled sample data) until the city's sample has --count; the demo seeds 40 (Batu) and 24 (Palopo)",
    )
    .requiredOption('--city <code>', `Kemendagri code or slug: ${Object.keys(SAMPLE_PROFILES).join(', ')}`)
    .option('--count <n>', "how many sample businesses the city's registry should hold", '23000')
    .action(async (options: { city: string; count: string }) => {
      const count = Number(options.count)
      const profile = SAMPLE_PROFILES[options.city.toLowerCase()]
      if (!Number.isInteger(count) || count < 1 || count > 200_000)
        umkm.error('error: --count takes a whole number from 1 to 200000')
      if (!profile)
        umkm.error(
          `error: no sample profile for ${options.city}; there are: ${Object.keys(SAMPLE_PROFILES).join(', ')}`,
        )
      if (loadConfig().isProduction)
        umkm.error('error: sample data is not generated into a production database (NODE_ENV=production)')
      await withContext(async (context) => {
        const city = toCityRef(await getCity(context, options.city))
        const started = Date.now()
        const result = await seedSampleBusinesses(context, {
          city,
          profile: profile!,
          count,
          onProgress: (written, total) =>
            process.stderr.write(`\r  ${written} / ${total} businesses written`),
        })
        if (result.businesses > 0) process.stderr.write('\n')
        print(
          result.businesses === 0
            ? `${city.name} already has ${result.existing} sample businesses; nothing to add`
            : `${city.name}: ${result.businesses} sample businesses added after ${result.existing}, with ${result.figures} figures records and ${result.licences} licences, in ${((Date.now() - started) / 1000).toFixed(1)} s; indicators for 2023 and 2025 recomputed`,
        )
      })
    })

  program
    .command('migrate')
    .description('apply database migrations and load reference data, then exit')
    .action(async () => {
      await withContext(async () => undefined)
      print('database is up to date')
    })

  return program
}

export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv)
    return 0
  } catch (error) {
    if (error instanceof AppError) {
      process.stderr.write(`error: ${translate('en', error.code, error.params)}\n`)
      for (const detail of error.details ?? []) {
        process.stderr.write(`  ${detail.field}: ${translate('en', detail.code, detail.params)}\n`)
      }
      return 1
    }
    if (error instanceof ConfigError || error instanceof BootError || error instanceof DataDirLockedError) {
      process.stderr.write(`${error.message}\n`)
      return 1
    }
    throw error
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runCli(process.argv)
}
