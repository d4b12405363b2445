import { expect, type Locator, type Page } from '@playwright/test'

export const DEMO_PASSWORD = 'sinergi-demo'

/** /login: the sign-in form. */
export class LoginPage {
  readonly heading: Locator

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /^(Masuk ke Sinergi|Sign in to Sinergi)$/ })
  }

  async goto(next?: string): Promise<void> {
    await this.page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login')
    await this.verifyOnPage()
  }

  async verifyOnPage(): Promise<void> {
    await expect(this.heading).toBeVisible()
  }

  /** Signs in with the form (Indonesian labels: the default for someone not signed in). */
  async signIn(username: string, password = DEMO_PASSWORD): Promise<void> {
    await this.page.getByLabel('Nama pengguna').fill(username)
    await this.page.getByLabel('Kata sandi').fill(password)
    await this.page.getByRole('button', { name: 'Masuk', exact: true }).click()
  }
}
