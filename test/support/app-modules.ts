// The app's modules as read from manifest.yml live with the simulator's seed (one module for tests, benchmarks and
// the standalone server); re-exported here for the tests that import them from their old place.
export {
  APP_ID,
  APP_NAME,
  ENVIRONMENT_ID,
  ISSUE_PROPERTY_INDEXES,
  WORKFLOW_RULE_MODULES,
} from '../../simulator/seed/app-modules';
