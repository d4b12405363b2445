import type { ComponentType, LazyExoticComponent } from 'react'

type Catalog = Record<string, unknown>
/** A catalog loaded on demand: only the language in use is downloaded on a first visit. */
type Loader<T> = () => Promise<{ default: T }>

/** What a domain module adds to the web app; the web twin of the server's ModuleManifest. */
export interface ModuleWeb {
  /** Same name as the server manifest: workspace nav items carry it, and it is the i18n namespace. */
  name: string
  messages: { id: Loader<Catalog>; en: Loader<Catalog> }
  /** Error catalog shared with the server, so problem codes translate in the browser too. */
  errors: { id: Loader<Record<string, string>>; en: Loader<Record<string, string>> }
  /** Pages under /c/:city/, each a lazy chunk. */
  routes: { path: string; component: LazyExoticComponent<ComponentType> }[]
  /** Pages anyone may open, without a staff login, in the public layout (absolute paths). */
  publicRoutes?: { path: string; component: LazyExoticComponent<ComponentType> }[]
}
