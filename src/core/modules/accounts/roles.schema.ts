/** The roles of Jaring (issue #3 describes what each may do). Pure: the web imports it too. */
export const ROLES = [
  'admin',
  'province_admin',
  'regency_admin',
  'district_officer',
  'village_operator',
  'bpjs_officer',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];
