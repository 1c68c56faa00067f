import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { formatNumber } from '../../lib/format.ts';
import { isApiError } from '../../lib/api.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { TableSkeleton } from '../../ui/table-skeleton.tsx';
import { useCurrentUser } from '../auth/current-user.ts';
import { hasPermission } from '../auth/permissions.ts';
import { formatMonth } from '../programs/program-format.ts';
import { Back } from '../workers/worker-load-state.tsx';
import { AnswerList } from './answer-list.tsx';
import { AnswerResultPanel } from './answer-result.tsx';
import { AnswerUpload } from './answer-upload.tsx';
import { BatchList } from './batch-list.tsx';
import { BatchMembers } from './batch-members.tsx';
import { type BpjsExchange, useBpjsExchange } from './bpjs-api.ts';
import { SendPanel } from './send-panel.tsx';

const CARDS = ['approved', 'sent', 'active', 'rejected'] as const;

function StatusCards({ statuses }: { statuses: BpjsExchange['statuses'] }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="sm" m={0}>
      {CARDS.map((s) => (
        <Paper key={s} withBorder radius="md" p="sm">
          <Text component="dt" size="sm" c="dimmed" fw={500} lh={1.3}>
            {t(`bpjs.cards.${s}`)}
          </Text>
          <Text component="dd" m={0} fz={24} fw={700} data-testid={`bpjs-status-${s}`}>
            {formatNumber(statuses[s] ?? 0)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/**
 * /program/:id/bpjs "Pertukaran data BPJS": the approved workers go to the branch as a batch file
 * (regency office), the branch's answer comes back (BPJS officer or the office) with an outcome
 * for every row; past batches with their workers' statuses, and past answers. What is open on the
 * page is in the address (?kiriman=, ?hasil=).
 */
export function BpjsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  useDocumentTitle(`${t('bpjs.title')} · ${t('app.name')}`);
  const me = useCurrentUser();
  const exchange = useBpjsExchange(id);
  const [params, setParams] = useSearchParams();
  const batchId = params.get('kiriman') ?? '';
  const resultId = params.get('hasil') ?? '';
  const open = (key: 'kiriman' | 'hasil', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const back = <Back to={`/program/${id}`} label={t('bpjs.back')} />;

  if (exchange.isPending)
    return (
      <Stack gap="lg" maw={1100}>
        {back}
        <TableSkeleton rows={6} />
      </Stack>
    );
  if (exchange.isError)
    return (
      <Stack gap="lg" maw={1100}>
        {back}
        <ErrorState
          error={exchange.error}
          title={isApiError(exchange.error, 404) ? t('bpjs.notFound') : undefined}
          onRetry={isApiError(exchange.error, 404) ? undefined : () => void exchange.refetch()}
        />
      </Stack>
    );
  const { program, statuses, ready, batches, imports } = exchange.data;
  return (
    <Stack gap="lg" maw={1100}>
      {back}
      <PageHeader
        title={t('bpjs.title')}
        description={t('bpjs.intro', {
          program: program.name,
          first: formatMonth(program.firstMonth),
          last: formatMonth(program.lastMonth),
        })}
      />
      <StatusCards statuses={statuses} />
      {hasPermission(me, 'bpjs.export') && <SendPanel programId={id} ready={ready} />}
      {hasPermission(me, 'bpjs.import') && (
        <AnswerUpload programId={id} onDone={(r) => open('hasil', r.id)} />
      )}
      {resultId && <AnswerResultPanel id={resultId} />}
      <BatchList batches={batches} openId={batchId} onOpen={(b) => open('kiriman', b)} />
      {batchId && <BatchMembers id={batchId} />}
      <AnswerList imports={imports} openId={resultId} onOpen={(r) => open('hasil', r)} />
    </Stack>
  );
}
