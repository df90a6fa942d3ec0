import { createBrowserRouter, type RouteObject } from 'react-router';
import { ADMIN_ROLES } from '../shared/enums.js';
import { RequireAuth } from './auth/RequireAuth.js';
import { ErrorPage } from './pages/errors/ErrorPage.js';
import { NotFoundPage } from './pages/errors/NotFoundPage.js';
import { LandingPage } from './pages/landing/LandingPage.js';
import { PlatformLoginPage } from './pages/login/PlatformLoginPage.js';
import { ChangePasswordPage } from './pages/password/ChangePasswordPage.js';
import { ForgotPasswordPage } from './pages/password/ForgotPasswordPage.js';
import { SchoolLoginPage } from './pages/school/SchoolLoginPage.js';
import { PageSpinner } from './ui/PageSpinner.js';

// One lazily loaded chunk per role: a candidate never downloads the admin console.
const candidateChunk = () => import('./roles/candidate/index.js');
const examinerChunk = () => import('./roles/examiner/index.js');
const proctorChunk = () => import('./roles/proctor/index.js');
const adminChunk = () => import('./roles/admin/index.js');

export const routes: RouteObject[] = [
  {
    path: '/',
    errorElement: <ErrorPage />,
    hydrateFallbackElement: <PageSpinner />,
    children: [
      { index: true, element: <LandingPage /> },
      { path: 's/:slug', element: <SchoolLoginPage /> },
      { path: 's/:slug/forgot-password', element: <ForgotPasswordPage /> },
      {
        path: 's/:slug/ticket',
        lazy: async () => ({
          Component: (await import('./pages/ticket-lookup/TicketLookupPage.js')).TicketLookupPage,
        }),
      },
      { path: 'login', element: <PlatformLoginPage /> },
      {
        // The phone is not logged in: its pairing cookie, set by the QR token, is its identity.
        path: 'phone',
        lazy: async () => ({ Component: (await import('./roles/phone/index.js')).PhonePage }),
      },
      {
        path: 'dev/outbox',
        lazy: async () => ({
          Component: (await import('./pages/outbox/DevOutboxPage.js')).DevOutboxPage,
        }),
      },
      {
        element: <RequireAuth allowPendingPasswordChange />,
        children: [{ path: 'change-password', element: <ChangePasswordPage /> }],
      },
      {
        path: 'candidate',
        element: <RequireAuth roles={['candidate']} />,
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await candidateChunk()).CandidateHomePage }),
          },
          {
            path: 'documents',
            lazy: async () => ({ Component: (await candidateChunk()).DocumentsPage }),
          },
          {
            path: 'registrations/:registrationId/mock',
            lazy: async () => ({ Component: (await candidateChunk()).MockExamPage }),
          },
          {
            path: 'registrations/:registrationId/check-in',
            lazy: async () => ({ Component: (await candidateChunk()).CheckInPage }),
          },
          {
            path: 'registrations/:registrationId/waiting-room',
            lazy: async () => ({ Component: (await candidateChunk()).WaitingRoomPage }),
          },
        ],
      },
      {
        path: 'examiner',
        element: <RequireAuth roles={['examiner']} />,
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await examinerChunk()).ExaminerHomePage }),
          },
          {
            path: 'sessions/:sessionId/check-in',
            lazy: async () => ({ Component: (await examinerChunk()).SessionCheckInPage }),
          },
          {
            path: 'sessions/:sessionId/waiting-room',
            lazy: async () => ({ Component: (await examinerChunk()).WaitingRoomQueuePage }),
          },
          {
            path: 'sessions/:sessionId/panel',
            lazy: async () => ({ Component: (await examinerChunk()).PanelPage }),
          },
          {
            path: 'sessions/:sessionId/scores',
            lazy: async () => ({
              Component: (await import('./roles/staff/scoring/SessionScoresPage.js'))
                .SessionScoresPage,
            }),
          },
        ],
      },
      {
        path: 'proctor',
        element: <RequireAuth roles={['proctor']} />,
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await proctorChunk()).ProctorHomePage }),
          },
          {
            path: 'sessions/:sessionId/check-in',
            lazy: async () => ({ Component: (await proctorChunk()).SessionCheckInPage }),
          },
        ],
      },
      {
        path: 'admin',
        element: <RequireAuth roles={ADMIN_ROLES} />,
        children: [
          {
            lazy: async () => ({ Component: (await adminChunk()).AdminLayout }),
            children: [
              {
                index: true,
                lazy: async () => ({ Component: (await adminChunk()).AdminHomePage }),
              },
              {
                path: 'people',
                lazy: async () => ({ Component: (await adminChunk()).PeoplePage }),
              },
              {
                path: 'exams',
                lazy: async () => ({ Component: (await adminChunk()).ExamsPage }),
              },
              {
                path: 'exams/:examId/roster',
                lazy: async () => ({ Component: (await adminChunk()).RosterPage }),
              },
              {
                path: 'exams/:examId/scoring',
                lazy: async () => ({
                  Component: (await import('./roles/admin/scoring/ScoringPage.js')).ScoringPage,
                }),
              },
              {
                path: 'sessions/:sessionId/check-in',
                lazy: async () => ({ Component: (await adminChunk()).SessionCheckInPage }),
              },
              {
                path: 'reviews',
                lazy: async () => ({ Component: (await adminChunk()).ReviewsPage }),
              },
              {
                path: 'reports',
                lazy: async () => ({ Component: (await adminChunk()).RosterReportsPage }),
              },
              {
                path: 'announcements',
                lazy: async () => ({ Component: (await adminChunk()).AnnouncementsPage }),
              },
              {
                path: 'audit',
                lazy: async () => ({ Component: (await adminChunk()).AuditLogPage }),
              },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
