import type {
  PrivacySettings,
  PrivacySettingsInput,
} from '../../../core/modules/settings/settings.schema.ts';

export type { PrivacySettings };
export type PrivacySettingsBody = PrivacySettingsInput;
