import { expect, type Locator, type Page } from '@playwright/test'
import { WorkspaceShell } from './WorkspaceShell.ts'

/** /c/:city: the overview of one city's workspace. */
export class WorkspaceHomePage {
  readonly shell: WorkspaceShell

  constructor(private readonly page: Page) {
    this.shell = new WorkspaceShell(page)
  }

  heading(cityName: string, language: 'id' | 'en' = 'id'): Locator {
    const name =
      language === 'id' ? `Selamat datang di ruang kerja ${cityName}` : `Welcome to the ${cityName} workspace`
    return this.page.getByRole('heading', { level: 1, name, exact: true })
  }

  async verifyOnPage(citySlug: string, cityName: string, language: 'id' | 'en' = 'id'): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`/c/${citySlug}/?$`))
    await expect(this.heading(cityName, language)).toBeVisible()
  }
}
