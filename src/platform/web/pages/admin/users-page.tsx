import { Badge, Button, CloseButton, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../api/client.ts'
import {
  type CityMember,
  type RoleDefinition,
  useCityUsers,
  useGrantRole,
  useRevokeRole,
  useRoles,
  useScopeOptions,
} from '../../api/hooks.ts'
import { problemMessage } from '../../api/problem.ts'
import { currentLanguage } from '../../i18n/setup.ts'
import { useCityParam } from '../../layout/city-shell.tsx'
import { QueryState } from '../../ui/query-state.tsx'
import { CreateUserForm } from './create-user-form.tsx'

function GrantRoleForm({ member, roles }: { member: CityMember; roles: RoleDefinition[] }) {
  const { t, i18n } = useTranslation()
  const city = useCityParam()
  const grant = useGrantRole(city)
  const [role, setRole] = useState<string | null>(null)
  const [scopeId, setScopeId] = useState<string | null>(null)
  // A role may be narrowed to one record of a kind its module owns (one agency, one facility).
  const scopeKind = roles.find((r) => r.code === role)?.scopeKinds[0] ?? null
  const scopes = useScopeOptions(city, scopeKind)
  const held = new Set(member.roles.filter((r) => !r.scopeKind).map((r) => r.role))
  const options = roles
    .filter((r) => !held.has(r.code) || r.scopeKinds.length > 0)
    .map((r) => ({ value: r.code, label: r.name[currentLanguage()] }))
  if (options.length === 0) return null
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!role) return
    const scope = scopeKind && scopeId ? { kind: scopeKind, id: scopeId } : null
    grant.mutate(
      { userId: member.id, role, scope, key: newIdempotencyKey() },
      {
        onSuccess: () => {
          setRole(null)
          setScopeId(null)
        },
      },
    )
  }
  return (
    <form onSubmit={submit}>
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <Select
          size="xs"
          aria-label={t('users.grantLabel', { name: member.displayName })}
          placeholder={t('users.role')}
          data={options}
          value={role}
          onChange={(value) => {
            setRole(value)
            setScopeId(null)
          }}
          w={170}
          error={grant.error ? problemMessage(i18n, grant.error) : undefined}
        />
        {scopeKind && (
          <Select
            size="xs"
            aria-label={t('users.scopeLabel', {
              kind: t(`users.scopeKind.${scopeKind}`, { defaultValue: scopeKind }),
            })}
            placeholder={t('users.scopeAll')}
            data={(scopes.data ?? []).map((option) => ({ value: option.id, label: option.label }))}
            value={scopeId}
            onChange={setScopeId}
            searchable
            clearable
            w={220}
          />
        )}
        <Button size="xs" type="submit" variant="default" loading={grant.isPending} disabled={!role}>
          {t('users.grant')}
        </Button>
      </Group>
    </form>
  )
}

/** The agency or facility a role is narrowed to, by name. */
function ScopeName({ kind, id }: { kind: string; id: string }) {
  const scopes = useScopeOptions(useCityParam(), kind)
  const label = scopes.data?.find((option) => option.id === id)?.label
  return <>{label ? ` · ${label}` : ''}</>
}

function RoleBadges({ member, roleName }: { member: CityMember; roleName: (code: string) => string }) {
  const { t, i18n } = useTranslation()
  const revoke = useRevokeRole(useCityParam())
  return (
    <Stack gap={4}>
      <Group gap={6}>
        {member.roles.map((grant) => {
          const name = roleName(grant.role)
          const label = t('users.revoke', { role: name, name: member.displayName })
          return (
            <Badge
              key={grant.id}
              variant="filled"
              color="teal.9"
              pr={3}
              rightSection={
                <CloseButton
                  size="xs"
                  variant="transparent"
                  c="white"
                  aria-label={label}
                  title={label}
                  onClick={() => {
                    if (window.confirm(t('users.revokeConfirm', { role: name, name: member.displayName }))) {
                      revoke.mutate({ userId: member.id, grantId: grant.id })
                    }
                  }}
                />
              }
            >
              {name}
              {grant.scopeKind && grant.scopeId && <ScopeName kind={grant.scopeKind} id={grant.scopeId} />}
            </Badge>
          )
        })}
      </Group>
      {revoke.isError && (
        <Text size="xs" c="red.9" role="alert">
          {problemMessage(i18n, revoke.error)}
        </Text>
      )}
    </Stack>
  )
}

export default function UsersPage() {
  const { t } = useTranslation()
  const city = useCityParam()
  const users = useCityUsers(city)
  const roles = useRoles(city)
  const roleList = roles.data ?? []
  const roleName = (code: string) => roleList.find((r) => r.code === code)?.name[currentLanguage()] ?? code
  return (
    <Stack gap="lg">
      <Title order={1}>{t('users.title')}</Title>
      <section aria-labelledby="users-list">
        <Title order={2} size="h3" id="users-list" mb="sm">
          {t('users.listTitle')}
        </Title>
        <QueryState query={users}>
          {(members) =>
            members.length === 0 ? (
              <Text>{t('users.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table striped verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('users.colName')}</Table.Th>
                      <Table.Th scope="col">{t('users.colUsername')}</Table.Th>
                      <Table.Th scope="col">{t('users.colRoles')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {members.map((member) => (
                      <Table.Tr key={member.id}>
                        <Table.Td>
                          {member.displayName}{' '}
                          {member.isDisabled && (
                            <Badge color="dark.6" size="sm">
                              {t('users.disabled')}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>{member.username}</Table.Td>
                        <Table.Td>
                          <Stack gap="xs">
                            <RoleBadges member={member} roleName={roleName} />
                            <GrantRoleForm member={member} roles={roleList} />
                          </Stack>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryState>
      </section>
      <Paper withBorder p="md" maw={560}>
        <CreateUserForm roles={roleList} />
      </Paper>
    </Stack>
  )
}
