export * from './settings.schema.ts';
export { getPrivacySettings, updatePrivacySettings } from './settings.ts';
