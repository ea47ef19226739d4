import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AnonymityPage } from '../features/anonymity/AnonymityPage.tsx';
import { JoinPage } from '../features/join/JoinPage.tsx';
import { LandingPage } from '../features/landing/LandingPage.tsx';
import { StartPage } from '../features/start/StartPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { Layout } from './Layout.tsx';

// The board brings the real-time libraries (Yjs, Socket.IO, QR codes); other pages do not wait for them.
const BoardPage = lazy(() =>
  import('../features/board/BoardPage.tsx').then((module) => ({ default: module.BoardPage })),
);

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<LandingPage />} />
        <Route path="start" element={<StartPage />} />
        <Route path="anonymity" element={<AnonymityPage />} />
        <Route path="join" element={<JoinPage />} />
        <Route path="j/:code" element={<JoinPage />} />
        <Route
          path="s/:sessionId"
          element={
            <Suspense fallback={<p role="status">Opening the board…</p>}>
              <BoardPage />
            </Suspense>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
