/**
 * Resolver function of the admin page (policy, setup, self-check, export, import): one defineResolver per resolver, each
 * the contract's request schema and one use case. The use cases are for Jira admins and say so themselves
 * (adminUseCase); defineResolver checks that before it looks at the payload.
 */
import Resolver from '@forge/resolver';
import { getJob } from '../application/jobs/get-job';
import { exportSiteRegister } from '../application/register/export-site-register';
import { importRegister } from '../application/register/import/import-register';
import { getExportPart } from '../application/register/get-export-part';
import { startExport } from '../application/register/start-export';
import { getPolicy } from '../application/policy/get-policy';
import { listPolicyVersions } from '../application/policy/list-policy-versions';
import { savePolicy } from '../application/policy/save-policy';
import { validatePolicy } from '../application/policy/validate-policy';
import { getSweepStatus } from '../application/lifecycle/sweep-history';
import { listTriggerTokens, rotateTriggerToken } from '../application/ignore-files/trigger-tokens';
import { getPlatformSelfCheck } from '../application/self-check/get-platform-self-check';
import { getSetupStatus } from '../application/setup/get-setup-status';
import { runSetup } from '../application/setup/run-setup';
import {
  GetPolicyRequestSchema,
  ListPolicyVersionsRequestSchema,
  SavePolicyRequestSchema,
  ValidatePolicyRequestSchema,
} from '../contracts/admin-policy';
import { ExportRegisterRequestSchema } from '../contracts/admin-export';
import { ImportRegisterRequestSchema } from '../contracts/admin-import';
import { GetExportPartRequestSchema, GetJobRequestSchema } from '../contracts/admin-jobs';
import { GetPlatformSelfCheckRequestSchema } from '../contracts/admin-self-check';
import { GetSweepStatusRequestSchema } from '../contracts/admin-sweeps';
import { GetSetupStatusRequestSchema } from '../contracts/admin-setup';
import {
  ListTriggerTokensRequestSchema,
  RotateTriggerTokenRequestSchema,
} from '../contracts/admin-trigger-tokens';
import { defineResolver } from './define-resolver';
import { RunSetupPayloadSchema } from './run-setup-request';

export const adminResolver = new Resolver()
  .define('getPolicy', defineResolver(GetPolicyRequestSchema, getPolicy))
  .define('validatePolicy', defineResolver(ValidatePolicyRequestSchema, validatePolicy))
  .define('savePolicy', defineResolver(SavePolicyRequestSchema, savePolicy))
  .define('listPolicyVersions', defineResolver(ListPolicyVersionsRequestSchema, listPolicyVersions))
  .define('getSetupStatus', defineResolver(GetSetupStatusRequestSchema, getSetupStatus))
  .define('runSetup', defineResolver(RunSetupPayloadSchema, runSetup))
  .define('exportRegister', defineResolver(ExportRegisterRequestSchema, exportSiteRegister))
  .define('importRegister', defineResolver(ImportRegisterRequestSchema, importRegister))
  .define('startExport', defineResolver(ExportRegisterRequestSchema, startExport))
  .define('getJob', defineResolver(GetJobRequestSchema, getJob))
  .define('getExportPart', defineResolver(GetExportPartRequestSchema, getExportPart))
  .define('getPlatformSelfCheck', defineResolver(GetPlatformSelfCheckRequestSchema, getPlatformSelfCheck))
  .define('getSweepStatus', defineResolver(GetSweepStatusRequestSchema, getSweepStatus))
  .define('rotateTriggerToken', defineResolver(RotateTriggerTokenRequestSchema, rotateTriggerToken))
  .define('listTriggerTokens', defineResolver(ListTriggerTokensRequestSchema, listTriggerTokens))
  .getDefinitions();
