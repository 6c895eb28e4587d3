import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../src/read/document.js';
import { readTableFacts } from '../../src/extract/tableFacts.js';
import { WarningList } from '../../src/extract/warnings.js';

const roles = ['Credit Analyst', 'Credit Manager'] as const;
const keys = ['credit-analyst', 'credit-manager'] as const;
const table = (rows: string[][]): TableBlock => ({ kind: 'table', rows: [['', ...roles], ...rows].map((cells) => ({ cells })) });

describe('reading table rows into facts', () => {
  it('leaves a value out of its field\'s range empty, with a warning', () => {
    const warnings = new WarningList();
    const [left, right] = readTableFacts(
      [table([
        ['Job satisfaction', '7.5', '4.5'],
        ['Average age', '150', '47'],
        ['Years of experience', '99', '8'],
        ['Growth rate', '2000%', '-100%'],
        ['Yearly salary', '$58,122', '$104,718'],
      ])],
      roles,
      keys,
      warnings,
    );
    expect(left).toEqual({ yearlySalary: 58122 });
    expect(right).toEqual({ jobSatisfaction: 4.5, averageAge: 47, yearsOfExperience: 8, growthRate: -100, yearlySalary: 104718 });
    expect(warnings.items.map((w) => w.message)).toEqual([
      'row "Job satisfaction": 7.5 is out of range for jobSatisfaction; left empty',
      'row "Average age": 150 is out of range for averageAge; left empty',
      'row "Years of experience": 99 is out of range for yearsOfExperience; left empty',
      'row "Growth rate": 2000 is out of range for growthRate; left empty',
    ]);
  });

  it('reports a field shown twice with different values, objects compared as printed', () => {
    const warnings = new WarningList();
    const [left, right] = readTableFacts(
      [
        table([['Yearly salary', '$58,122', '$104,718'], ['Most common degree', "Bachelor's Degree, 68%", "Bachelor's Degree, 61%"]]),
        table([['Average salary', '$58,122', '$104,719'], ['Most common degree', "Bachelor's Degree, 68%", "Master's Degree, 61%"]]),
      ],
      roles,
      keys,
      warnings,
    );
    expect(left).toEqual({ yearlySalary: 58122, degree: { name: "Bachelor's Degree", pct: 68 } });
    expect(right).toEqual({ yearlySalary: 104718, degree: { name: "Bachelor's Degree", pct: 61 } });
    expect(warnings.items.map((w) => `${w.role} ${w.message}`)).toEqual([
      'credit-manager "Average salary" shows 104719 but "Yearly salary" shows 104718; kept the latter',
      'credit-manager "Most common degree" shows {"name":"Master\'s Degree","pct":61} but "Most common degree" shows {"name":"Bachelor\'s Degree","pct":61}; kept the latter',
    ]);
  });
});
