import { expect, type Locator, type Page } from '@playwright/test'

export interface NewUser {
  displayName: string
  username: string
  password: string
  /** The role's name as the form shows it, e.g. "Pengamat kota". */
  roleName: string
}

/** /c/:city/admin/users: people with a role in the city, granting roles, adding a user. */
export class UsersPage {
  readonly heading: Locator
  readonly list: Locator
  readonly createForm: Locator

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Pengguna dan peran', exact: true })
    this.list = page.getByRole('region', { name: 'Orang dengan peran di kota ini' })
    this.createForm = page
      .locator('form')
      .filter({ has: page.getByRole('heading', { name: 'Tambah pengguna', exact: true }) })
  }

  async verifyOnPage(citySlug: string): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`/c/${citySlug}/admin/users$`))
    await expect(this.heading).toBeVisible()
    await expect(this.list.getByRole('table')).toBeVisible()
  }

  /** The table row of one person, found by their username. */
  row(username: string): Locator {
    return this.list
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: username, exact: true }) })
  }

  async createUser(user: NewUser): Promise<void> {
    const form = this.createForm
    await form.getByLabel('Nama lengkap').fill(user.displayName)
    await form.getByLabel('Nama pengguna').fill(user.username)
    await form.getByLabel('Kata sandi awal').fill(user.password)
    await form.getByRole('combobox', { name: 'Peran' }).click()
    await this.page.getByRole('option', { name: user.roleName, exact: true }).click()
    await form.getByRole('button', { name: 'Tambah pengguna', exact: true }).click()
    await expect(form.getByRole('status')).toHaveText(`Pengguna ${user.displayName} ditambahkan.`)
  }

  /** Uses the "add a role" control in the person's row. */
  async grantRole(user: { displayName: string; username: string }, roleName: string): Promise<void> {
    const row = this.row(user.username)
    await row.getByRole('combobox', { name: `Tambah peran untuk ${user.displayName}` }).click()
    await this.page.getByRole('option', { name: roleName, exact: true }).click()
    await row.getByRole('button', { name: 'Tambah peran', exact: true }).click()
  }

  /** The role badges shown in a person's row (each carries a "revoke" button named after it). */
  revokeButton(user: { displayName: string }, roleName: string): Locator {
    return this.list.getByRole('button', {
      name: `Cabut peran ${roleName} dari ${user.displayName}`,
      exact: true,
    })
  }
}
