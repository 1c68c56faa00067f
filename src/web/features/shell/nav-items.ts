import type { Icon } from '@tabler/icons-react';
import type { Me } from '../auth/auth-types.ts';
import { hasPermission, type Permission } from '../auth/permissions.ts';
import {
  IconCalendarRepeat,
  IconClipboardCheck,
  IconFileCertificate,
  IconHistory,
  IconSettings,
  IconHeartHandshake,
  IconLayoutDashboard,
  IconMap2,
  IconReceipt2,
  IconReportAnalytics,
  IconUserCog,
  IconUsers,
} from '@tabler/icons-react';

export interface NavItem {
  /** i18n key under `nav.` */
  key: string;
  path: string;
  icon: Icon;
  /** Shown only to users with this permission. */
  permission?: Permission;
  /**
   * Pages that live under another item's address but belong to this one: a programme's
   * participants (/program/:id/peserta) are where proposals are made and approved, so the
   * "Usulan peserta" item is the one highlighted there, not "Program".
   */
  alsoActiveOn?: RegExp[];
}

export const NAV_ITEMS: NavItem[] = [
  { key: 'dashboard', path: '/', icon: IconLayoutDashboard },
  { key: 'workers', path: '/pekerja', icon: IconUsers, permission: 'workers.read' },
  { key: 'programs', path: '/program', icon: IconHeartHandshake },
  {
    key: 'enrollments',
    path: '/usulan',
    icon: IconClipboardCheck,
    permission: 'enrollments.read',
    alsoActiveOn: [/^\/program\/[^/]+\/peserta\/?$/],
  },
  {
    key: 'continuity',
    path: '/kesinambungan',
    icon: IconCalendarRepeat,
    permission: 'programs.read',
  },
  { key: 'contributions', path: '/iuran', icon: IconReceipt2 },
  { key: 'claims', path: '/klaim', icon: IconFileCertificate },
  { key: 'reports', path: '/laporan', icon: IconReportAnalytics },
  { key: 'regions', path: '/wilayah', icon: IconMap2 },
  { key: 'users', path: '/pengguna', icon: IconUserCog, permission: 'users.read' },
  { key: 'audit', path: '/audit', icon: IconHistory, permission: 'audit.read' },
  { key: 'settings', path: '/pengaturan', icon: IconSettings },
];

export function navItemsFor(me: Me): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || hasPermission(me, item.permission));
}

export function isActivePath(itemPath: string, pathname: string): boolean {
  if (itemPath === '/') return pathname === '/';
  return pathname === itemPath || pathname.startsWith(`${itemPath}/`);
}

/**
 * The one menu item to highlight for an address: an item that claims the page explicitly
 * (`alsoActiveOn`) wins, otherwise the item with the longest matching path. Never two at once.
 */
export function activeNavPath(items: readonly NavItem[], pathname: string): string | undefined {
  const claimed = items.find((item) => item.alsoActiveOn?.some((re) => re.test(pathname)));
  if (claimed) return claimed.path;
  return items
    .filter((item) => isActivePath(item.path, pathname))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;
}
