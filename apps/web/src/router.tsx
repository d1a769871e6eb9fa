import { createBrowserRouter } from 'react-router';
import { Layout } from './layout/Layout';
import { LoginPage } from './pages/auth/LoginPage';
import { NotFoundPage } from './pages/errors/NotFoundPage';
import { RouteErrorPage } from './pages/errors/RouteErrorPage';
import { ScreenGuard } from './routing/ScreenGuard';
import { screens } from './screens';

export const router = createBrowserRouter([
  {
    Component: Layout,
    ErrorBoundary: RouteErrorPage,
    children: [
      { path: '/connexion', Component: LoginPage },
      ...screens.map((screen) => ({ path: screen.path, element: <ScreenGuard screen={screen} /> })),
      { path: '*', Component: NotFoundPage },
    ],
  },
]);
