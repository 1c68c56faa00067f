/**
 * The life of an enrollment (a worker's seat in a program), issue #5. Pure: the use-cases ask
 * here whether a step is allowed and who may take it; the database refuses double funding.
 *
 *   proposed ──verify──▶ verified ──approve──▶ approved ──send──▶ sent ──accept──▶ active ──end──▶ ended
 *      │  └─────────approve (program without district step)──▶ approved        └──reject──▶ rejected
 *      ├─return (district or regency, with a reason)──▶ returned
 *      └─withdraw (village, before approval)──▶ withdrawn
 */
export const ENROLLMENT_STATUSES = [
  'proposed',
  'verified',
  'approved',
  'sent',
  'active',
  'ended',
  'returned',
  'rejected',
  'withdrawn',
] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

export type EnrollmentStep =
  'verify' | 'approve' | 'return' | 'withdraw' | 'send' | 'accept' | 'reject' | 'end';

/**
 * Statuses that fill one of the village's seats (the quota). An ended enrollment has freed its
 * seat for a replacement (its last month moved to the month before it ended).
 */
export const FILLS_SEAT: ReadonlySet<EnrollmentStatus> = new Set([
  'proposed',
  'verified',
  'approved',
  'sent',
  'active',
]);

/**
 * Statuses whose months count against double funding (the database's exclusion constraint in
 * migration 0009 says the same): all but those out of the running.
 */
export const OUT_OF_THE_RUNNING: ReadonlySet<EnrollmentStatus> = new Set([
  'returned',
  'rejected',
  'withdrawn',
]);

/** Who takes a step: the level of government (the permission check is the use-case's). */
export type StepLevel = 'village' | 'district' | 'regency' | 'bpjs';

interface Transition {
  from: readonly EnrollmentStatus[];
  to: EnrollmentStatus;
  by: StepLevel;
  /** A reason must be given (sent back, rejected, ended). */
  needsReason: boolean;
}

export function transition(step: EnrollmentStep, districtStep: boolean): Transition {
  switch (step) {
    case 'verify':
      return { from: ['proposed'], to: 'verified', by: 'district', needsReason: false };
    case 'approve':
      return {
        from: districtStep ? ['verified'] : ['proposed', 'verified'],
        to: 'approved',
        by: 'regency',
        needsReason: false,
      };
    case 'return':
      return {
        from: ['proposed', 'verified', 'approved'],
        to: 'returned',
        by: 'district',
        needsReason: true,
      };
    case 'withdraw':
      return { from: ['proposed', 'verified'], to: 'withdrawn', by: 'village', needsReason: false };
    case 'send':
      return { from: ['approved'], to: 'sent', by: 'regency', needsReason: false };
    case 'accept':
      return { from: ['sent'], to: 'active', by: 'bpjs', needsReason: false };
    case 'reject':
      return { from: ['sent'], to: 'rejected', by: 'bpjs', needsReason: true };
    case 'end':
      // an approved seat not yet sent to BPJS is sent back instead: nobody was registered
      return {
        from: ['active', 'sent'],
        to: 'ended',
        by: 'regency',
        needsReason: true,
      };
  }
}

const LABEL: Record<EnrollmentStatus, string> = {
  proposed: 'diusulkan desa',
  verified: 'diverifikasi kecamatan',
  approved: 'disetujui kabupaten',
  sent: 'dikirim ke BPJS',
  active: 'aktif',
  ended: 'berakhir',
  returned: 'dikembalikan',
  rejected: 'ditolak BPJS',
  withdrawn: 'ditarik desa',
};

/** Why a step is not possible now, in words a village operator understands; null when it is. */
export function refusal(
  step: EnrollmentStep,
  current: EnrollmentStatus,
  districtStep: boolean,
): string | null {
  const t = transition(step, districtStep);
  if (t.from.includes(current)) return null;
  if (step === 'approve' && districtStep && current === 'proposed')
    return 'Usulan ini belum diverifikasi kecamatan.';
  return `Langkah ini tidak dapat dilakukan: status peserta saat ini "${LABEL[current]}".`;
}

export function statusLabel(status: EnrollmentStatus): string {
  return LABEL[status];
}
