export * from './regions.ts';
export * from './accounts.ts';
export * from './audit.ts';
