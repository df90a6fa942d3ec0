import { createBrowserRouter, type RouteObject } from 'react-router';
import { ADMIN_ROLES } from '../shared/enums.js';
import { RequireAuth } from './auth/RequireAuth.js';
import { ErrorPage } from './pages/errors/ErrorPage.js';
import { NotFoundPage } from './pages/errors/NotFoundPage.js';
import { PageSpinner } from './ui/PageSpinner.js';

// Every page is loaded when its route is: the first download is the shell (React, the router,
// antd's core, the texts), so a logged-in candidate does not download the login forms, and the
// login page does not download any role's pages. One lazily loaded chunk per staff role; the
// candidate's pages are one chunk each, so the home page, the first after login, stays small.
const examinerChunk = () => staffPage(import('./roles/examiner/index.js'));
const proctorChunk = () => staffPage(import('./roles/proctor/index.js'));
const adminChunk = () => staffPage(import('./roles/admin/index.js'));

/** Loads a page's module with the texts it shows, so that they are there when it renders. */
async function withTexts<M>(page: Promise<M>, ...texts: Promise<unknown>[]): Promise<M> {
  const [module] = await Promise.all([page, ...texts]);
  return module;
}
/** A candidate's or the phone's page. */
function candidatePage<M>(page: Promise<M>): Promise<M> {
  return withTexts(page, import('./i18n/candidateTexts.js'));
}
/** A staff or admin page (the admin's pages show candidates' tags too). */
function staffPage<M>(page: Promise<M>): Promise<M> {
  return withTexts(page, import('./i18n/candidateTexts.js'), import('./i18n/staffTexts.js'));
}

export const routes: RouteObject[] = [
  {
    path: '/',
    errorElement: <ErrorPage />,
    hydrateFallbackElement: <PageSpinner />,
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (await import('./pages/landing/LandingPage.js')).LandingPage,
        }),
      },
      {
        path: 's/:slug',
        lazy: async () => ({
          Component: (await import('./pages/school/SchoolLoginPage.js')).SchoolLoginPage,
        }),
      },
      {
        path: 's/:slug/forgot-password',
        lazy: async () => ({
          Component: (await import('./pages/password/ForgotPasswordPage.js')).ForgotPasswordPage,
        }),
      },
      {
        path: 's/:slug/ticket',
        lazy: async () => ({
          Component: (await import('./pages/ticket-lookup/TicketLookupPage.js')).TicketLookupPage,
        }),
      },
      {
        path: 'login',
        lazy: async () => ({
          Component: (await import('./pages/login/PlatformLoginPage.js')).PlatformLoginPage,
        }),
      },
      {
        // The phone is not logged in: its pairing cookie, set by the QR token, is its identity.
        path: 'phone',
        lazy: async () => ({
          Component: (await candidatePage(import('./roles/phone/index.js'))).PhonePage,
        }),
      },
      {
        path: 'dev/outbox',
        lazy: async () => ({
          Component: (await import('./pages/outbox/DevOutboxPage.js')).DevOutboxPage,
        }),
      },
      {
        element: <RequireAuth allowPendingPasswordChange />,
        children: [
          {
            path: 'change-password',
            lazy: async () => ({
              Component: (await import('./pages/password/ChangePasswordPage.js'))
                .ChangePasswordPage,
            }),
          },
        ],
      },
      {
        path: 'candidate',
        element: <RequireAuth roles={['candidate']} />,
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await candidatePage(import('./roles/candidate/CandidateHomePage.js')))
                .CandidateHomePage,
            }),
          },
          {
            path: 'documents',
            lazy: async () => ({
              Component: (
                await candidatePage(import('./roles/candidate/documents/DocumentsPage.js'))
              ).DocumentsPage,
            }),
          },
          {
            path: 'registrations/:registrationId/mock',
            lazy: async () => ({
              Component: (await candidatePage(import('./roles/candidate/identity/MockExamPage.js')))
                .MockExamPage,
            }),
          },
          {
            path: 'registrations/:registrationId/check-in',
            lazy: async () => ({
              Component: (await candidatePage(import('./roles/candidate/check-in/CheckInPage.js')))
                .CheckInPage,
            }),
          },
          {
            path: 'registrations/:registrationId/exam',
            lazy: async () => ({
              Component: (
                await candidatePage(import('./roles/candidate/written-exam/WrittenExamPage.js'))
              ).WrittenExamPage,
            }),
          },
          {
            path: 'registrations/:registrationId/waiting-room',
            lazy: async () => ({
              Component: (
                await candidatePage(import('./roles/candidate/waiting-room/WaitingRoomPage.js'))
              ).WaitingRoomPage,
            }),
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
              Component: (await staffPage(import('./roles/staff/scoring/SessionScoresPage.js')))
                .SessionScoresPage,
            }),
          },
          {
            path: 'exams/:examId/marking',
            lazy: async () => ({ Component: (await examinerChunk()).ExaminerMarkingPage }),
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
          {
            path: 'sessions/:sessionId/attempts',
            lazy: async () => ({
              Component: (await staffPage(import('./roles/staff/attempts/SessionAttemptsPage.js')))
                .SessionAttemptsPage,
            }),
          },
          {
            path: 'sessions/:sessionId/attempts/:registrationId/timeline',
            lazy: async () => ({
              Component: (await staffPage(import('./roles/staff/timeline/AttemptTimelinePage.js')))
                .AttemptTimelinePage,
            }),
          },
          {
            path: 'sessions/:sessionId/console',
            lazy: async () => ({
              Component: (await staffPage(import('./roles/staff/console/ProctorConsolePage.js')))
                .ProctorConsolePage,
            }),
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
                path: 'question-bank',
                lazy: async () => ({ Component: (await adminChunk()).QuestionBankPage }),
              },
              {
                path: 'exams/:examId/roster',
                lazy: async () => ({ Component: (await adminChunk()).RosterPage }),
              },
              {
                path: 'exams/:examId/scoring',
                lazy: async () => ({
                  Component: (await staffPage(import('./roles/admin/scoring/ScoringPage.js')))
                    .ScoringPage,
                }),
              },
              {
                path: 'exams/:examId/papers',
                lazy: async () => ({
                  Component: (await staffPage(import('./roles/admin/papers/PapersPage.js')))
                    .PapersPage,
                }),
              },
              {
                path: 'exams/:examId/marking',
                lazy: async () => ({
                  Component: (await staffPage(import('./roles/admin/marking/MarkingPage.js')))
                    .MarkingPage,
                }),
              },
              {
                path: 'sessions/:sessionId/check-in',
                lazy: async () => ({ Component: (await adminChunk()).SessionCheckInPage }),
              },
              {
                path: 'sessions/:sessionId/attempts',
                lazy: async () => ({
                  Component: (
                    await staffPage(import('./roles/staff/attempts/SessionAttemptsPage.js'))
                  ).SessionAttemptsPage,
                }),
              },
              {
                path: 'sessions/:sessionId/attempts/:registrationId/timeline',
                lazy: async () => ({
                  Component: (
                    await staffPage(import('./roles/staff/timeline/AttemptTimelinePage.js'))
                  ).AttemptTimelinePage,
                }),
              },
              {
                path: 'sessions/:sessionId/console',
                lazy: async () => ({
                  Component: (
                    await staffPage(import('./roles/staff/console/ProctorConsolePage.js'))
                  ).ProctorConsolePage,
                }),
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
