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

export const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  scope: z.array(z.string()),
  language: z.enum(['id', 'en']),
});
export type Me = z.infer<typeof Me>;

export const MeResponse = z.object({ user: Me });

export const NewPassword = z
  .string()
  .min(10, 'Kata sandi minimal 10 karakter.')
  .max(200, 'Kata sandi maksimal 200 karakter.');

export const CreateUserInput = z.object({
  username: Username,
  displayName: z.string().trim().min(1, 'Nama lengkap wajib diisi.').max(100).optional(),
  password: NewPassword,
  role: Role,
  /** A region code, or for bpjs_officer a list of regency codes; empty/absent = national (admin only). */
  scope: z.union([z.string(), z.array(z.string())]).optional(),
  language: z.enum(['id', 'en']).default('id'),
});
export type CreateUserInput = z.input<typeof CreateUserInput>;
