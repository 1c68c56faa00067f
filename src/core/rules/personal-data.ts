/**
 * Personal data shown to people (UU 27/2022 Pelindungan Data Pribadi; DOMAIN §10): lists show
 * identifiers masked; the full value only on a detail page, to roles that need it, and each such
 * view is recorded in the audit trail (src/core/audit/record-sensitive-view.ts).
 */

/** "1508014107850001" → "150801xxxxxx0001": the issuing district stays readable, the birth date and sex do not. */
export function maskNik(nik: string): string {
  const digits = nik.replace(/\D/g, '');
  if (digits.length !== 16) return 'x'.repeat(Math.max(digits.length, 1));
  return `${digits.slice(0, 6)}xxxxxx${digits.slice(12)}`;
}

/** A BPJS membership number (KPJ, 11 digits) → "xxxxxxx4321". */
export function maskKpj(kpj: string): string {
  const digits = kpj.replace(/\D/g, '');
  if (digits.length < 8) return 'x'.repeat(Math.max(digits.length, 1));
  return `${'x'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}
