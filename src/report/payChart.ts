import { escapeHtml, roleAnchor } from './escape.js';
import { dollars, dollarsShort } from './format.js';
import type { ReportRole } from './reportData.js';

/** Beyond this many bars a chart stops being readable and slows the page; the table has them all. */
export const PAY_CHART_CAP = 50;

const WIDTH = 960;
const LABEL_RIGHT = 260;
const PLOT_LEFT = 270;
const PLOT_RIGHT = 800;
const ROW = 22;
const TOP = 8;
const AXIS = 36;
const TITLE_CHARS = 38;

interface Pay {
  key: string;
  title: string;
  salaryMin: number;
  salaryMax: number;
  yearlySalary: number | null;
}

/** A role's pay as the chart draws it; null without a whole salary range. */
function payOf(role: ReportRole): Pay | null {
  const range = role.values.salaryRange as { min: unknown; max: unknown } | null;
  if (range === null || typeof range.min !== 'number' || typeof range.max !== 'number') return null;
  const yearly = role.values.yearlySalary;
  return { key: role.key, title: role.title, salaryMin: range.min, salaryMax: range.max, yearlySalary: typeof yearly === 'number' ? yearly : null };
}

export interface PayChart {
  svg: string;
  /** Says what the chart leaves out; empty when it shows every role. */
  notes: string[];
}

/**
 * One horizontal bar per role from salary_min to salary_max, the yearly salary marked on it,
 * highest yearly salary at the top; dollar ticks below. `roles` arrive sorted by yearly salary.
 */
export function renderPayChart(shownRoles: ReportRole[], rangedTotal: number, roleTotal: number, cap = PAY_CHART_CAP): PayChart {
  const ranged = shownRoles.map(payOf).filter((r): r is Pay => r !== null);
  const shown = ranged.slice(0, cap);
  const notes: string[] = [];
  if (rangedTotal > shown.length) {
    notes.push(
      `Showing the ${shown.length} best-paid of ${rangedTotal.toLocaleString('en-US')} roles with a salary range.`,
    );
  }
  const unranged = roleTotal - rangedTotal;
  if (unranged > 0) notes.push(`${unranged.toLocaleString('en-US')} role${unranged === 1 ? ' has' : 's have'} no salary range and ${unranged === 1 ? 'is' : 'are'} not drawn.`);
  if (shown.length === 0) return { svg: '', notes: notes.length > 0 ? notes : ['No role has a salary range.'] };

  const values = shown.flatMap((r) => [r.salaryMin, r.salaryMax, ...(r.yearlySalary === null ? [] : [r.yearlySalary])]);
  const { lo, hi, step } = niceDomain(values.reduce((a, b) => Math.min(a, b)), values.reduce((a, b) => Math.max(a, b)));
  const x = (v: number): number => round(PLOT_LEFT + ((v - lo) / (hi - lo)) * (PLOT_RIGHT - PLOT_LEFT));
  const plotBottom = TOP + shown.length * ROW;
  const height = plotBottom + AXIS;

  const parts: string[] = [];
  parts.push(
    `<svg class="pay-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="Pay range of each role, from the lowest to the highest salary, with the yearly salary marked">`,
  );
  for (let tick = lo; tick <= hi; tick += step) {
    const tx = x(tick);
    parts.push(
      `<line class="grid" x1="${tx}" y1="${TOP}" x2="${tx}" y2="${plotBottom}"/>`,
      `<text class="tick" x="${tx}" y="${plotBottom + 16}" text-anchor="middle">${escapeHtml(dollarsShort(tick))}</text>`,
    );
  }
  parts.push(
    `<text class="axis-title" x="${(PLOT_LEFT + PLOT_RIGHT) / 2}" y="${plotBottom + 32}" text-anchor="middle">Yearly pay (USD): bar from salary range minimum to maximum, mark at the average yearly salary</text>`,
  );
  shown.forEach((role, i) => {
    const min = Math.min(role.salaryMin, role.salaryMax);
    const max = Math.max(role.salaryMin, role.salaryMax);
    const y = TOP + i * ROW;
    const mid = y + ROW / 2;
    const label = role.title.length > TITLE_CHARS ? `${role.title.slice(0, TITLE_CHARS - 1)}…` : role.title;
    const summary = `${role.title}: ${dollars(min)} – ${dollars(max)}, yearly salary ${dollars(role.yearlySalary)}`;
    const yearlyAttr = role.yearlySalary === null ? '' : ` data-yearly="${role.yearlySalary}"`;
    parts.push(
      `<g class="bar" data-role="${escapeHtml(role.key)}" data-min="${min}" data-max="${max}"${yearlyAttr}>`,
      `<title>${escapeHtml(summary)}</title>`,
      `<a href="#${roleAnchor(role.key)}"><text class="label" x="${LABEL_RIGHT}" y="${mid + 4}" text-anchor="end">${escapeHtml(label)}</text></a>`,
      `<rect class="range" x="${x(min)}" y="${y + 5}" width="${Math.max(1, round(x(max) - x(min)))}" height="${ROW - 10}" rx="3"/>`,
    );
    if (role.yearlySalary !== null) {
      const mx = x(role.yearlySalary);
      parts.push(`<line class="mark" x1="${mx}" y1="${y + 2}" x2="${mx}" y2="${y + ROW - 2}"/>`);
    }
    parts.push(
      `<text class="value" x="${x(max) + 6}" y="${mid + 4}">${escapeHtml(`${dollars(min)} – ${dollars(max)}`)}</text>`,
      `</g>`,
    );
  });
  parts.push('</svg>');
  return { svg: parts.join(''), notes };
}

/** A domain on round dollar steps with 4–10 ticks that covers every value. */
export function niceDomain(min: number, max: number): { lo: number; hi: number; step: number } {
  if (max <= min) max = min + 1000;
  const span = max - min;
  let step = 1;
  for (const magnitude of [1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000]) {
    const found = [1, 2, 2.5, 5].map((m) => m * magnitude).find((s) => span / s <= 8);
    if (found !== undefined) {
      step = found;
      break;
    }
    step = magnitude * 10;
  }
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  return { lo, hi: hi === lo ? lo + step : hi, step };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
