/**
 * A JiraFetcher that loses the answers of writes Jira has applied: the failure the simulator's own faults cannot
 * produce (they strike before a request has any effect), and the one that duplicates comments and issues when a
 * client retries blindly. A lost answer is, alternately, a dropped connection (a rejected fetch) and a 502 from a
 * gateway, both after Jira's 2xx.
 */
import type { JiraFetcher, JiraResponse } from '../../src/adapters/jira/jira-fetcher';
import { seededRandom } from '../../simulator/faults/seeded-random';

export interface AnswerLossSettings {
  /** Share of applied writes (requests other than GET and the POST reads, answered 2xx) whose answer is lost. */
  readonly rate: number;
  readonly seed: number;
}

export interface AnswerLossStats {
  /** Answers lost, by "METHOD path-without-query". */
  readonly lost: string[];
}

/** POSTs that only read (the search and bulk-read endpoints): losing their answer loses no write. */
const READS_BY_POST =
  /\/rest\/api\/3\/(search\/jql|search\/approximate-count|issue\/bulkfetch|changelog\/bulkfetch)$/;

const gatewayError: JiraResponse = {
  status: 502,
  headers: { get: () => null },
  text: () => Promise.resolve('<html>Bad gateway</html>'),
};

export const answerLosingFetcher = (
  fetcher: JiraFetcher,
  settings: AnswerLossSettings,
): JiraFetcher & { readonly stats: AnswerLossStats } => {
  const random = seededRandom(settings.seed);
  const stats: AnswerLossStats = { lost: [] };
  return {
    stats,
    async requestJira(path, init) {
      const response = await fetcher.requestJira(path, init);
      const method = init?.method ?? 'GET';
      const pathOnly = path.value.replace(/\?.*$/, '');
      const isWrite = method !== 'GET' && !(method === 'POST' && READS_BY_POST.test(pathOnly));
      const applied = isWrite && response.status >= 200 && response.status < 300;
      if (!applied || random() >= settings.rate) return response;
      await response.text();
      stats.lost.push(`${method} ${pathOnly}`);
      if (stats.lost.length % 2 === 1)
        throw new TypeError('fetch failed (the answer was lost after Jira applied the write)');
      return gatewayError;
    },
  };
};
