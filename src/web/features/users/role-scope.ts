import type { RoleName } from '../auth/auth-types.ts';

type Level = 'province' | 'regency' | 'district' | 'village';

/** What work area a role takes (the server checks the same rule when saving). */
export interface ScopeRule {
  /** The level the region must be at; undefined = any level. */
  level?: Level;
  /** bpjs_officer serves several regencies. */
  multiple: boolean;
  /** Only an administrator may have no work area, meaning all of Indonesia. */
  optional: boolean;
}

export const SCOPE_RULES: Record<RoleName, ScopeRule> = {
  admin: { multiple: false, optional: true },
  province_admin: { level: 'province', multiple: false, optional: false },
  regency_admin: { level: 'regency', multiple: false, optional: false },
  district_officer: { level: 'district', multiple: false, optional: false },
  village_operator: { level: 'village', multiple: false, optional: false },
  bpjs_officer: { level: 'regency', multiple: true, optional: false },
  auditor: { multiple: false, optional: false },
};

/** What the API takes as `scope`: a code, a list (bpjs_officer) or nothing (national admin). */
export function scopeBody(role: RoleName, codes: string[]): string | string[] | undefined {
  if (SCOPE_RULES[role].multiple) return codes;
  return codes[0] ?? (role === 'admin' ? [] : undefined);
}
