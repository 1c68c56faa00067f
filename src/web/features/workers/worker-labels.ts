import {
  OCCUPATIONS,
  findOccupation,
  titleCase,
  type Occupation,
  type OccupationClass,
} from '../../../core/rules/occupations.ts';

export { titleCase };

/** The occupation's name as people read it, or the raw name when the code is unknown. */
export function occupationLabel(code: number, fallback?: string): string {
  const o = findOccupation(code);
  return o ? titleCase(o.name) : titleCase(fallback ?? String(code));
}

/** Classes whose members are normally not enrolled as BPU (informal) workers (DOMAIN §5). */
const NOT_BPU: readonly OccupationClass[] = ['not_worker', 'wage_earner', 'official'];

export function isUsuallyNotBpu(occupation: Occupation | undefined): boolean {
  return occupation !== undefined && NOT_BPU.includes(occupation.class);
}

/** Select options "9 · Petani/Pekebun", grouped by class in the order of the code list. */
export function occupationOptions(groupLabel: (c: OccupationClass) => string) {
  const groups = new Map<OccupationClass, { value: string; label: string }[]>();
  for (const o of OCCUPATIONS) {
    const items = groups.get(o.class) ?? [];
    items.push({ value: String(o.code), label: `${o.code} · ${titleCase(o.name)}` });
    groups.set(o.class, items);
  }
  return [...groups].map(([c, items]) => ({ group: groupLabel(c), items }));
}

export const LIFE_STATUS_COLOR = { alive: 'teal', dead: 'gray', moved: 'blue' } as const;
