import { defineConfig } from 'drizzle-kit'

// Every *.tables.ts under src/ belongs to the one schema: a new module's tables need no edit here.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/server/**/*.tables.ts', './src/modules/*/server/*.tables.ts'],
  out: './migrations',
})
