import { describe, expect, it } from 'vitest';
import { ENROLLMENT_STATUSES, refusal, transition } from './enrollment-status.ts';

describe('the steps of an enrollment', () => {
  it('goes village → district → regency → BPJS, and straight to the regency without a district step', () => {
    expect(refusal('verify', 'proposed', true)).toBeNull();
    expect(refusal('approve', 'verified', true)).toBeNull();
    expect(refusal('approve', 'proposed', true)).toBe('Usulan ini belum diverifikasi kecamatan.');
    expect(refusal('approve', 'proposed', false)).toBeNull();
    expect(refusal('send', 'approved', true)).toBeNull();
    expect(refusal('accept', 'sent', true)).toBeNull();
    expect(refusal('reject', 'sent', true)).toBeNull();
  });

  it('refuses every step from a status it does not start from, with the current status in words', () => {
    for (const step of ['verify', 'approve', 'send', 'accept'] as const) {
      for (const status of ENROLLMENT_STATUSES) {
        const allowed = transition(step, true).from.includes(status);
        expect(refusal(step, status, true) === null, `${step} from ${status}`).toBe(allowed);
      }
    }
    expect(refusal('withdraw', 'approved', true)).toBe(
      'Langkah ini tidak dapat dilakukan: status peserta saat ini "disetujui kabupaten".',
    );
  });

  it('ends only a seat BPJS has (sent or active); an approved one is sent back instead', () => {
    expect(refusal('end', 'active', true)).toBeNull();
    expect(refusal('end', 'sent', true)).toBeNull();
    expect(refusal('end', 'approved', true)).toBe(
      'Langkah ini tidak dapat dilakukan: status peserta saat ini "disetujui kabupaten".',
    );
  });

  it('asks a reason for sending back, a BPJS rejection and an end', () => {
    expect(transition('return', true).needsReason).toBe(true);
    expect(transition('reject', true).needsReason).toBe(true);
    expect(transition('end', true).needsReason).toBe(true);
    expect(transition('approve', true).needsReason).toBe(false);
  });
});
