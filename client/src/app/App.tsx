import { Route, Routes } from 'react-router';
import { LandingPage } from '../features/landing/LandingPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { Layout } from './Layout.tsx';

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<LandingPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
