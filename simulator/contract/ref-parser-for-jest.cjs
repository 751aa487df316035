// Stands in for @apidevtools/json-schema-ref-parser under jest only (jest.config.js moduleNameMapper).
// openapi-backend requires that package, which is ES-module-only: Node 20 loads it, jest's loader cannot.
// The simulator runs openapi-backend in quick mode, which calls parse() on an already parsed document and
// never dereferences through the package; anything else fails loudly instead of silently doing nothing.
'use strict';

const notAvailable = (name) => () => {
  throw new Error(
    `@apidevtools/json-schema-ref-parser.${name} is not available under jest (see jest.config.js)`,
  );
};

module.exports = {
  parse: async (document) => {
    if (typeof document !== 'object' || document === null) return notAvailable('parse')();
    return document;
  },
  dereference: notAvailable('dereference'),
  resolve: notAvailable('resolve'),
};
