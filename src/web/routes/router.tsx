import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/auth/login-page.tsx';
import { ComingSoonPage } from '../features/coming-soon/coming-soon-page.tsx';
import { DashboardPage } from '../features/dashboard/dashboard-page.tsx';
import { DuplicatesPage } from '../features/duplicates/duplicates-page.tsx';
import { ImportPage } from '../features/imports/import-page.tsx';
import { MovesPage } from '../features/worker-moves/moves-page.tsx';
import { RegionDetailPage } from '../features/regions/region-detail-page.tsx';
import { RegionListPage } from '../features/regions/region-list-page.tsx';
import { AuditPage } from '../features/audit/audit-page.tsx';
import { ProfilePage } from '../features/profile/profile-page.tsx';
import { BudgetPlannerPage } from '../features/programs/budget-planner-page.tsx';
import { ProgramsPage } from '../features/programs/programs-page.tsx';
import { BpjsPage } from '../features/bpjs/bpjs-page.tsx';
import { ContinuityPage } from '../features/continuity/continuity-page.tsx';
import { EnrollmentPage } from '../features/enrollment/enrollment-page.tsx';
import { EnrollmentOverviewPage } from '../features/enrollment/enrollment-overview-page.tsx';
import { ProgramDetailPage } from '../features/programs/program-detail-page.tsx';
import { ProgramCreatePage, ProgramEditPage } from '../features/programs/program-form-page.tsx';
import { SettingsPage } from '../features/settings/settings-page.tsx';
import { AppLayout } from '../features/shell/app-layout.tsx';
import { UserDetailPage } from '../features/users/user-detail-page.tsx';
import { UserListPage } from '../features/users/user-list-page.tsx';
import { WorkerDetailPage } from '../features/workers/worker-detail-page.tsx';
import { WorkerCreatePage, WorkerEditPage } from '../features/workers/worker-form-page.tsx';
import { WorkerListPage } from '../features/workers/worker-list-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { RequireAuth } from './require-auth.tsx';
import { RequirePermission } from './require-permission.tsx';
import { RouteError } from './route-error.tsx';

/** Pages of later releases: path → key under `nav.` and `comingSoon.pages.`. */
const COMING_SOON: [string, string][] = [
  ['iuran', 'contributions'],
  ['klaim', 'claims'],
  ['laporan', 'reports'],
];

export const router = createBrowserRouter([
  { path: '/masuk', element: <LoginPage />, errorElement: <RouteError /> },
  {
    element: <RequireAuth />,
    errorElement: <RouteError />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'wilayah', element: <RegionListPage /> },
          { path: 'wilayah/:code', element: <RegionDetailPage /> },
          {
            path: 'pengguna',
            element: <RequirePermission permission="users.read" />,
            children: [
              { index: true, element: <UserListPage /> },
              { path: ':id', element: <UserDetailPage /> },
            ],
          },
          {
            path: 'pekerja',
            element: <RequirePermission permission="workers.read" />,
            children: [
              { index: true, element: <WorkerListPage /> },
              {
                path: 'baru',
                element: <RequirePermission permission="workers.create" />,
                children: [{ index: true, element: <WorkerCreatePage /> }],
              },
              {
                path: 'impor',
                element: <RequirePermission permission="workers.create" />,
                children: [{ index: true, element: <ImportPage /> }],
              },
              {
                path: 'ganda',
                element: <RequirePermission permission="workers.dedupe" />,
                children: [{ index: true, element: <DuplicatesPage /> }],
              },
              {
                path: 'pindah',
                element: <RequirePermission permission="workers.requestMove" />,
                children: [{ index: true, element: <MovesPage /> }],
              },
              { path: ':id', element: <WorkerDetailPage /> },
              {
                path: ':id/ubah',
                element: <RequirePermission permission="workers.update" />,
                children: [{ index: true, element: <WorkerEditPage /> }],
              },
            ],
          },
          {
            path: 'audit',
            element: <RequirePermission permission="audit.read" />,
            children: [{ index: true, element: <AuditPage /> }],
          },
          {
            path: 'usulan',
            element: <RequirePermission permission="enrollments.read" />,
            children: [{ index: true, element: <EnrollmentOverviewPage /> }],
          },
          {
            path: 'program',
            children: [
              { index: true, element: <ProgramsPage /> },
              { path: 'perencana', element: <BudgetPlannerPage /> },
              {
                path: 'baru',
                element: <RequirePermission permission="programs.manage" />,
                children: [{ index: true, element: <ProgramCreatePage /> }],
              },
              { path: ':id', element: <ProgramDetailPage /> },
              {
                path: ':id/bpjs',
                element: <RequirePermission permission="bpjs.read" />,
                children: [{ index: true, element: <BpjsPage /> }],
              },
              {
                path: ':id/peserta',
                element: <RequirePermission permission="enrollments.read" />,
                children: [{ index: true, element: <EnrollmentPage /> }],
              },
              {
                path: ':id/ubah',
                element: <RequirePermission permission="programs.manage" />,
                children: [{ index: true, element: <ProgramEditPage /> }],
              },
            ],
          },
          {
            path: 'kesinambungan',
            element: <RequirePermission permission="programs.read" />,
            children: [{ index: true, element: <ContinuityPage /> }],
          },
          { path: 'profil', element: <ProfilePage /> },
          { path: 'pengaturan', element: <SettingsPage /> },
          ...COMING_SOON.map(([path, page]) => ({
            path: `${path}/*`,
            element: <ComingSoonPage page={page} />,
          })),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
