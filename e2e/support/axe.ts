import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { expect, type Page, test } from '@playwright/test'
import type { AxeResults, Result } from 'axe-core'

const require = createRequire(import.meta.url)
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

const BLOCKING = new Set(['serious', 'critical'])

function summarise(violation: Result): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map(
      (node) =>
        `    ${node.target.join(' ')}\n      ${node.failureSummary?.replaceAll('\n', '\n      ') ?? ''}`,
    )
    .join('\n')
  return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.nodes.length} element(s))\n${nodes}`
}

/**
 * Runs axe-core (WCAG 2.1 A and AA plus best practices) on the page as it is now and fails on
 * any serious or critical violation, listing each with the elements concerned. Call it after the
 * page object has verified that the page is shown.
 */
export async function expectNoSeriousA11yViolations(page: Page, label?: string): Promise<void> {
  const name = label ?? new URL(page.url()).pathname
  await test.step(`axe: ${name}`, async () => {
    const loaded = await page.evaluate(() => 'axe' in window)
    if (!loaded) await page.addScriptTag({ content: axeSource })
    const results = await page.evaluate(() => {
      const { axe } = window as unknown as { axe: { run: (context: Document) => Promise<AxeResults> } }
      return axe.run(document)
    })
    const blocking = results.violations.filter((violation) => BLOCKING.has(violation.impact ?? ''))
    expect(blocking.map(summarise), `axe: serious or critical problems on ${name}`).toEqual([])
  })
}
