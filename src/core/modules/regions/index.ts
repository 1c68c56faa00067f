export * from './regions.schema.ts';
export { getRegion } from './get-region.ts';
export { listRegions } from './list-regions.ts';
export { setLocalTerm, clearLocalTerm } from './set-local-term.ts';
export { loadRegions, type LoadRegionsResult, type LoadStep } from './load-regions.ts';
export {
  readRegionSource,
  bundledRegionSource,
  DEFAULT_REGION_SOURCE,
  type RegionSource,
} from './read-region-source.ts';
export {
  findRegion,
  findRegionNames,
  findLatestRegisterVersion,
  listRegisterVersions,
} from './regions.repository.ts';
