import { fail, PASS, type Rule } from './rule';

const CODE = 'affected-assets-missing';

/** The register must say what is excepted. */
export const affectedAssetsMissing: Rule = {
  code: CODE,
  evaluate: ({ after }) =>
    after.affectedAssets.length === 0
      ? fail(CODE, 'Affected Assets needs at least one asset identifier, such as prod-db-01.')
      : PASS,
};
