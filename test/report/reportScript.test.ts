import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { REPORT_SCRIPT } from '../../src/report/reportAssets.js';

/**
 * The report's script run against the few elements it touches, stood in for by plain objects:
 * enough to see that it starts (the pager shows, the filter filters) and opens what a fragment names.
 */
function runScript(hash: string, extra: Record<string, object> = {}) {
  const listeners = new Map<string, () => void>();
  const element = (props: object = {}) => ({
    hidden: true,
    textContent: '',
    value: '',
    classList: { add() {} },
    addEventListener(type: string, listener: () => void) {
      listeners.set(type, listener);
    },
    ...props,
  });
  const row = (title: string) => ({ hidden: false, getAttribute: (name: string) => (name === 'data-title' ? title : null) });
  const rows = [row('medical assistant'), row('registered nurse')];
  const byId: Record<string, object> = {
    'roles-table': element({ tBodies: [{ rows }], tHead: element({ rows: [{ cells: [] }] }) }),
    'roles-pager': element(),
    'roles-page-info': element(),
    'roles-filter': element(),
    'roles-prev': element(),
    'roles-next': element(),
    ...extra,
  };
  const document = { getElementById: (id: string) => byId[id] ?? null, addEventListener() {} };
  runInNewContext(REPORT_SCRIPT, { document, window: { addEventListener() {} }, location: { hash } });
  return { byId, rows, listeners };
}

describe('the report script', () => {
  it('starts the pager and the filter when the fragment is not valid percent-encoding', () => {
    const { byId, rows, listeners } = runScript('#role-%E0%A4%A');
    const pager = byId['roles-pager'] as { hidden: boolean };
    const info = byId['roles-page-info'] as { textContent: string };
    expect(pager.hidden).toBe(false);
    expect(info.textContent).toBe('Roles 1–2 of 2 · page 1 of 1');
    (byId['roles-filter'] as { value: string }).value = 'nurse';
    listeners.get('input')!();
    expect(rows.map((r) => r.hidden)).toEqual([true, false]);
    expect(info.textContent).toBe('Roles 1–1 of 1 · page 1 of 1');
  });

  it('opens the section an encoded fragment names', () => {
    const section = { tagName: 'DETAILS', open: false, parentElement: null, getAttribute: () => null, scrollIntoView() {} };
    runScript('#role-caf%C3%A9', { 'role-café': section });
    expect(section.open).toBe(true);
  });

  it('looks a fragment that does not decode up as it is written', () => {
    const section = { tagName: 'DETAILS', open: false, parentElement: null, getAttribute: () => null, scrollIntoView() {} };
    runScript('#role-%E9', { 'role-%E9': section });
    expect(section.open).toBe(true);
  });
});
