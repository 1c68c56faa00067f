import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Group, List, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import type { Candidate } from '../../../core/modules/enrollment/enrollment.schema.ts';
import { formatNumber } from '../../lib/format.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { TableSkeleton } from '../../ui/table-skeleton.tsx';
import { occupationLabel } from '../workers/worker-labels.ts';
import { useCandidates } from './enrollment-api.ts';

interface CandidatePickerProps {
  programId: string;
  remaining: number;
  pending: boolean;
  onPropose: (workerIds: string[]) => void;
}

/**
 * The village's workers in priority order: those who may be proposed with a checkbox, then the
 * others greyed, each with the reasons why not.
 */
export function CandidatePicker({
  programId,
  remaining,
  pending,
  onPropose,
}: CandidatePickerProps) {
  const { t } = useTranslation();
  const list = useCandidates(programId, true);
  const [chosen, setChosen] = useState<string[]>([]);
  if (list.isPending) return <TableSkeleton rows={5} />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const { eligible, ineligible } = list.data;
  const picked = chosen.filter((id) => eligible.some((c) => c.workerId === id));
  const toggle = (id: string, on: boolean) =>
    setChosen((prev) => (on ? [...prev, id] : prev.filter((x) => x !== id)));
  const over = picked.length > remaining;

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="xs">
        <Text size="sm" c="dimmed">
          {t('enrollment.candidates.intro', {
            eligible: formatNumber(list.data.eligibleTotal),
            ineligible: formatNumber(list.data.ineligibleTotal),
          })}
        </Text>
        <Group gap="xs">
          {eligible.length > 0 && remaining > 0 && (
            <Button
              variant="default"
              size="xs"
              onClick={() => setChosen(eligible.slice(0, remaining).map((c) => c.workerId))}
            >
              {t('enrollment.candidates.pickTop', { count: Math.min(remaining, eligible.length) })}
            </Button>
          )}
          <Button
            size="xs"
            leftSection={<IconSend size={14} aria-hidden />}
            disabled={picked.length === 0}
            loading={pending}
            onClick={() => onPropose(picked)}
            data-testid="propose-chosen"
          >
            {picked.length === 0
              ? t('enrollment.candidates.proposeNone')
              : t('enrollment.candidates.propose', { count: picked.length })}
          </Button>
        </Group>
      </Group>
      {over && (
        <Text size="sm" c="orange.8">
          {t('enrollment.candidates.over', { count: picked.length, remaining })}
        </Text>
      )}
      {eligible.length + ineligible.length === 0 ? (
        <Text size="sm" c="dimmed" py="sm">
          {t('enrollment.candidates.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={300} type="native">
          <Table verticalSpacing={6} aria-label={t('enrollment.candidates.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>
                  <VisuallyHidden>{t('enrollment.candidates.choose')}</VisuallyHidden>
                </Table.Th>
                <Table.Th scope="col">{t('enrollment.column.worker')}</Table.Th>
                <Table.Th scope="col" visibleFrom="sm">
                  {t('enrollment.candidates.age')}
                </Table.Th>
                <Table.Th scope="col" visibleFrom="sm">
                  {t('enrollment.candidates.decile')}
                </Table.Th>
                <Table.Th scope="col" visibleFrom="sm">
                  {t('enrollment.candidates.segmentWork')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {eligible.map((c) => (
                <CandidateRow
                  key={c.workerId}
                  c={c}
                  checked={chosen.includes(c.workerId)}
                  onChange={(on) => toggle(c.workerId, on)}
                />
              ))}
              {ineligible.length > 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5} bg="var(--mantine-color-gray-0)">
                    <Text size="sm" fw={600} c="dimmed">
                      {t('enrollment.candidates.ineligible', {
                        count: list.data.ineligibleTotal,
                      })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {ineligible.map((c) => (
                <CandidateRow key={c.workerId} c={c} checked={false} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function CandidateRow({
  c,
  checked,
  onChange,
}: {
  c: Candidate;
  checked: boolean;
  onChange?: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  const blocked = c.reasons.length > 0;
  return (
    <Table.Tr
      data-testid="candidate-row"
      data-eligible={blocked ? 'no' : 'yes'}
      style={blocked ? { opacity: 0.6 } : undefined}
    >
      <Table.Td>
        <Checkbox
          checked={checked}
          disabled={blocked}
          onChange={(e) => onChange?.(e.currentTarget.checked)}
          aria-label={t('enrollment.candidates.chooseName', { name: c.fullName })}
        />
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {c.fullName}
        </Text>
        <Text size="xs" ff="monospace" c="dimmed">
          {c.nikMasked}
        </Text>
        <Text size="xs" c="dimmed" hiddenFrom="sm">
          {t('enrollment.candidates.compact', {
            age: c.age,
            decile: c.welfareDecile ?? '–',
            segment: t(`workers.segment.${c.segment}`),
          })}
        </Text>
        {(blocked || c.warnings.length > 0) && (
          <List size="xs" spacing={0} mt={2} data-testid="candidate-reasons">
            {c.reasons.map((r) => (
              <List.Item key={r}>
                <Text span size="xs" c="red.8">
                  {r}
                </Text>
              </List.Item>
            ))}
            {c.warnings.map((w) => (
              <List.Item key={w}>
                <Text span size="xs" c="yellow.9">
                  {w}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Table.Td>
      <Table.Td visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm">{t('enrollment.candidates.years', { count: c.age })}</Text>
      </Table.Td>
      <Table.Td visibleFrom="sm">
        <Text size="sm">{c.welfareDecile ?? '–'}</Text>
      </Table.Td>
      <Table.Td visibleFrom="sm">
        <Text size="sm">{t(`workers.segment.${c.segment}`)}</Text>
        <Text size="xs" c="dimmed">
          {occupationLabel(c.occupationCode, c.occupationName)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
