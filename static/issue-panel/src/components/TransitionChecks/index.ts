export { TransitionChecks } from './TransitionChecks';
