import { answerOf } from '../answer-of';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import { getPlatformSelfCheck } from '../../../src/application/self-check/get-platform-self-check';
import { recordPayloadShape } from '../../../src/application/self-check/record-payload-shape';
import type { DirectoryPort } from '../../../src/application/ports/jira-port';
import {
  GetPlatformSelfCheckResponseSchema,
  SELF_CHECK_SOURCES,
} from '../../../src/contracts/admin-self-check';
import { shapeLogKey } from '../../../src/application/self-check/shape-log';

const directory = (admin: boolean, reads: string[]): DirectoryPort => ({
  myself: () => Promise.reject(new Error('not used')),
  getUser: () => Promise.reject(new Error('not used')),
  groupsOf: () => Promise.reject(new Error('not used')),
  canBrowseIssue: () => Promise.reject(new Error('not used')),
  callerIsJiraAdmin: () => {
    reads.push('admin?');
    return Promise.resolve(admin);
  },
});

/** A store that notes every read, to show the admin check comes first. */
class ReadLoggingStore extends MemoryStore {
  constructor(private readonly reads: string[]) {
    super();
  }
  override get: MemoryStore['get'] = (key, schema) => {
    this.reads.push(key);
    return super.get(key, schema);
  };
}

describe('getPlatformSelfCheck', () => {
  it('refuses a caller who is not a Jira admin before reading anything', async () => {
    const reads: string[] = [];
    const store = new ReadLoggingStore(reads);
    expect(await answerOf(getPlatformSelfCheck({}, { jiraAsUser: directory(false, reads), store }))).toEqual({
      ok: false,
      error: {
        code: 'not-admin',
        message:
          'Only Jira administrators can see the platform self-check. Nothing was changed; ask a Jira admin if the policy needs to change.',
      },
    });
    expect(reads).toEqual(['admin?']);
  });

  it('reports every source to an admin, recorded or not, in the contract’s shape', async () => {
    const reads: string[] = [];
    const store = new ReadLoggingStore(reads);
    const clock = { now: () => '2026-11-21T09:00:00.000Z' };
    await recordPayloadShape('triage-on-create', { payload: { issue: { key: 'SEC-1' } } }, { store, clock });
    await store.set(shapeLogKey('record-transition'), 'damaged');
    reads.length = 0;
    const answer = GetPlatformSelfCheckResponseSchema.parse(
      await answerOf(getPlatformSelfCheck({}, { jiraAsUser: directory(true, reads), store })),
    );
    expect(reads[0]).toBe('admin?');
    if (!answer.ok) throw new Error('refused');
    expect(
      answer.sources.map(({ source, sightings, warnings }) => [source, sightings.length, warnings.length]),
    ).toEqual([
      ['validate-transition', 0, 0],
      ['record-transition', 0, 1],
      ['triage-on-create', 1, 1],
      ['review-decision-edit', 0, 0],
      ['store-default-policy', 0, 0],
    ]);
    expect(answer.sources.map(({ source }) => source)).toEqual([...SELF_CHECK_SOURCES]);
  });
});
