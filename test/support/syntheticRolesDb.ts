import { capturePageWriter, openStoreDb } from './reportFixtureDb.js';

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

  const db = openStoreDb(path);
  const roles = Array.from({ length: roleCount }, (_, i) => {
    const title = `${pick(words)} & ${pick(words)}/${pick(kinds)} ${i + 1}`;
    const yearly = 25_000 + Math.round(rand() * 110_000);
    return { key: `role-${i + 1}`, title, yearly, min: Math.round(yearly * (0.6 + rand() * 0.2)), max: Math.round(yearly * (1.2 + rand() * 0.4)) };
  });
  const pageCounts = new Map<string, number>();
  const writePage = capturePageWriter(db);
  const insertRole = db.prepare(
    `INSERT INTO roles (key, title, yearly_salary, hourly_rate, growth_rate, number_of_jobs, job_satisfaction, degree, degree_pct, average_age,
      years_of_experience, salary_min, salary_max, highest_paying_city, highest_paying_state, best_paying_company, best_paying_industry, major,
      college, male_pct, female_pct, lgbt_pct, description, page_count, time_to_become, top_skills)
     VALUES (?, ?, ?, ?, -8, ?, NULL, 'Bachelor''s Degree', 48, 46, 12, ?, ?, 'New York, NY', 'Connecticut',
      'JPMorgan Chase & Co.', 'Finance', 'Business', NULL, 26.6, 73.4, 8, ?, ?, '6-12 months', '["customer service","patients","phone calls"]')`,
  );
  const insertSkill = db.prepare('INSERT OR IGNORE INTO role_skills (role_key, name, pct, page_count) VALUES (?, ?, ?, 1)');
  const insertResponsibility = db.prepare('INSERT INTO role_responsibilities (role_key, position, text) VALUES (?, ?, ?)');
  const insertConflict = db.prepare("INSERT INTO conflicts (role_key, field, value, page_count, chosen) VALUES (?, 'yearlySalary', ?, ?, ?)");
  const factsOf = (role: (typeof roles)[number]): object => ({
    title: role.title, yearlySalary: role.yearly, hourlyRate: Math.round(role.yearly / 20.8) / 100, growthRate: -8,
    numberOfJobs: 40113, jobSatisfaction: null, degree: { name: "Bachelor's Degree", pct: 48 }, averageAge: 46,
    yearsOfExperience: 12, timeToBecome: '6-12 months', description: sentence, salaryRange: { min: role.min, max: role.max },
    highestPayingCity: 'New York, NY', highestPayingState: 'Connecticut', bestPayingCompany: 'JPMorgan Chase & Co.',
    bestPayingIndustry: 'Finance', major: 'Business', college: null, gender: { male: 26.6, female: 73.4 }, lgbtPct: 8,
    topSkills: ['customer service', 'patients', 'phone calls'],
  });
  db.transaction(() => {
    const pageTotal = roleCount * 2;
    for (let id = 1; id <= pageTotal; id++) {
      const a = roles[(id - 1) % roleCount]!;
      const b = roles[Math.floor(rand() * roleCount)]!;
      for (const role of [a, b]) pageCounts.set(role.key, (pageCounts.get(role.key) ?? 0) + 1);
      writePage(id, `pages/${id}.html`, `https://www.example.com/compare/${a.key}-vs-${b.key}`, 'table', [a.key, b.key], [factsOf(a), factsOf(b)]);
    }
    roles.forEach((role, i) => {
      insertRole.run(role.key, role.title, role.yearly, Math.round(role.yearly / 20.8) / 100, 10_000 + i, role.min, role.max,
        `${sentence} ${sentence} ${sentence}`, pageCounts.get(role.key) ?? 0);
      for (let s = 0; s < 6; s++) insertSkill.run(role.key, pick(skillPool), 15 - s * 2);
      for (let r = 1; r <= 6; r++) insertResponsibility.run(role.key, r, `${sentence.slice(0, 90)} (${r})`);
      if (i % 10 === 0) {
        insertConflict.run(role.key, String(role.yearly), 2, 1);
        insertConflict.run(role.key, String(role.yearly + 1000), 1, 0);
      }
    });
  })();
  db.close();
  return path;
}
