import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import id from '../../i18n/id.json';
import { KNOWN_ACTIONS, KNOWN_ENTITIES } from './audit-actions.ts';

const CORE = path.resolve(import.meta.dirname, '../../../core');

/** Every `action: '…'` and `entity: '…'` the server code writes into the audit trail. */
function recorded(kind: 'action' | 'entity'): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) {
        const text = fs.readFileSync(p, 'utf8');
        for (const m of text.matchAll(new RegExp(`\\b${kind}:\\s*'([a-zA-Z_.]+)'`, 'g')))
          found.add(m[1]!);
        // actions chosen by a condition: `? 'imports.commit' : 'imports.preview'`
        if (kind === 'action')
          for (const m of text.matchAll(/[?:]\s*'((?:imports|workers)\.[a-zA-Z.]+)'/g))
            found.add(m[1]!);
      }
    }
  };
  walk(CORE);
  return found;
}

describe('the audit page names what the server records', () => {
  it('has an Indonesian and an English label for every action the server writes', () => {
    const actions = [...recorded('action')].filter((a) => !a.endsWith('.'));
    expect(actions.length).toBeGreaterThan(30);
    const known = new Set<string>(KNOWN_ACTIONS);
    expect(actions.filter((a) => !known.has(a))).toEqual([]);
    for (const a of KNOWN_ACTIONS) {
      const key = a.replaceAll('.', '_');
      expect((id.audit.actions as Record<string, string>)[key], `id: ${a}`).toBeTruthy();
      expect((en.audit.actions as Record<string, string>)[key], `en: ${a}`).toBeTruthy();
    }
  });

  it('has a label for every entity the server writes', () => {
    const entities = [...recorded('entity')];
    expect(entities.filter((e) => !KNOWN_ENTITIES.has(e))).toEqual([]);
    for (const e of KNOWN_ENTITIES)
      expect((id.audit.entities as Record<string, string>)[e], e).toBeTruthy();
  });
});
