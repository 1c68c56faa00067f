import { useQuery } from '@tanstack/react-query';
import type { RegionDetail } from '../../../core/modules/regions/regions.schema.ts';
import { checkNik, nikDistrictCode, normaliseNik, type NikCheck } from '../../../core/rules/nik.ts';
import { api, isApiError } from '../../lib/api.ts';
import { todayInJakarta } from '../../lib/format.ts';

export interface NikState {
  /** The typed NIK without spaces, dots or dashes. */
  nik: string;
  check: NikCheck | undefined;
  /** The district of the NIK as the register knows it; undefined while looking it up. */
  district: RegionDetail | undefined;
  /** The first error that stops the form (format, date, serial, unknown district). */
  error: string | undefined;
}

interface Stated {
  birthDate?: string | undefined;
  sex?: '' | 'L' | 'P' | undefined;
  villageCode?: string | undefined;
}

/**
 * Decodes a NIK as it is typed (DOMAIN §4). The district is looked up with GET /api/regions/{code}:
 * a 404 means the first six digits are no district; a failed lookup blocks nothing (the server
 * checks again).
 */
export function useNikCheck(input: string, stated: Stated): NikState {
  const nik = normaliseNik(input);
  const complete = /^\d{16}$/.test(nik);
  const districtCode = complete ? (nikDistrictCode(nik) ?? '') : '';
  const lookup = useQuery({
    queryKey: ['regions', 'detail', districtCode],
    queryFn: ({ signal }) =>
      api<RegionDetail>(`/api/regions/${encodeURIComponent(districtCode)}`, { signal }),
    enabled: complete,
    staleTime: 10 * 60_000,
    retry: (count, err) => !isApiError(err, 404) && count < 2,
  });
  if (!input.trim()) return { nik, check: undefined, district: undefined, error: undefined };
  const unknown = lookup.isError && isApiError(lookup.error, 404);
  const check = checkNik(nik, {
    today: todayInJakarta(),
    // The lookup decides; checkNik's own message is used when it says no.
    districtExists: () => !unknown,
    stated: {
      birthDate: stated.birthDate || undefined,
      sex: stated.sex || undefined,
      villageCode: stated.villageCode || undefined,
    },
  });
  return { nik, check, district: lookup.data, error: check.errors[0]?.message };
}
