export { AnswerView } from './AnswerView';
