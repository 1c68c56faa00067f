export * from './regions.ts';
export * from './accounts.ts';
export * from './audit.ts';
export * from './settings.ts';
export * from './workers.ts';
export * from './imports.ts';
export * from './programs.ts';
