/**
 * Resolver function of the KPI dashboard gadget (DESIGN.md §6): `getKpis`, the gadget's numbers for its
 * configuration, over only what the viewer may browse (src/application/kpi/get-kpis.ts).
 */
import Resolver from '@forge/resolver';
import { getKpis } from '../application/kpi/get-kpis';
import { GetKpisRequestSchema } from '../contracts/gadget-kpis';
import { defineResolver } from './define-resolver';

export const gadgetResolver = new Resolver()
  .define('getKpis', defineResolver(GetKpisRequestSchema, getKpis))
  .getDefinitions();
