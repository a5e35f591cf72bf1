import {
  FIXED, fakeIssue, history, issueType, resolutionChange, sprintChange, sprintJson, statusMove, transition, version,
  type RawJson,
} from './fakeJiraData';

/**
 * The Jira shapes that trigger each version-2 rule (KPI-SPEC §1–§3), as a real site writes them.
 * Every expected value in test/unit/jira/jiraV2Rules.test.ts is worked out by hand from these dates.
 *
 * Sprint 7 runs from S (Mon 2026-03-02 09:00 UTC) to its completion at S + 14 d.
 * Types are shown in Chinese; Cloud also sends each type's `untranslatedName`, Server does not.
 */
export const S = Date.UTC(2026, 2, 2, 9, 0, 0) / 1000;
export const H = 3600;
export const D = 86_400;
export const SPRINT_ID = 7;

/** Status ids the site's /rest/api/2/status no longer lists (deleted workflow statuses). */
export const QA_FAILED = '10500';
export const RESOLVED_OLD = '10400';

export function v2Types(variant: 'cloud' | 'server'): { story: RawJson; bug: RawJson; subtask: RawJson } {
  const en = (name: string): { untranslatedName?: string } => (variant === 'cloud' ? { untranslatedName: name } : {});
  return {
    story: issueType('10001', '故事', en('Story')),
    bug: issueType('10004', '缺陷', en('Bug')),
    subtask: issueType('10003', '子任务', { ...en('Sub-task'), subtask: true }),
  };
}

export function v2Sprints(): RawJson[] {
  return [sprintJson(SPRINT_ID, 'closed', S, S + 14 * D, S + 14 * D)];
}

export function v2Issues(variant: 'cloud' | 'server'): RawJson[] {
  const t = v2Types(variant);
  const intoSprint = (id: number): RawJson => history(id, S - D, [sprintChange([], [SPRINT_ID])]);
  const done = (id: number, at: number, from = 'In Progress'): RawJson => history(id, at, [transition(from, 'Done'), resolutionChange(FIXED)]);
  return [
    // Committed 5, done on day 4: completed 5. In Progress S+1d → Done S+4d = 72 h. Released 2026-03-08.
    fakeIssue({ id: 1, key: 'AR-1', issueType: t.story, created: S - 3 * D, status: 'Done', resolved: S + 4 * D, points: 5, sprintIds: [SPRINT_ID],
      fixVersions: [version('1.0', '2026-03-08')],
      histories: [intoSprint(11), history(12, S + D, [transition('To Do', 'In Progress')]), done(13, S + 4 * D)] }),
    // Put in the sprint when it was created, before the start: Jira writes no Sprint item. Committed 3, open.
    fakeIssue({ id: 2, key: 'AR-2', issueType: t.story, created: S - 2 * D, points: 3, sprintIds: [SPRINT_ID] }),
    // A bug filed two minutes into the sprint with the sprint already set (no Sprint item): scope
    // added, not committed. In Progress S+1d → Done S+2d = 24 h: completed 2.
    fakeIssue({ id: 3, key: 'AR-3', issueType: t.bug, created: S + 120, status: 'Done', resolved: S + 2 * D, points: 2, sprintIds: [SPRINT_ID],
      histories: [history(31, S + D, [transition('To Do', 'In Progress')]), done(32, S + 2 * D)] }),
    // A sub-task of AR-1 created two minutes in: it inherits the sprint, no Sprint item. Left out of
    // committed, completed and unestimated. To Do → Done directly: never started (cycle time).
    fakeIssue({ id: 4, key: 'AR-4', issueType: t.subtask, parentKey: 'AR-1', created: S + 120, status: 'Done', resolved: S + 2 * D, points: 2, sprintIds: [SPRINT_ID],
      histories: [done(41, S + 2 * D, 'To Do')] }),
    // A negative estimate: unestimated and an invalid estimate.
    fakeIssue({ id: 5, key: 'AR-5', issueType: t.story, created: S - 3 * D, points: -2, sprintIds: [SPRINT_ID], histories: [intoSprint(51)] }),
    // A select-list "Story Points" whose option is "?": not a number, so unestimated and invalid.
    fakeIssue({ id: 6, key: 'AR-6', issueType: t.story, created: S - 3 * D, points: { self: '/rest/api/2/customFieldOption/10050', value: '?', id: '10050' }, sprintIds: [SPRINT_ID],
      histories: [intoSprint(61)] }),
    // Done on day 2, then sent to "QA Failed" (a status since deleted) with the resolution cleared,
    // then Done again on day 5. QA Failed, unresolved after In Progress and Done, is indeterminate,
    // so the finish is day 5: In Progress S+1d → S+5d = 96 h. Committed 8, completed 8.
    fakeIssue({ id: 7, key: 'AR-7', issueType: t.story, created: S - 3 * D, status: 'Done', resolved: S + 5 * D, points: 8, sprintIds: [SPRINT_ID],
      histories: [
        intoSprint(71), history(72, S + D, [transition('To Do', 'In Progress')]), done(73, S + 2 * D),
        history(74, S + 3 * D, [statusMove('10001', 'Done', QA_FAILED, 'QA Failed'), resolutionChange(null, FIXED)]),
        history(75, S + 5 * D, [statusMove(QA_FAILED, 'QA Failed', '10001', 'Done'), resolutionChange(FIXED)]),
      ] }),
    // Resolved into "Resolved" (a status since deleted) on day 3; a workflow migration moved it to
    // Done on day 30. Resolved, so that status is done: completed 1 at the sprint's end, and the
    // finish is day 3 (In Progress S+1d → S+3d = 48 h); the migration finishes nothing.
    fakeIssue({ id: 8, key: 'AR-8', issueType: t.story, created: S - 3 * D, status: 'Done', resolved: S + 3 * D, points: 1, sprintIds: [SPRINT_ID],
      histories: [
        intoSprint(81), history(82, S + D, [transition('To Do', 'In Progress')]),
        history(83, S + 3 * D, [statusMove('3', 'In Progress', RESOLVED_OLD, 'Resolved'), resolutionChange(FIXED)]),
        history(84, S + 30 * D, [statusMove(RESOLVED_OLD, 'Resolved', '10001', 'Done')]),
      ] }),
    // Not in a sprint. Closed after 10 h; the site moved every Closed issue to Done 460 h later
    // (Closed → Done, both of category done): cycle time 10 h, not 460 h.
    fakeIssue({ id: 9, key: 'AR-9', issueType: t.bug, created: S - D, status: 'Done', resolved: S + 10 * H,
      histories: [
        history(91, S, [transition('To Do', 'In Progress')]),
        history(92, S + 10 * H, [transition('In Progress', 'Closed'), resolutionChange(FIXED)]),
        history(93, S + 460 * H, [transition('Closed', 'Done')]),
      ] }),
  ];
}
