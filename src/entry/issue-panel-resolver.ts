/**
 * Resolver function of the issue panel (DESIGN.md §1): `getExceptionSummary`, where the Exception issue stands for
 * the person viewing it (src/application/issue-panel/get-exception-summary.ts).
 */
import Resolver from '@forge/resolver';
import { getExceptionSummary } from '../application/issue-panel/get-exception-summary';
import { GetExceptionSummaryRequestSchema } from '../contracts/issue-panel';
import { defineResolver } from './define-resolver';

export const issuePanelResolver = new Resolver()
  .define('getExceptionSummary', defineResolver(GetExceptionSummaryRequestSchema, getExceptionSummary))
  .getDefinitions();
