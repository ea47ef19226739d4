import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { SignInPage } from '../features/account/SignInPage.tsx';
import { SignUpPage } from '../features/account/SignUpPage.tsx';
import { AnonymityPage } from '../features/anonymity/AnonymityPage.tsx';
import { JoinPage } from '../features/join/JoinPage.tsx';
import { LandingPage } from '../features/landing/LandingPage.tsx';
import { StartPage } from '../features/start/StartPage.tsx';
import { SummaryPage } from '../features/summary/SummaryPage.tsx';
import { InvitePage } from '../features/teams/InvitePage.tsx';
import { TeamPage } from '../features/teams/TeamPage.tsx';
import { TeamsPage } from '../features/teams/TeamsPage.tsx';
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
        <Route path="signin" element={<SignInPage />} />
        <Route path="signup" element={<SignUpPage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="teams" element={<TeamsPage />} />
        <Route path="teams/:teamId" element={<TeamPage />} />
        <Route path="invite/:token" element={<InvitePage />} />
        <Route path="join" element={<JoinPage />} />
        <Route path="j/:code" element={<JoinPage />} />
        <Route path="sessions/:sessionId/summary" element={<SummaryPage />} />
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
