import { Command, Option } from 'commander'
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
import { translate } from '../platform/server/i18n.ts'
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
