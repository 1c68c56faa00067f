import { z } from 'zod';

export const MOVE_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export const MoveStatus = z.enum(MOVE_STATUSES, {
  message: 'Status harus pending, approved, rejected atau withdrawn.',
});
export type MoveStatus = z.infer<typeof MoveStatus>;

const Note = z.string().trim().max(500, 'Catatan maksimal 500 karakter.');

/** The receiving village asks for a worker registered elsewhere, by NIK. */
export const RequestMoveInput = z.object({
  nik: z.string({ message: 'NIK wajib diisi.' }).trim().min(1, 'NIK wajib diisi.').max(40),
  /** The receiving village; by default the operator's own village. */
  toVillage: z
    .string()
    .trim()
    .max(20)
    .optional()
    .transform((v) => (v ? v : undefined)),
  reason: z
    .string({ message: 'Alasan pindah wajib diisi.' })
    .trim()
    .min(5, 'Tuliskan alasan pindah, minimal 5 karakter.')
    .max(500, 'Alasan pindah maksimal 500 karakter.'),
});
export type RequestMoveInput = z.input<typeof RequestMoveInput>;

export const ListMoveRequestsQuery = z.object({
  status: MoveStatus.optional(),
  page: z.coerce.number().int().min(1, 'Halaman minimal 1.').default(1),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(100, 'Maksimal 100 permintaan per halaman.')
    .default(20),
});
export type ListMoveRequestsQuery = z.input<typeof ListMoveRequestsQuery>;

/** A regency admin's decision: approving moves the worker; a refusal says why. */
export const DecideMoveInput = z
  .object({
    approve: z.boolean({ message: 'Pilih setujui atau tolak.' }),
    note: Note.optional().transform((v) => (v ? v : undefined)),
  })
  .superRefine((v, ctx) => {
    if (!v.approve && !v.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Alasan penolakan wajib diisi.' });
    }
  });
export type DecideMoveInput = z.input<typeof DecideMoveInput>;

/** The bodies of the two decision routes. */
export const ApproveMoveBody = z.object({ note: Note.optional() });
export const RejectMoveBody = z.object({
  note: z
    .string({ message: 'Alasan penolakan wajib diisi.' })
    .trim()
    .min(1, 'Alasan penolakan wajib diisi.')
    .max(500, 'Catatan maksimal 500 karakter.'),
});

/**
 * A move request as the viewer may see it. The NIK is always masked. Who the worker is (name,
 * village of origin) shows only to those who may know: the side of origin, an admin who may
 * decide, and the receiving side once the request is approved. The requester otherwise learns
 * only that the NIK is registered in another village.
 */
export const MoveRequest = z.object({
  id: z.string(),
  status: MoveStatus,
  nikMasked: z.string(),
  /** Set when the worker lies in the viewer's scope (a link to the worker). */
  workerId: z.string().nullable(),
  workerName: z.string().nullable(),
  fromVillage: z.string().nullable(),
  fromVillageName: z.string().nullable(),
  fromDistrictName: z.string().nullable(),
  toVillage: z.string(),
  toVillageName: z.string(),
  toDistrictName: z.string(),
  reason: z.string().nullable(),
  requestedBy: z.string(),
  createdAt: z.string(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Whether this viewer may approve or reject it now. */
  canDecide: z.boolean(),
  /** Whether this viewer (the requester) may withdraw it now. */
  canWithdraw: z.boolean(),
});
export type MoveRequest = z.infer<typeof MoveRequest>;

export const MoveRequestList = z.object({
  items: z.array(MoveRequest),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type MoveRequestList = z.infer<typeof MoveRequestList>;
