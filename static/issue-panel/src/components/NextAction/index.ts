export { NextAction } from './NextAction';
