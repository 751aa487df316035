/** ISSUE 6 A4: a rule's configuration as an object or as JSON text, read the same by the validator and the post function. */
import { LIFECYCLE_PROPERTY_KEY } from '../../../src/application/lifecycle-property';
import { readRuleConfiguration } from '../../../src/application/transitions/rule-configuration';
import { validateTransition } from '../../../src/application/transitions/validate-transition';
import { exceptionFields, fakeSite } from './exception-site';

describe('readRuleConfiguration', () => {
  it.each<[string, unknown, unknown, unknown]>([
    ['an object', { transition: 'approve' }, 'approve', 'approve'],
    ['JSON text', '{"transition":"approve"}', 'approve', 'approve'],
    ['JSON text with other members', '{"transition":"revert","disabled":false}', 'revert', 'revert'],
    ['an unknown transition', { transition: 'promote' }, undefined, 'promote'],
    ['JSON text naming an unknown transition', '{"transition":7}', undefined, 7],
    ['text that is not JSON', 'approve', undefined, undefined],
    ['JSON text that is not an object', '"approve"', undefined, undefined],
    ['an array', ['approve'], undefined, undefined],
    ['nothing', undefined, undefined, undefined],
    ['null', null, undefined, undefined],
  ])('reads %s', (_case, raw, transition, configured) => {
    expect(readRuleConfiguration(raw)).toEqual({ transition, configured });
  });
});

describe('the validator reads a configuration delivered as JSON text', () => {
  it.each([
    ['an object', { transition: 'approve' }],
    ['JSON text', '{"transition":"approve"}'],
  ])(
    'passes a reviewer approving a complete exception, configuration as %s',
    async (_form, configuration) => {
      const site = await fakeSite();
      site.issues.put({
        id: '10012',
        key: 'SEC-12',
        fields: exceptionFields(),
        properties: {
          [LIFECYCLE_PROPERTY_KEY]: { version: 1, history: [], nextActionAt: null, policyVersion: 1 },
        },
      });
      const outcome = await validateTransition(
        {
          issueKey: 'SEC-12',
          configuration,
          modifiedFields: {},
          actorClaim: { kind: 'named', accountId: 'cy' },
        },
        site.deps(),
      );
      expect(outcome).toEqual({ answer: { result: true } });
    },
  );
});
