import { z } from 'zod';
import { ROLES } from './roles.schema.ts';

export const Role = z.enum(ROLES);
export type RoleName = z.infer<typeof Role>;

export const USERNAME_MESSAGE =
  'Nama pengguna 3–40 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.';

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, USERNAME_MESSAGE);

export const LoginInput = z.object({
  username: z.string().trim().min(1, 'Nama pengguna wajib diisi.').max(100),
  password: z.string().min(1, 'Kata sandi wajib diisi.').max(200),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const Language = z.enum(['id', 'en']);

export const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  scope: z.array(z.string()),
  language: Language,
  /** What this user may do (see access/require-permission.ts), so screens hide what is refused. */
  permissions: z.array(z.string()),
  /** Roles this user may give to others. */
  grantableRoles: z.array(Role),
});
export type Me = z.infer<typeof Me>;

export const MeResponse = z.object({ user: Me });

export const NewPassword = z
  .string()
  .min(10, 'Kata sandi minimal 10 karakter.')
  .max(200, 'Kata sandi maksimal 200 karakter.');

/** A region code, or for bpjs_officer a list of regency codes; empty/absent = national (admin only). */
export const ScopeInput = z.union([z.string(), z.array(z.string()).max(50)]);

export const CreateUserInput = z.object({
  username: Username,
  displayName: z.string().trim().min(1, 'Nama lengkap wajib diisi.').max(100).optional(),
  password: NewPassword,
  role: Role,
  scope: ScopeInput.optional(),
  language: Language.default('id'),
});
export type CreateUserInput = z.input<typeof CreateUserInput>;

export const UpdateUserInput = z
  .object({
    displayName: z.string().trim().min(1, 'Nama lengkap wajib diisi.').max(100),
    role: Role,
    scope: ScopeInput,
    language: Language,
  })
  .partial();
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const UserSummary = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  scope: z.array(z.string()),
  scopeNames: z.array(z.object({ code: z.string(), name: z.string() })),
  language: Language,
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const ListUsersQuery = z.object({
  q: z.string().trim().max(100).optional(),
  role: Role.optional(),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  region: z.string().trim().max(20).optional(),
  page: z.coerce.number().int().min(1, 'Halaman minimal 1.').default(1),
  pageSize: z.coerce.number().int().min(1).max(200, 'Maksimal 200 baris per halaman.').default(50),
});
export type ListUsersQuery = z.infer<typeof ListUsersQuery>;

export const UserList = z.object({
  items: z.array(UserSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type UserList = z.infer<typeof UserList>;

export const ResetPasswordInput = z.object({ newPassword: NewPassword });
export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1, 'Kata sandi lama wajib diisi.').max(200),
  newPassword: NewPassword,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const SessionInfo = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
export const SessionList = z.object({ items: z.array(SessionInfo) });
