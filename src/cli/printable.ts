/**
 * What the command line prints is safe on a terminal (ISSUE6 B10): register text comes from requesters, and an
 * ANSI escape sequence, a C1 control or a bidi override in it could rewrite the screen or disguise what is shown
 * (CVE-2021-42574, "Trojan Source", for bidi).
 */

/** CSI and other escape sequences (7-bit ESC and 8-bit CSI forms). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ANSI_SEQUENCE = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B[@-Z\\-_]|\u009B[0-?]*[ -/]*[@-~]/g;
/** C0 controls but tab, LF and CR; DEL; C1 controls; bidi marks, embeddings, overrides and isolates. */
const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const LINE_BREAK = /\r\n?|\n/g;

/** Text with escape sequences and unprintable characters removed; tab, LF and CR kept (CSV needs CRLF). */
export const printable = (text: string): string => text.replace(ANSI_SEQUENCE, '').replace(UNPRINTABLE, '');

/** One message line: printable, and its own line breaks shown as spaces. */
export const printableLine = (text: string): string => printable(text).replace(LINE_BREAK, ' ');

/**
 * JSON text with every unprintable character written as a \u escape: the document means the same to a JSON reader
 * and shows nothing dangerous on a terminal. JSON.stringify already escapes C0 controls, not C1 or bidi ones.
 */
export const printableJson = (json: string): string =>
  json.replace(UNPRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
