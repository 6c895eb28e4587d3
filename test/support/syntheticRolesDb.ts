import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { REPORT_TABLES_SQL } from './reportFixtureDb.js';

/**
 * A large roles database for the report's scale check: `roleCount` roles, each seen on about
 * four pages, with seed-sized descriptions, skills and responsibilities, and one role in ten
 * with a disagreeing yearly salary. Values come from a fixed-seed generator so every run builds
 * the same database.
 */
export function buildSyntheticRolesDb(path: string, roleCount: number): string {
  let state = 0x2545f491;
  const rand = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const words = ['Collections', 'Account', 'Senior', 'Billing', 'Credit', 'Claims', 'Payroll', 'Sales', 'Operations', 'Customer'];
  const kinds = ['Coordinator', 'Specialist', 'Representative', 'Associate', 'Analyst', 'Manager', 'Clerk', 'Officer'];
  const skillPool = Array.from({ length: 400 }, (_, i) => `${pick(words)} ${pick(['Service', 'Accounts', 'Calls', 'Reports', 'Software', 'Appeals'])} ${i}`);
  const sentence =
    'A collections coordinator is in charge of developing strategies to optimize the payment collection operations, reaching out to clients through calls or correspondence.';

  const db = new Database(path);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec(REPORT_TABLES_SQL);
  // Written by hand rather than by the migrations: it says it holds the current schema.
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
  const roles = Array.from({ length: roleCount }, (_, i) => {
    const title = `${pick(words)} & ${pick(words)}/${pick(kinds)} ${i + 1}`;
    const yearly = 25_000 + Math.round(rand() * 110_000);
    return { key: `role-${i + 1}`, title, yearly, min: Math.round(yearly * (0.6 + rand() * 0.2)), max: Math.round(yearly * (1.2 + rand() * 0.4)) };
  });
  const pageCounts = new Map<string, number>();
  const insertPage = db.prepare("INSERT INTO pages VALUES (?, ?, ?, ?, 'html', 'table', ?, ?, '2025-01-01T00:00:00Z')");
  const insertObservation = db.prepare('INSERT INTO observations VALUES (?, ?, ?, ?)');
  const insertRole = db.prepare(
    `INSERT INTO roles VALUES (?, ?, ?, ?, -8, ?, NULL, 'Bachelor''s Degree', 48, 46, 12, ?, ?, 'New York, NY', 'Connecticut',
      'JPMorgan Chase & Co.', 'Finance', 'Business', NULL, 26.6, 73.4, 8, ?, ?)`,
  );
  db.transaction(() => {
    const pageTotal = roleCount * 2;
    for (let id = 1; id <= pageTotal; id++) {
      const a = roles[(id - 1) % roleCount]!;
      const b = roles[Math.floor(rand() * roleCount)]!;
      insertPage.run(id, `pages/${id}.html`, id.toString(16).padStart(64, '0'), `https://www.example.com/compare/${a.key}-vs-${b.key}`, a.key, b.key);
      for (const role of [a, b]) {
        pageCounts.set(role.key, (pageCounts.get(role.key) ?? 0) + 1);
        const fields: Record<string, unknown> = {
          title: role.title, yearlySalary: role.yearly, hourlyRate: Math.round(role.yearly / 20.8) / 100, growthRate: -8,
          numberOfJobs: 40113, jobSatisfaction: null, degree: { name: "Bachelor's Degree", pct: 48 }, averageAge: 46,
          yearsOfExperience: 12, timeToBecome: '6-12 months', description: sentence, salaryRange: { min: role.min, max: role.max },
          highestPayingCity: 'New York, NY', highestPayingState: 'Connecticut', bestPayingCompany: 'JPMorgan Chase & Co.',
          bestPayingIndustry: 'Finance', major: 'Business', college: null, gender: { male: 26.6, female: 73.4 }, lgbtPct: 8,
          topSkills: ['customer service', 'patients', 'phone calls'],
        };
        for (const [field, value] of Object.entries(fields)) insertObservation.run(id, role.key, field, JSON.stringify(value));
      }
    }
    roles.forEach((role, i) => {
      insertRole.run(role.key, role.title, role.yearly, Math.round(role.yearly / 20.8) / 100, 10_000 + i, role.min, role.max,
        `${sentence} ${sentence} ${sentence}`, pageCounts.get(role.key) ?? 0);
      for (let s = 0; s < 6; s++) db.prepare('INSERT INTO role_skills VALUES (?, ?, ?, 1)').run(role.key, pick(skillPool), 15 - s * 2);
      for (let r = 1; r <= 6; r++) db.prepare('INSERT INTO role_responsibilities VALUES (?, ?, ?)').run(role.key, r, `${sentence.slice(0, 90)} (${r})`);
      if (i % 10 === 0) {
        db.prepare("INSERT INTO conflicts VALUES (?, 'yearlySalary', ?, 2)").run(role.key, String(role.yearly));
        db.prepare("INSERT INTO conflicts VALUES (?, 'yearlySalary', ?, 1)").run(role.key, String(role.yearly + 1000));
      }
    });
  })();
  db.close();
  return path;
}
