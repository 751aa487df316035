import { hasContent } from '../visible-text';
import { fail, PASS, type Rule } from './rule';

const CODE = 'affected-assets-missing';
const MESSAGE = 'Affected Assets needs at least one asset identifier, such as prod-db-01.';

/** The register must say what is excepted: a label of invisible characters or punctuation names no asset. */
export const affectedAssetsMissing: Rule = {
  code: CODE,
  evaluate: ({ after }) => {
    if (after.affectedAssets.some(hasContent)) return PASS;
    return fail(
      CODE,
      after.affectedAssets.length === 0
        ? MESSAGE
        : `${MESSAGE} An identifier needs a letter or a digit: invisible characters, punctuation and placeholders such as "n/a" do not name an asset.`,
    );
  },
};
