import { strict as assert } from 'node:assert';
import { EDITOR_EXCLUSION_WORDS, kpiExclusionSentences } from '../../../src/core/report/exclusionNotes';
import { exclusionLines } from '../../../src/core/report/exclusionLines';
import { excludedCounts } from '../../../src/core/model/kpi';
import { exclusionNotes } from '../../../src/core/sprintReview/exclusions';
import { renderTable } from '../../../src/core/report/renderTable';
import { renderMarkdown } from '../../../src/core/report/renderMarkdown';
import { reportWith } from '../extension/reportFixture';

describe('what each KPI left out (excluded counts and their lines under the CLI table)', () => {
  it('drops zero counts, and gives no object at all when nothing was left out', () => {
    assert.deepEqual(excludedCounts({ bots: 3, unknownStart: 0 }), { bots: 3 });
    assert.equal(excludedCounts({ bots: 0, unknownStart: 0 }), undefined);
    assert.equal(excludedCounts({}), undefined);
  });

  it('writes one line per KPI and rule that fired, worded by the rule and the change unit', () => {
    const report = reportWith({
      cycleTime: { value: 12, unit: 'hours', source: 'git', changeUnit: 'squash', excluded: { bots: 1, unknownStart: 566 } },
      velocity: { value: 3, unit: 'changes/week', source: 'git', excluded: { bots: 2 } },
    });
    assert.deepEqual(exclusionLines(report), [
      'Cycle time: 1 item by a bot or an excluded author was left out',
      'Cycle time: 566 squash merges have no known start: connect GitHub, or run with --fetch-pr-heads',
      'Velocity: 2 items by bots or excluded authors were left out',
    ]);
  });

  it('gives the Jira rules their lines, Jira issue cycle time (inside cycleTime) included', () => {
    const report = reportWith({
      cycleTime: { value: 12, unit: 'hours', source: 'git', issueCycleTime: { value: 48, unit: 'hours', source: 'jira', excluded: { unknownStatus: 2 } } },
      velocity: { value: 16, unit: 'points/sprint', source: 'jira', excluded: { invalidEstimate: 1, unknownStatus: 2 } },
    });
    assert.deepEqual(exclusionLines(report), [
      'Issue cycle time: 2 issues passed through a status the site no longer has: its category was taken from the resolution',
      'Velocity: 1 issue has an invalid estimate (negative or not a number): counted as unestimated',
      'Velocity: 2 issues passed through a status the site no longer has: its category was taken from the resolution',
    ]);
  });

  it('prints those lines under the KPI table, and none when no KPI left anything out', () => {
    const withNotes = renderTable(reportWith({ cycleTime: { value: null, unit: 'hours', reason: 'x', changeUnit: 'commit', excluded: { unknownStart: 1 } } }));
    const lines = withNotes.split('\n');
    const tableEnd = lines.findIndex((l) => l.startsWith('Test effectiveness'));
    assert.equal(lines[tableEnd + 2], 'Cycle time: 1 commit has no known start: connect GitHub, or run with --fetch-pr-heads');
    assert.doesNotMatch(renderTable(reportWith({})), /no known start|left out/);
  });

  it('words the unknown-start remedy for the host that shows it: the editor names its command, the review (read in both) neither host\'s control', () => {
    const kpi = { value: null, unit: 'hours' as const, reason: 'x', changeUnit: 'squash' as const, excluded: { unknownStart: 6 } };
    assert.deepEqual(kpiExclusionSentences(kpi, EDITOR_EXCLUSION_WORDS), ['6 squash merges have no known start: connect GitHub, or run Fetch Pull Request Heads']);
    assert.match(kpiExclusionSentences(kpi)[0]!, /run with --fetch-pr-heads$/);
    const [note] = exclusionNotes({ unknownStart: ['#12', '#13'] });
    assert.match(note!, /fetch the pull request heads/);
    assert.doesNotMatch(note!, /--fetch-pr-heads|Fetch Pull Request Heads/);
  });

  it('lists the same lines under the Markdown table, one bullet each, and none when nothing was left out', () => {
    const md = renderMarkdown(reportWith({ velocity: { value: 3, unit: 'changes/week', source: 'git', excluded: { bots: 2 } } }));
    const bullets = md.split('\n').filter((l) => l.startsWith('- '));
    assert.equal(bullets.length, 1);
    assert.match(bullets[0]!, /^- Velocity: 2 items by bots or excluded authors were left out$/);
    assert.ok(md.indexOf(bullets[0]!) > md.indexOf('| Test effectiveness'), 'the note comes after the table');
    assert.doesNotMatch(renderMarkdown(reportWith({})), /^- /m);
  });
});
