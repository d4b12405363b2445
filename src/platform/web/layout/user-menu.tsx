import { Avatar, Menu, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { type Me, useLogout } from '../api/hooks.ts'

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('')
}

export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation()
  const logout = useLogout()
  const navigate = useNavigate()
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton>
          <Avatar color="teal.9" variant="filled" radius="xl" size="md" aria-hidden>
            {initials(me.user.displayName)}
          </Avatar>
          <span className="visually-hidden">{`${t('user.menu')}: ${me.user.displayName}`}</span>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('user.signedInAs', { name: me.user.displayName })}</Menu.Label>
        <Menu.Item component={Link} to="/profile">
          {t('user.profile')}
        </Menu.Item>
        <Menu.Item
          color="red"
          onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/') })}
        >
          {t('user.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
