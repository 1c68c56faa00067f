export * from './programs.schema.ts';
export { planBudget } from './plan-budget.ts';
