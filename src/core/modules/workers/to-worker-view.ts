import type { Actor } from '../../access/actor.ts';
import { can } from '../../access/require-permission.ts';
import { isWithinScope } from '../../access/scope.ts';
import { findOccupation } from '../../rules/occupations.ts';
import { maskKpj, maskNik } from '../../rules/personal-data.ts';
import type { WorkerDetail, WorkerListItem } from './workers.schema.ts';
import type { WorkerRow } from './workers.repository.ts';

export function toListItem(w: WorkerRow & { villageName: string }): WorkerListItem {
  return {
    id: w.id,
    nikMasked: maskNik(w.nik),
    fullName: w.fullName,
    sex: w.sex,
    birthDate: w.birthDate,
    villageCode: w.villageCode,
    villageName: w.villageName,
    occupationCode: w.occupationCode,
    occupationName: findOccupation(w.occupationCode)?.name ?? String(w.occupationCode),
    segment: w.segment as WorkerListItem['segment'],
    lifeStatus: w.lifeStatus,
    warningCount: w.openWarnings,
  };
}

export function toDetail(
  w: WorkerRow,
  lineage: { village: string; district: string; regency: string },
  actor: Actor,
): WorkerDetail {
  return {
    ...toListItem({ ...w, villageName: lineage.village }),
    kkMasked: w.kk ? maskNik(w.kk) : null,
    birthPlace: w.birthPlace,
    districtName: lineage.district,
    regencyName: lineage.regency,
    address: w.address,
    dusun: w.dusun,
    rw: w.rw,
    rt: w.rt,
    phone: w.phone,
    occupationClass: findOccupation(w.occupationCode)?.class ?? 'informal',
    welfareDecile: w.welfareDecile,
    decileSource: w.decileSource,
    decileYear: w.decileYear,
    declaredIncome: w.declaredIncome,
    deathDate: w.deathDate,
    movedDate: w.movedDate,
    mergedInto: w.mergedInto,
    kpjMasked: w.kpj ? maskKpj(w.kpj) : null,
    warnings: w.warnings,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
    canViewIdentity: can(actor, 'personal.viewFull') && isWithinScope(actor, w.villageCode),
    // a merged record is history: changes go to the worker it was merged into
    canEdit: can(actor, 'workers.update') && isWithinScope(actor, w.villageCode) && !w.mergedInto,
  };
}

/** What the audit trail keeps of a worker: identifiers masked (auditors see masked values only). */
export function auditView(w: WorkerRow) {
  const { nik, kk, kpj, nameKey: _nameKey, createdAt: _c, updatedAt: _u, ...rest } = w;
  return {
    ...rest,
    nik: maskNik(nik),
    kk: kk ? maskNik(kk) : null,
    kpj: kpj ? maskKpj(kpj) : null,
  };
}
