// The plain-HTTP fetchers onto the simulator live with the simulator's seed; re-exported for the tests.
export { simulatorFetcher } from '../../simulator/seed/simulator-fetcher';
