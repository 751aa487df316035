import {
  ImportRegisterResponseSchema,
  type ImportRegisterRequest,
  type ImportRegisterResponse,
} from '@contracts/admin-import';
import { callAdmin } from './call-admin';

export interface ImportCall {
  readonly projectKey: string;
  readonly format: 'json' | 'csv';
  readonly content: string;
  readonly mapping?: NonNullable<ImportRegisterRequest['mapping']>;
  readonly dryRun: boolean;
  readonly cursor: number;
}

export const importRegister = (call: ImportCall): Promise<ImportRegisterResponse> =>
  callAdmin(
    'importRegister',
    {
      projectKey: call.projectKey,
      format: call.format,
      content: call.content,
      ...(call.mapping === undefined ? {} : { mapping: call.mapping }),
      dryRun: call.dryRun,
      cursor: call.cursor,
    },
    ImportRegisterResponseSchema,
  );
