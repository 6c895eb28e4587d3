import { afterAll, describe, expect, it } from 'vitest';
import { datasetteMetadata } from '../../src/store/datasetteMetadata.js';
import { columnDocs, TABLE_DOCS } from '../../src/store/columnDocs.js';
import { RoleStore } from '../../src/store/roleStore.js';
import { tempDb } from './storeFixtures.js';

describe('the database explains itself', () => {
  const store = RoleStore.open(tempDb());
  const db = store.db;
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'role_search_%' ORDER BY name")
    .pluck()
    .all() as string[];

  it('documents every table and view, and every column of each, in `columns`', () => {
    expect(Object.keys(TABLE_DOCS).sort()).toEqual(tables);
    for (const table of tables) {
      const actual = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).sort();
      const documented = (db.prepare('SELECT column_name FROM columns WHERE table_name = ?').pluck().all(table) as string[]).sort();
      expect({ table, columns: documented }).toEqual({ table, columns: actual });
    }
    expect(db.prepare('SELECT COUNT(*) FROM columns').pluck().get()).toBe(columnDocs().length);
  });

  it('maps each roles column to its observations field, with its unit', () => {
    const row = (column: string) => db.prepare("SELECT field, unit FROM columns WHERE table_name = 'roles' AND column_name = ?").get(column);
    expect(row('yearly_salary')).toEqual({ field: 'yearlySalary', unit: 'USD a year' });
    expect(row('growth_rate')).toEqual({ field: 'growthRate', unit: 'percent (0-100)' });
    expect(row('degree_pct')).toEqual({ field: 'degree', unit: 'percent (0-100)' });
    expect(row('job_satisfaction')).toEqual({ field: 'jobSatisfaction', unit: 'rating out of 5' });
  });

  it('gives Datasette titles, descriptions with their units, and label columns', () => {
    const metadata = datasetteMetadata('roles') as { databases: { roles: { tables: Record<string, { description: string; columns: Record<string, string>; units?: Record<string, string>; label_column?: string }> } } };
    const roles = metadata.databases.roles.tables.roles!;
    expect(roles.label_column).toBe('title');
    expect(roles.columns.yearly_salary).toBe('Average yearly salary (USD a year)');
    expect(roles.columns.average_age).toBe('Average age of the workers (years)');
    // One pair of brackets round the unit, never "(percent (0-100))".
    expect(roles.columns.lgbt_pct).toBe('Share of workers who are LGBT (percent, 0-100)');
    expect(metadata.databases.roles.tables.role_skills!.columns.pct).toBe('Share of resumes that list it (percent, 0-100)');
    for (const table of Object.values(metadata.databases.roles.tables)) {
      for (const description of Object.values(table.columns)) expect(description).not.toMatch(/\([^)]*\(/);
    }
    expect(metadata.databases.roles.tables.observations!.description).toContain('view over page_sides');
  });

  it('hands Datasette no Pint units, which would show 46 years as "46.0 a"', () => {
    const metadata = datasetteMetadata('roles') as { databases: { roles: { tables: Record<string, { units?: Record<string, string> }> } } };
    expect(Object.values(metadata.databases.roles.tables).filter((t) => t.units !== undefined)).toEqual([]);
  });
  afterAll(() => store.close());
});
