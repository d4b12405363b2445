import '@mantine/core/styles.css'
import './styles.css'
import {
  type CSSVariablesResolver,
  createTheme,
  defaultVariantColorsResolver,
  MantineProvider,
  type VariantColorsResolver,
} from '@mantine/core'
import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router'
import { queryClient } from './api/query-client.ts'
import { setupI18n } from './i18n/setup.ts'
import { router } from './router.tsx'

// Mantine hovers a filled shade-9 colour to shade 8, and white on teal.8 is 3.9:1, below WCAG AA
// (axe flagged the active, hovered navigation link). Filled teal hovers darker instead.
const TEAL_FILLED_HOVER = 'color-mix(in srgb, var(--mantine-color-teal-9), black 20%)'
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input)
  return input.variant === 'filled' && colors.hover === 'var(--mantine-color-teal-8)'
    ? { ...colors, hover: TEAL_FILLED_HOVER }
    : colors
}

const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 9,
  variantColorResolver,
  // Long Indonesian titles must not fill a 360 px screen.
  headings: { sizes: { h1: { fontSize: 'clamp(1.6rem, 5vw, 2.125rem)' } } },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
})

// Mantine's default hint and error greys/reds fall below WCAG AA contrast (4.5:1) on white.
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-teal-filled-hover': TEAL_FILLED_HOVER,
  },
  dark: {},
})

function render() {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  )
}

void setupI18n().then(render)
