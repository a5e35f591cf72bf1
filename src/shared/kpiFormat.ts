/**
 * How a KPI reads to a person, shared by the status bar, its tooltip and the panel so the same
 * number is printed the same way everywhere. Display rounding only: the report keeps full values.
 */
import type { DrillItem, KpiResult, KpiUnit } from '../core/model/kpi';
import { formatChange as coreFormatChange, formatNumber as coreFormatNumber, formatUnitNumber } from '../core/report/formatValue';
import type { PanelCommand } from './protocol';

/** Short suffix for the status bar ("26.4h"). */
const SHORT_UNIT: Record<KpiUnit, string> = {
  hours: 'h',
  'points/sprint': ' pts',
  'changes/week': '/wk',
  days: 'd',
  'defects/KLOC': '/KLOC',
  count: '',
  ratio: '',
};

/** The number alone, rounded as the CLI's table and Markdown round it: one formatter, core/report/formatValue.ts. */
export const formatNumber = formatUnitNumber;

/** "26.4h", "0.4/wk", "50.0%", or "—" when there is no value. */
export function formatShort(kpi: KpiResult): string {
  if (kpi.value === null) return '—';
  const n = formatNumber(kpi.value, kpi.unit);
  return kpi.unit === 'ratio' ? n : `${n}${SHORT_UNIT[kpi.unit]}`;
}

/** Relative change against the previous window: "▼12%", "▲5%", "=0%", or undefined when not comparable. */
export function formatChange(value: number | null, previous: number | null | undefined): string | undefined {
  if (value === null) return undefined;
  return coreFormatChange({ value, previous, unit: 'count' }) || undefined;
}

export interface FixAction {
  label: string;
  command: PanelCommand;
}

const HOURS_PER_DAY = 24;

/**
 * One duration, for people: hours up to two days ("38.5 h"), then days ("15.9 d"). Every duration
 * the panel shows outside a card's headline (drill-down rows, phases, deploy times) goes through it.
 */
export function formatDuration(hours: number): string {
  if (!Number.isFinite(hours)) return '—';
  if (Math.abs(hours) < 2 * HOURS_PER_DAY) return `${coreFormatNumber(hours, 1)} h`;
  return `${coreFormatNumber(hours / HOURS_PER_DAY, 1)} d`;
}

/** One drill-down item's own value in its KPI's unit: durations as h/d, the rest as the KPI rounds it. */
export function formatItemValue(value: number, unit: KpiUnit): string {
  if (unit === 'hours') return formatDuration(value);
  if (unit === 'days') return formatDuration(value * HOURS_PER_DAY);
  if (unit === 'ratio') return formatNumber(value, unit);
  return `${formatNumber(value, unit)} ${unit}`;
}

/** The drill-down extras that are durations, and their unit (core/metrics: a change's `deploy` is in hours). */
const DURATION_EXTRAS: Record<string, 'hours'> = { deploy: 'hours', coding: 'hours', pickup: 'hours', review: 'hours' };

/** "deploy: 15.9 d · author: Ann · changes tests: yes": an item's extras as text, empty values left out. */
export function formatExtras(extra: Record<string, string | number | boolean | null> | undefined): string {
  return Object.entries(extra ?? {})
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => {
      const shown = typeof v === 'boolean' ? (v ? 'yes' : 'no')
        : typeof v === 'number' ? (DURATION_EXTRAS[k] ? formatDuration(v) : coreFormatNumber(v, 2))
        : v;
      return `${k.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}: ${shown}`;
    })
    .join(' · ');
}

const CHANGE_UNITS: Record<string, string> = { 'pull request': 'a pull request', merge: 'a merge commit', squash: 'a squash merge', commit: 'a commit' };

/** The cycle-time `changeUnit` ("merge+squash") for people: "a change is a merge commit or a squash merge". */
export function changeUnitText(unit: string): string {
  return `a change is ${unit.split('+').map((u) => CHANGE_UNITS[u] ?? u).join(' or ')}`;
}

const KIND_NOUNS: Record<DrillItem['kind'], [string, string]> = {
  pr: ['pull request', 'pull requests'],
  issue: ['issue', 'issues'],
  commit: ['commit', 'commits'],
  change: ['merged change', 'merged changes'],
  file: ['file', 'files'],
  module: ['module', 'modules'],
  sprint: ['sprint', 'sprints'],
};

/**
 * What a drill-down lists, by kind: "178 commits", "12 files, 3 modules and 40 commits". A list of
 * one kind longer than the KPI's n (changes without a known start are listed too) says how many n
 * leaves out: "434 merged changes, 256 not counted in n". A mixed list is not the sample itself.
 */
export function itemsSummary(items: readonly DrillItem[], sampleSize?: number): string {
  const counts = new Map<DrillItem['kind'], number>();
  for (const it of items) counts.set(it.kind, (counts.get(it.kind) ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) => `${n} ${KIND_NOUNS[kind][n === 1 ? 0 : 1]}`);
  if (parts.length > 1) return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  const beyond = sampleSize !== undefined && items.length > sampleSize ? items.length - sampleSize : 0;
  return `${parts[0] ?? ''}${beyond ? `, ${beyond} not counted in n` : ''}`;
}
