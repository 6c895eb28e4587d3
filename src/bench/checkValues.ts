import Database from 'better-sqlite3';
import type { RoleTruth } from './rolePool.js';

export interface ValueCheck {
  /** Values compared with the generator's truth. */
  checked: number;
  /** Values that differ from the truth with nothing saying so: must be 0. */
  wrong: number;
  /** Values that differ but carry an unresolved warning (a guess no other page could settle). */
  flagged: number;
  /** Wrong values per field. */
  byField?: Record<string, number>;
  /** The first few wrong values, to look into. */
  examples: string[];
}

/** Markdown's link, emphasis and escape marks, so prose from HTML and from text compare alike. */
function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|(?<![\w])_|_(?![\w])/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Compares every stored role with the role the generator made: each `roles` column, and the
 * skills, race and responsibilities lists. Reads one role at a time.
 */
export function checkValues(dbFile: string, pool: readonly RoleTruth[]): ValueCheck {
  const truth = new Map(pool.map((r) => [r.key, r]));
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  const result: ValueCheck = { checked: 0, wrong: 0, flagged: 0, examples: [] };
  try {
    const unresolved = db.prepare('SELECT COUNT(*) FROM page_warnings WHERE role_key = ? AND field = ? AND resolved = 0').pluck();
    const skillsStatement = db.prepare('SELECT name, pct FROM role_skills WHERE role_key = ? ORDER BY pct DESC, name');
    const skillsOf = (key: string) => skillsStatement.all(key);
    const raceOf = db.prepare('SELECT group_name AS "group", pct FROM role_race WHERE role_key = ? ORDER BY rowid');
    const dutiesOf = db.prepare('SELECT text FROM role_responsibilities WHERE role_key = ? ORDER BY position').pluck();
    const mismatches = new Map<string, number>();
    const compare = (key: string, field: string, got: unknown, want: unknown) => {
      result.checked++;
      if (JSON.stringify(got) === JSON.stringify(want)) return;
      if ((unresolved.get(key, field) as number) > 0) {
        result.flagged++;
        return;
      }
      result.wrong++;
      mismatches.set(field, (mismatches.get(field) ?? 0) + 1);
      if (result.examples.length < 5) result.examples.push(`${key}.${field}: stored ${JSON.stringify(got)}, generated ${JSON.stringify(want)}`);
    };
    for (const row of db.prepare('SELECT * FROM roles').iterate() as Iterable<Record<string, unknown>>) {
      const key = String(row['key']);
      const r = truth.get(key);
      if (!r) {
        compare(key, 'key', key, 'a role the generator made');
        continue;
      }
      compare(key, 'title', row['title'], r.title);
      compare(key, 'yearlySalary', row['yearly_salary'], r.yearlySalary);
      compare(key, 'hourlyRate', row['hourly_rate'], r.hourlyRate);
      compare(key, 'growthRate', row['growth_rate'], r.growthRate);
      compare(key, 'numberOfJobs', row['number_of_jobs'], r.numberOfJobs);
      compare(key, 'jobSatisfaction', row['job_satisfaction'], r.jobSatisfaction);
      compare(key, 'degree', [row['degree'], row['degree_pct']], [r.degree.name, r.degree.pct]);
      compare(key, 'averageAge', row['average_age'], r.averageAge);
      compare(key, 'yearsOfExperience', row['years_of_experience'], r.yearsOfExperience);
      compare(key, 'salaryRange', [row['salary_min'], row['salary_max']], [r.salaryRange.min, r.salaryRange.max]);
      compare(key, 'highestPayingCity', row['highest_paying_city'], r.highestPayingCity);
      compare(key, 'highestPayingState', row['highest_paying_state'], r.highestPayingState);
      compare(key, 'bestPayingCompany', row['best_paying_company'], r.bestPayingCompany);
      compare(key, 'bestPayingIndustry', row['best_paying_industry'], r.bestPayingIndustry);
      compare(key, 'major', row['major'], r.major);
      compare(key, 'college', row['college'], r.college);
      compare(key, 'gender', [row['male_pct'], row['female_pct']], [r.gender.male, r.gender.female]);
      compare(key, 'lgbtPct', row['lgbt_pct'], r.lgbtPct);
      compare(key, 'timeToBecome', row['time_to_become'], r.timeToBecome);
      compare(key, 'topSkills', JSON.parse(String(row['top_skills'] ?? 'null')), r.topSkills);
      compare(key, 'description', plainText(String(row['description'] ?? '')), r.description.text);
      // Stored largest share first; compared by group.
      const byGroup = (list: Array<{ group: string; pct: number }>) => [...list].sort((x, y) => (x.group < y.group ? -1 : 1));
      compare(key, 'race', byGroup(raceOf.all(key) as Array<{ group: string; pct: number }>), byGroup(r.race));
      // Tabular captures show no lists: a role seen only on them has none, which is right.
      const skills = skillsOf(key) as Array<{ name: string; pct: number }>;
      if (skills.length > 0) compare(key, 'skills', skills, [...r.skills].sort((x, y) => y.pct - x.pct || (x.name < y.name ? -1 : 1)));
      const duties = dutiesOf.all(key) as string[];
      if (duties.length > 0) compare(key, 'responsibilities', duties.map(plainText).sort(), [...r.responsibilities].sort());
    }
    result.byField = Object.fromEntries(mismatches);
  } finally {
    db.close();
  }
  return result;
}
