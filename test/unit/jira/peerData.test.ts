import { strict as assert } from 'node:assert';
import { extractIssue } from '../../../src/core/sources/jira/extractIssue';
import { discoverFields, readStatuses } from '../../../src/core/sources/jira/jiraFields';
import { fetchSprints } from '../../../src/core/sources/jira/jiraSprints';
import { JiraApi } from '../../../src/core/sources/jira/jiraApi';
import { obj, arr } from '../../../src/core/sources/jira/rawJson';
import { FakeJira } from '../../kit/fakeJira';
import { peerData } from './jiraTestKit';

// Recorded Jira Server payloads from ../shared/peer-data/go-jira (andygrunwald/go-jira, MIT).
describe('peer-data/go-jira payloads parse into the model', () => {
  it('issues_in_sprint_with_changelog.json: AR-86 with -0800 dates, 13 points, a priority change', async function () {
    const page = await peerData('issues_in_sprint_with_changelog.json');
    const statuses = await peerData('all_statuses.json');
    const fieldList = await peerData('all_fields.json');
    if (!page || !statuses || !fieldList) return this.skip(); // ../shared/peer-data/go-jira absent in this checkout
    // The recorded field list has no story-points field, so it is set explicitly, as a user would.
    const fields = discoverFields(fieldList, 'customfield_10105');
    const raw = obj(arr(obj(page)?.issues)[0])!;
    const issue = extractIssue(raw, arr(obj(raw.changelog)?.histories), { baseUrl: 'https://jira.com', fields, statuses: readStatuses(statuses) });
    assert.equal(issue.key, 'AR-86');
    assert.equal(issue.storyPoints, 13);
    assert.equal(issue.createdAt, Date.UTC(2015, 11, 2, 15, 39, 15) / 1000); // 07:39:15-0800
    assert.equal(issue.resolvedAt, Date.UTC(2015, 11, 7, 22, 19, 13) / 1000);
    assert.equal(issue.statusCategory, 'new');
    assert.equal(issue.parentKey, null);
    assert.deepEqual(issue.history.map((c) => [c.field, c.from, c.to]), [['priority', 'Major', 'Minor']]);
    // (v2) Types by id: a Server payload has no untranslatedName; a Task is no sub-task.
    assert.deepEqual([issue.type, issue.typeId, issue.typeUntranslated, issue.subtask], ['Task', '3', undefined, undefined]);
    // (v2) Statuses by id only; "No Category" (key "undefined", e.g. 10000 Archived) counts as new.
    const byId = readStatuses(statuses).byId;
    assert.deepEqual([Object.keys(byId).length, byId['10000'], byId['10602'], byId['10601']], [37, 'new', 'indeterminate', 'done']);
    assert.equal(discoverFields(fieldList, '').storyPoints.length, 0);
  });

  it('sprints.json served by the fake: states and -0700 dates in UTC', async function () {
    const sprints = await peerData('sprints.json');
    if (!sprints) return this.skip();
    const fake = await new FakeJira({ variant: 'server', sprints: arr(obj(sprints)?.values).map((v) => obj(v)!) }).start();
    try {
      const api = new JiraApi(fake.url, { token: 'secret-token' });
      const list = await fetchSprints(api, 1);
      assert.deepEqual(list.map((s) => s.state), ['closed', 'closed', 'closed', 'active', 'future', 'future']);
      assert.equal(list[0]!.completeAt, Date.UTC(2016, 3, 28, 12, 8, 48) / 1000); // 05:08:48.543-07:00
      assert.equal(list[3]!.completeAt, null);
    } finally {
      await fake.stop();
    }
  });
});
