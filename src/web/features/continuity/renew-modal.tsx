import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import type { EndingProgram } from '../../../core/modules/continuity/continuity.schema.ts';
import { fieldErrorsFrom } from '../../lib/field-errors.ts';
import { formatNumber } from '../../lib/format.ts';
import { formatMonth } from '../programs/program-format.ts';
import { useRenewProgram } from './continuity-api.ts';

const FIELDS = ['name', 'firstMonth', 'lastMonth', 'budgetReference'] as const;

/** The month after `YYYY-MM`, and the December of its year: next fiscal year's default period. */
export function nextPeriod(lastMonth: string): { first: string; last: string } {
  const [y, m] = lastMonth.split('-').map(Number) as [number, number];
  const year = m === 12 ? y + 1 : y;
  const month = m === 12 ? 1 : m + 1;
  return { first: `${year}-${String(month).padStart(2, '0')}-01`, last: `${year}-12-01` };
}

/**
 * "Perpanjang": drafts the program's next period with the same rules and seats; its workers are
 * proposed again for review, those who cannot be are listed with the reason.
 */
export function RenewModal({ program, onClose }: { program: EndingProgram; onClose: () => void }) {
  const { t } = useTranslation();
  const period = nextPeriod(program.lastMonth);
  const [name, setName] = useState('');
  const [budgetReference, setBudgetReference] = useState('');
  const [first, setFirst] = useState<string | null>(period.first);
  const [last, setLast] = useState<string | null>(period.last);
  const renew = useRenewProgram(program.id);
  const errors = fieldErrorsFrom(renew.error, FIELDS);
  const general = renew.isError && Object.keys(errors).length === 0 ? renew.error.message : null;
  const done = renew.data;

  const submit = () =>
    renew.mutate({
      ...(name.trim() ? { name: name.trim() } : {}),
      ...(budgetReference.trim() ? { budgetReference: budgetReference.trim() } : {}),
      firstMonth: (first ?? '').slice(0, 7),
      lastMonth: (last ?? '').slice(0, 7),
    });

  return (
    <Modal opened onClose={onClose} title={t('continuity.renew.title')} centered size="lg">
      {done ? (
        <Stack gap="md" data-testid="renew-done">
          <Alert color="teal" variant="light" icon={<IconCircleCheck />} role="status">
            {t('continuity.renew.done', {
              name: done.program.name,
              count: done.proposed,
              n: formatNumber(done.proposed),
            })}
          </Alert>
          {done.left.length > 0 && (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t('continuity.renew.left', { count: done.left.length })}
              </Text>
              <List size="sm" spacing={4}>
                {done.left.map((l) => (
                  <List.Item key={l.workerId}>
                    <Text span size="sm" fw={500}>
                      {l.name}
                    </Text>{' '}
                    <Text span size="xs" c="dimmed" ff="monospace">
                      {l.nik}
                    </Text>
                    : {l.reason}
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
            <Button component={Link} to={`/program/${done.program.id}`}>
              {t('continuity.renew.open')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <Text size="sm">
            {t('continuity.renew.intro', {
              name: program.name,
              last: formatMonth(program.lastMonth),
            })}
          </Text>
          <TextInput
            label={t('continuity.renew.name')}
            description={t('continuity.renew.nameHint')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <MonthPickerInput
              label={t('continuity.renew.firstMonth')}
              value={first}
              onChange={setFirst}
              error={errors.firstMonth}
              locale="id"
              valueFormat="MMMM YYYY"
            />
            <MonthPickerInput
              label={t('continuity.renew.lastMonth')}
              value={last}
              onChange={setLast}
              error={errors.lastMonth}
              locale="id"
              valueFormat="MMMM YYYY"
              minDate={first ?? undefined}
            />
          </SimpleGrid>
          <TextInput
            label={t('continuity.renew.budgetReference')}
            description={t('continuity.renew.budgetReferenceHint')}
            placeholder={t('continuity.renew.budgetReferencePlaceholder')}
            value={budgetReference}
            onChange={(e) => setBudgetReference(e.currentTarget.value)}
            error={errors.budgetReference}
          />
          {general && (
            <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
              {general}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={submit} loading={renew.isPending} disabled={!first || !last}>
              {t('continuity.renew.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
