export {
  parseRegister,
  describeProblem,
  type RegisterProblem,
  type RegisterParseResult,
} from './parse-register';
export { toExportRow, inAuditWindow, EXPORT_COLUMNS, type ExportRow } from './export-rows';
export { toRegisterDocument, withoutMappingNotes } from './register-document';
