import { z } from 'zod';

const DATE_MESSAGE = 'Tanggal harus berformat TTTT-BB-HH, misalnya 2026-11-24.';
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, DATE_MESSAGE)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), DATE_MESSAGE);

export const AuditFilter = z
  .object({
    actor: z.string().trim().max(100).optional(),
    action: z.string().trim().max(100).optional(),
    entity: z.string().trim().max(100).optional(),
    region: z.string().trim().max(20).optional(),
    /** Inclusive, days in Asia/Jakarta. */
    from: IsoDate.optional(),
    to: IsoDate.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: 'Tanggal awal harus sebelum tanggal akhir.',
    path: ['from'],
  });
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditQuery = z.intersection(
  AuditFilter,
  z.object({
    page: z.coerce.number().int().min(1, 'Halaman minimal 1.').default(1),
    pageSize: z.coerce
      .number()
      .int()
      .min(1)
      .max(200, 'Maksimal 200 baris per halaman.')
      .default(50),
  }),
);
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  regionCode: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditList = z.object({
  items: z.array(AuditEntry),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AuditList = z.infer<typeof AuditList>;
