/** The lifecycle planner (DESIGN.md §5). */
export {
  PLANNED_ACTIONS,
  PlannedActionSchema,
  type PlannedAction,
  type PlannedActionName,
} from './planned-action';
export { nextActionAt, pendingActions, planActions, planRegister } from './plan';
