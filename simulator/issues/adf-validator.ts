import Ajv04 from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv';

let validate: ValidateFunction | undefined;

/**
 * Atlassian Document Format check against @atlaskit/adf-schema's JSON schema (draft-04, hence ajv-draft-04).
 * Compiled on first use (~1 s) and kept for the process.
 */
export const isValidAdf = (value: unknown): boolean => {
  if (validate === undefined) {
    // A JSON file loaded at run time: require keeps it out of the TypeScript program (it is 1 MB of schema).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const schema = require('@atlaskit/adf-schema/dist/json-schema/v1/full.json') as object;
    validate = new Ajv04({ strict: false, allErrors: false }).compile(schema);
  }
  return validate(value);
};
