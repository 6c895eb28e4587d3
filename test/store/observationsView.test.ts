import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { RoleStore } from '../../src/store/roleStore.js';
import { tempDb } from './storeFixtures.js';

describe('the observations view', () => {
  it('gives each value as JSON text, objects and lists too, also under GROUP BY and ORDER BY', () => {
    const file = tempDb();
    RoleStore.open(file).close();
    const db = new Database(file);
    db.prepare("INSERT INTO pages (path, sha256, format, layout, role_a, role_b, ingested_at, page_key, captured_at, time_source) VALUES ('a.txt', 'x', 'text', 'table', 'nurse', 'doctor', '2026-01-01', 'nurse-vs-doctor', '2026-01-01', 'file')").run();
    db.prepare('INSERT INTO page_sides (page_id, side, role_key, facts) VALUES (1, 0, ?, ?)').run(
      'nurse',
      JSON.stringify({ yearlySalary: 37938, hourlyRate: 18.24, major: 'Nursing', degree: { name: "Bachelor's Degree", pct: 48 }, topSkills: ['patients', 'care'] }),
    );
    const plain = db.prepare("SELECT field, value FROM observations WHERE role_key = 'nurse' ORDER BY field").all();
    const grouped = db.prepare("SELECT field, value, COUNT(*) AS n FROM observations WHERE role_key = 'nurse' GROUP BY field, value ORDER BY field").all();
    const expected = [
      { field: 'degree', value: '{"name":"Bachelor\'s Degree","pct":48}' },
      { field: 'hourlyRate', value: '18.24' },
      { field: 'major', value: '"Nursing"' },
      { field: 'topSkills', value: '["patients","care"]' },
      { field: 'yearlySalary', value: '37938' },
    ];
    expect(plain).toEqual(expected);
    expect(grouped).toEqual(expected.map((row) => ({ ...row, n: 1 })));
    db.close();
  });
});
