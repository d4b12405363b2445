import { type ComponentType, type LazyExoticComponent, lazy, Suspense } from 'react'
import { createBrowserRouter } from 'react-router'
import { meKey } from './api/hooks.ts'
import { queryClient, setSessionLostHandler } from './api/query-client.ts'
import CityShell from './layout/city-shell.tsx'
import { NotFoundPage, RouteErrorPage } from './layout/page-chrome.tsx'
import { PublicLayout } from './layout/public-layout.tsx'
import { loginPathFor, RequireAuth } from './layout/require-auth.tsx'
import { MODULE_WEBS } from './modules.ts'
import { PageLoader } from './ui/query-state.tsx'

const LandingPage = lazy(() => import('./pages/landing-page.tsx'))
const LoginPage = lazy(() => import('./pages/login-page.tsx'))
const ProfilePage = lazy(() => import('./pages/profile-page.tsx'))
const WorkspaceHomePage = lazy(() => import('./pages/workspace-home-page.tsx'))
const UsersPage = lazy(() => import('./pages/admin/users-page.tsx'))
const AuditPage = lazy(() => import('./pages/admin/audit-page.tsx'))
const RegionsPage = lazy(() => import('./pages/regions-page.tsx'))
const IndicatorsPage = lazy(() => import('./pages/indicators-page.tsx'))

function page(Component: LazyExoticComponent<ComponentType>) {
  return (
    <Suspense fallback={<PageLoader />}>
      <Component />
    </Suspense>
  )
}

const moduleRoutes = MODULE_WEBS.flatMap((module) =>
  module.routes.map((route) => ({ path: route.path, element: page(route.component) })),
)
const modulePublicRoutes = MODULE_WEBS.flatMap((module) =>
  (module.publicRoutes ?? []).map((route) => ({ path: route.path, element: page(route.component) })),
)

export const router = createBrowserRouter([
  {
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: '/', element: page(LandingPage) },
          { path: '/login', element: page(LoginPage) },
          { path: '/profile', element: <RequireAuth>{page(ProfilePage)}</RequireAuth> },
          ...modulePublicRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      {
        path: '/c/:city',
        element: (
          <RequireAuth>
            <CityShell />
          </RequireAuth>
        ),
        children: [
          { index: true, element: page(WorkspaceHomePage) },
          { path: 'admin/users', element: page(UsersPage) },
          { path: 'admin/audit', element: page(AuditPage) },
          { path: 'regions', element: page(RegionsPage) },
          { path: 'indicators', element: page(IndicatorsPage) },
          ...moduleRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
])

// An expired session anywhere sends the person to login, and login brings them back here.
setSessionLostHandler(() => {
  const { location } = router.state
  queryClient.setQueryData(meKey, null)
  if (location.pathname !== '/login') void router.navigate(loginPathFor(location, true), { replace: true })
})
