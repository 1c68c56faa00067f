import { useTranslation } from 'react-i18next';
import { RegionPicker, type PickedRegion } from '../regions/region-picker.tsx';
import type { RoleName } from '../auth/auth-types.ts';
import { SCOPE_RULES } from './role-scope.ts';

interface ScopeFieldProps {
  role: RoleName | null;
  value: string[];
  known?: PickedRegion[];
  onChange: (codes: string[]) => void;
  error?: string;
}

/** The work area of a user, shaped by the role: one region at the role's level, or several regencies. */
export function ScopeField({ role, value, known, onChange, error }: ScopeFieldProps) {
  const { t } = useTranslation();
  const rule = role ? SCOPE_RULES[role] : undefined;
  const description = !rule
    ? t('users.scope.chooseRoleFirst')
    : rule.optional
      ? t('users.scope.optionalHint')
      : rule.multiple
        ? t('users.scope.multipleHint')
        : rule.level
          ? t('users.scope.levelHint', { level: t(`regions.level.${rule.level}`) })
          : t('users.scope.anyHint');
  return (
    <RegionPicker
      label={t('users.field.scope')}
      description={description}
      placeholder={rule?.optional && value.length === 0 ? t('users.scope.national') : undefined}
      value={value}
      known={known}
      onChange={(codes) => onChange(codes)}
      multiple={rule?.multiple}
      level={rule?.level}
      error={error}
      required={rule ? !rule.optional : false}
      clearable
    />
  );
}
