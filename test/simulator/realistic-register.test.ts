/**
 * The realistic register the sandbox, the KPI tests and the benchmarks seed from: every status present, valid
 * histories, and nothing the planner would still do at `now` (the app has been running all along), the same for a
 * seed every time.
 */
import { realisticRegister } from '../../simulator/seed/realistic-register';
import { planActions } from '../../src/domain/planner';
import { defaultPolicy } from '../../src/domain/policy-schema';
import { parseRegister } from '../../src/domain/register';
import { STATUSES } from '../../src/domain/vocabulary';

const NOW = '2026-11-29T09:00:00Z';
const policy = defaultPolicy();
const options = { count: 240, projects: ['SEC', 'OPS', 'PAY'], now: NOW, policy };

describe('realisticRegister', () => {
  const register = realisticRegister(options);

  it('is a valid register that the register parser reads back unchanged', () => {
    const parsed = parseRegister(JSON.parse(JSON.stringify(register)));
    expect(parsed.ok && parsed.register).toEqual(register);
  });

  it('holds every status and deals the exceptions to the projects in turn', () => {
    expect(new Set(register.exceptions.map((exception) => exception.status))).toEqual(new Set(STATUSES));
    expect(register.exceptions.slice(0, 4).map((exception) => exception.key)).toEqual([
      'SEC-1',
      'OPS-1',
      'PAY-1',
      'SEC-2',
    ]);
  });

  it('leaves nothing due at now: the app has done everything the planner asked', () => {
    expect(register.exceptions.flatMap((exception) => planActions(exception, policy, NOW))).toEqual([]);
  });

  it('creates every exception in the 12 months before now', () => {
    const created = register.exceptions.map((exception) => exception.createdAt).sort();
    expect(created[0]! >= '2025-11-29').toBe(true);
    expect(created.at(-1)! < NOW).toBe(true);
  });

  it('is the same register for the same seed, another for another', () => {
    expect(realisticRegister(options)).toEqual(register);
    expect(realisticRegister({ ...options, seed: 7 })).not.toEqual(register);
  });
});
