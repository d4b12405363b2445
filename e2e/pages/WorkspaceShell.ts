import { expect, type Locator, type Page } from '@playwright/test'

/**
 * The frame around every city page: header (language switch, account menu), side navigation with
 * the city switcher. On a phone the navigation sits behind the burger button.
 */
export class WorkspaceShell {
  readonly burger: Locator
  readonly navigation: Locator
  readonly languageSwitch: Locator

  constructor(private readonly page: Page) {
    this.burger = page.getByRole('button', { name: /^(Buka atau tutup navigasi|Open or close navigation)$/ })
    this.navigation = page.getByRole('navigation', { name: /^(Navigasi utama|Main navigation)$/ })
    this.languageSwitch = page.getByRole('radiogroup', { name: /^(Bahasa|Language)$/ })
  }

  /** The city switcher's field; only shown to people with a role in more than one city. */
  citySwitcher(label: string | RegExp = /^(Ganti kota|Switch city)$/): Locator {
    return this.page.getByRole('combobox', { name: label })
  }

  /** On a phone, opens the navigation drawer; on a wide screen it is always open. */
  async openNavigation(): Promise<void> {
    if (!(await this.burger.isVisible())) return
    if ((await this.burger.getAttribute('aria-expanded')) !== 'true') await this.burger.click()
    await expect(this.burger).toHaveAttribute('aria-expanded', 'true')
    await expect(this.navigation).toBeInViewport()
  }

  async switchCity(cityName: string): Promise<void> {
    await this.openNavigation()
    await this.citySwitcher().click()
    await this.page.getByRole('option', { name: cityName, exact: true }).click()
  }

  async goToNavItem(label: string): Promise<void> {
    await this.openNavigation()
    await this.navigation.getByRole('link', { name: label, exact: true }).click()
  }

  /** `ID` or `EN`: the labels of the segmented control in the header. */
  async switchLanguage(short: 'ID' | 'EN'): Promise<void> {
    await this.languageSwitch.getByText(short, { exact: true }).click()
    await expect(this.languageSwitch.getByRole('radio', { name: short })).toBeChecked()
    await expect(this.page.locator('html')).toHaveAttribute('lang', short.toLowerCase())
  }
}
