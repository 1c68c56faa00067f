import { z } from 'zod';

/** UU 27/2022 (Pelindungan Data Pribadi): the lawful basis of processing and how long data is kept. */
export const PrivacySettingsInput = z.object({
  lawfulBasis: z
    .string()
    .trim()
    .min(20, 'Uraikan dasar pemrosesan data minimal 20 karakter.')
    .max(4000, 'Uraian dasar pemrosesan maksimal 4.000 karakter.'),
  retentionMonths: z.coerce
    .number()
    .int('Masa simpan harus bilangan bulat (bulan).')
    .min(12, 'Masa simpan minimal 12 bulan.')
    .max(600, 'Masa simpan maksimal 600 bulan.'),
});
export type PrivacySettingsInput = z.infer<typeof PrivacySettingsInput>;

export const PrivacySettings = PrivacySettingsInput.extend({
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type PrivacySettings = z.infer<typeof PrivacySettings>;

/** Until an administrator writes their own. Retention is (config) in DOMAIN §10. */
export const DEFAULT_PRIVACY: PrivacySettingsInput = {
  lawfulBasis:
    'Pelaksanaan tugas pemerintahan dan pemenuhan kewajiban hukum (UU 27/2022 tentang Pelindungan Data Pribadi, Pasal 20 ayat (2) huruf c dan e): Instruksi Presiden Nomor 2 Tahun 2021 tentang Optimalisasi Pelaksanaan Program Jaminan Sosial Ketenagakerjaan memerintahkan pemerintah daerah menganggarkan dan mendaftarkan pekerja rentan sebagai peserta BPJS Ketenagakerjaan.',
  retentionMonths: 60,
};
