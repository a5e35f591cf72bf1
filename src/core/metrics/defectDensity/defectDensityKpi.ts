import { always, defineKpi } from '../kpiDefinition';
import { githubIssuesOf, jiraIssuesOf } from '../shared/sourceChoice';
import { defectDensity } from './defectDensity';

/** Spec §4: defects (Jira, GitHub issues, or git's bug-fix commits: collectDefects picks) per KLOC of source at HEAD. */
export const defectDensityKpi = defineKpi({
  name: 'defectDensity',
  label: 'Defect density',
  icon: 'bug',
  inputs: ['files', 'lines', 'github', 'jira'],
  variants: [
    { source: 'jira', unit: 'defects/KLOC', available: (ctx) => jiraIssuesOf(ctx.dataset) !== undefined, compute: defectDensity },
    { source: 'github', unit: 'defects/KLOC', available: (ctx) => githubIssuesOf(ctx.dataset) !== undefined, compute: defectDensity },
    { source: 'git', unit: 'defects/KLOC', available: always, compute: defectDensity },
  ],
});
