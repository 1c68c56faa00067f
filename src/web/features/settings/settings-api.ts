import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { PrivacySettings, PrivacySettingsBody } from './settings-types.ts';

const PRIVACY_KEY = ['settings', 'privacy'] as const;

export function usePrivacySettings() {
  return useQuery({
    queryKey: PRIVACY_KEY,
    queryFn: ({ signal }) => api<PrivacySettings>('/api/settings/privacy', { signal }),
  });
}

export function useSavePrivacySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PrivacySettingsBody) =>
      api<PrivacySettings>('/api/settings/privacy', { method: 'PUT', body }),
    onSuccess: (saved) => queryClient.setQueryData(PRIVACY_KEY, saved),
  });
}
