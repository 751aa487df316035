/**
 * Text and attribute values for XML 1.0 (w3.org/TR/xml/#charsets and #syntax): characters XML cannot carry at all
 * (most C0 controls, lone surrogates, U+FFFE, U+FFFF) are dropped, and the five markup characters are escaped,
 * so no value can close an element, open one, or end an attribute.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export const xmlEscape = (value: string): string =>
  value.replace(NOT_XML, '').replace(/[&<>"']/g, (character) => ESCAPES[character] ?? '');
