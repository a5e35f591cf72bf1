import { strict as assert } from 'node:assert';
import { isGitHubCom, parseGitHubRemote } from '../../../src/core/sources/github/remote';

describe('parseGitHubRemote', () => {
  const cases: Array<[string, { host: string; owner: string; name: string } | null]> = [
    ['https://github.com/panjf2000/ants.git', { host: 'github.com', owner: 'panjf2000', name: 'ants' }],
    ['https://github.com/panjf2000/ants', { host: 'github.com', owner: 'panjf2000', name: 'ants' }],
    ['https://user@github.com/o/r.git/', { host: 'github.com', owner: 'o', name: 'r' }],
    ['git@github.com:octo-org/my.repo.git', { host: 'github.com', owner: 'octo-org', name: 'my.repo' }],
    ['ssh://git@github.com/o/r.git', { host: 'github.com', owner: 'o', name: 'r' }],
    ['ssh://git@ghe.corp.example:2222/team/svc.git', { host: 'ghe.corp.example', owner: 'team', name: 'svc' }],
    ['git@GHE.corp.example:team/svc', { host: 'ghe.corp.example', owner: 'team', name: 'svc' }],
    ['/home/me/repos/thing', null],
    ['file:///srv/git/thing.git', null],
    ['https://github.com/only-owner', null],
    ['https://gitlab.example/group/sub/project.git', null],
  ];
  for (const [url, expected] of cases) {
    it(`reads ${url} as ${expected ? `${expected.host} ${expected.owner}/${expected.name}` : 'not a GitHub remote'}`, () => {
      assert.deepEqual(parseGitHubRemote(url), expected);
    });
  }
});

describe('isGitHubCom', () => {
  it("takes only github.com's own remote hosts for github.com (an Enterprise host is never guessed)", () => {
    assert.ok(isGitHubCom('github.com') && isGitHubCom('ssh.github.com') && isGitHubCom('WWW.GitHub.com'));
    assert.ok(!isGitHubCom('ghe.corp.example') && !isGitHubCom('github.evil.test') && !isGitHubCom('github.com.evil.test'));
  });
});
