import { describe, expect, it } from 'vitest';
import { ROLE_KEY_PATTERN, nameWords, roleKey } from '../../src/schema/roleKey.js';
import { seed } from '../support/seeds.js';
import { extractText } from '../support/extractText.js';

describe('roleKey', () => {
  it('lowercases the title and turns runs of other characters into "-"', () => {
    expect(roleKey('Collections/Accounts Receivable')).toBe('collections-accounts-receivable');
    expect(roleKey(' Registered Nurse (RN) ')).toBe('registered-nurse-rn');
  });

  it('keys accented Latin titles as their plain letters', () => {
    expect(roleKey('Café Crème/Brûlée')).toBe('cafe-creme-brulee');
  });

  it('keeps letters of any script', () => {
    expect(roleKey('Медсестра')).toBe('медсестра');
    expect(roleKey('Doctor רופא')).toBe('doctor-רופא');
    expect(roleKey('ΝΟΣΗΛΕΥΤΗΣ')).toBe('νοσηλευτης');
    expect(roleKey('नर्स')).toBe('नर्स');
    expect(roleKey('간호사 2급')).toBe('간호사-2급');
    expect(roleKey('Straße-Wärter')).toBe('straße-warter');
  });

  it('gives titles that look the same the same key', () => {
    expect(roleKey('Nur\u200bse RN')).toBe('nurse-rn');
    expect(roleKey('Nurse\u00ad RN\u200f')).toBe('nurse-rn');
    expect(roleKey('Ｎｕｒｓｅ ＲＮ')).toBe('nurse-rn');
    expect(roleKey('Cafe\u0301')).toBe(roleKey('Café'));
    expect(roleKey('Медсестра\u200d')).toBe(roleKey('Медсестра'));
  });

  it('is empty for a title with no letters or digits', () => {
    expect(roleKey(' — / \u200b ')).toBe('');
  });

  it('gives keys the record schema accepts, and keys are their own key', () => {
    for (const title of ['Collections/Accounts Receivable', 'Медсестра', 'Doctor רופא', 'नर्स', '간호사 2급']) {
      const key = roleKey(title);
      expect(key).toMatch(ROLE_KEY_PATTERN);
      expect(roleKey(key)).toBe(key);
    }
  });
});

describe('nameWords', () => {
  it('normalizes accented and plain ASCII names alike', () => {
    expect(nameWords('  Café  Crème/Brûlée ')).toBe('cafe creme brulee');
    expect(nameWords('Collections/Accounts  Receivable')).toBe('collections accounts receivable');
  });
});

describe('a page comparing roles titled in other scripts', () => {
  /** Seed 000 with its first role, "Collections Coordinator", renamed everywhere. */
  const renamed = (title: string) => extractText(seed('000').replace(/collections coordinator/gi, title));

  it('keys a Cyrillic title by its letters and reads its values', () => {
    const record = renamed('Медсестра');
    expect(record.roles.map((r) => [r.key, r.title, r.yearlySalary])).toEqual([
      ['медсестра', 'Медсестра', 37938],
      ['account-specialist', 'Account Specialist', 42586],
    ]);
    expect(record.roles[0].topSkills).toEqual(['customer service', 'patients', 'phone calls']);
  });

  it('keeps the Hebrew word of a title in its key', () => {
    expect(renamed('Doctor רופא').roles[0].key).toBe('doctor-רופא');
  });

  it('keys a title with a zero-width space inside as the title without it', () => {
    expect(renamed('Nur\u200bse RN').roles[0].key).toBe('nurse-rn');
  });
});

describe('roleKey: symbols that name something', () => {
  it('spells out C++, C# and .NET, so that titles differing only by them keep distinct keys', () => {
    const titles = ['C++ Developer', 'C# Developer', 'C Developer', '.NET Developer', 'NET Developer', 'F# Developer'];
    expect(titles.map(roleKey)).toEqual([
      'c-plus-plus-developer',
      'c-sharp-developer',
      'c-developer',
      'dot-net-developer',
      'net-developer',
      'f-sharp-developer',
    ]);
  });

  it('spells them in titles of the site that join several', () => {
    expect(roleKey('C#/.NET Developer')).toBe('c-sharp-dot-net-developer');
    expect(roleKey('Senior C++ Software Engineer')).toBe('senior-c-plus-plus-software-engineer');
    expect(roleKey('C#.NET Developer')).toBe('c-sharp-dot-net-developer');
    expect(roleKey('Microsoft .Net Developer')).toBe('microsoft-dot-net-developer');
    expect(roleKey('F# ?')).toBe('f-sharp');
    expect(roleKey('A+ Certified Technician')).toBe('a-plus-certified-technician');
  });

  it('spells them alike in full-width forms and in titles with other scripts', () => {
    expect(roleKey('Ｃ＋＋ Developer')).toBe('c-plus-plus-developer');
    expect(roleKey('Разработчик C++')).toBe('разработчик-c-plus-plus');
    expect(roleKey('Développeur C#')).toBe('developpeur-c-sharp');
  });

  it('keeps & a separator, and numbers and dotted names as they were keyed', () => {
    expect(roleKey('A&P Mechanic')).toBe('a-p-mechanic');
    expect(roleKey('A & P Mechanic')).toBe('a-p-mechanic');
    expect(roleKey('R&D Engineer')).toBe('r-d-engineer');
    expect(roleKey('Team Member #2')).toBe('team-member-2');
    expect(roleKey('ASP.NET Developer')).toBe('asp-net-developer');
    expect(roleKey('Node.js Developer')).toBe('node-js-developer');
    expect(roleKey('Sr. Accountant')).toBe('sr-accountant');
    expect(roleKey('Sales + Marketing Manager')).toBe('sales-marketing-manager');
  });

  it('gives spelled keys the record schema accepts, each its own key', () => {
    for (const title of ['C++ Developer', 'C# Developer', '.NET Developer']) {
      expect(roleKey(title)).toMatch(ROLE_KEY_PATTERN);
      expect(roleKey(roleKey(title))).toBe(roleKey(title));
    }
  });

  it('matches prose names to titles spelled the same way', () => {
    expect(nameWords('a c++ developer')).toBe('a c plus plus developer');
    expect(nameWords('C# developers')).toBe('c sharp developers');
  });
});

describe('a page comparing C++ Developer with C Developer', () => {
  const renamed = extractText(seed('000').replace(/collections coordinator/gi, 'C++ Developer').replace(/account specialist/gi, 'C Developer'));

  it('keys the two roles apart and reads each one its own values', () => {
    expect(renamed.roles.map((r) => [r.key, r.title, r.yearlySalary])).toEqual([
      ['c-plus-plus-developer', 'C++ Developer', 37938],
      ['c-developer', 'C Developer', 42586],
    ]);
  });
});
