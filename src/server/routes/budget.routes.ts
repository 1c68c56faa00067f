import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  BudgetPlanRequest,
  BudgetPlanResponse,
  planBudget,
} from '../../core/modules/programs/index.ts';
import { requireUser } from '../plugins/auth.ts';
import { errorResponses } from './common.ts';

const errors = errorResponses(400, 401, 403, 404);
const tags = ['anggaran'];

export async function budgetRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.addHook('onRequest', requireUser);

  r.post(
    '/api/budget/plan',
    {
      schema: {
        tags,
        summary:
          'Perencana anggaran: kursi per desa, total kursi, dana terpakai dan sisa dari anggaran; atau anggaran yang dibutuhkan untuk N kursi per desa',
        description:
          'Isi salah satu: budgetPerVillage, budgetTotal (dibagi rata, setiap desa mendapat bagian bulat ke bawah) atau seatsPerVillage. Desa: `villages`, atau `region` dengan `villageKinds` (dihitung dari register wilayah, hanya kode yang berlaku, dalam cakupan akun). Iuran mengikuti tabel tarif per bulan (PP 44/2015, diskon PP 49/2020 dan PP 50/2025 menurut sumber dana); tidak ada yang disimpan.',
        body: BudgetPlanRequest,
        response: { 200: BudgetPlanResponse, ...errors },
      },
    },
    async (req) => planBudget(req.ctx(), req.body),
  );
}
