import type { EligibilityWorker } from '../../rules/eligibility.ts';
import type { WorkerWithKind } from './continuity.repository.ts';

/** A worker row as the eligibility rules (src/core/rules/eligibility.ts) read it. */
export function eligibilityOf(w: WorkerWithKind): EligibilityWorker {
  return {
    birthDate: w.birthDate,
    segment: w.segment,
    occupationCode: w.occupationCode,
    welfareDecile: w.welfareDecile,
    lifeStatus: w.lifeStatus,
    deathDate: w.deathDate,
    movedDate: w.movedDate,
    mergedInto: w.mergedInto,
    villageKind: w.villageKind,
    openWarnings: w.openWarnings,
  };
}
