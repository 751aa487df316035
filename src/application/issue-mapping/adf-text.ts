/**
 * Plain text of a rich-text (paragraph) field as the rules and the register read it. Jira REST v3 returns
 * paragraph fields as Atlassian Document Format; plain text fields, older data and some validator payloads carry
 * a string. Blocks (paragraphs, list items, headings) become lines; inline nodes are joined as a person reads them.
 */

const INLINE_TYPES = new Set([
  'text',
  'hardBreak',
  'mention',
  'emoji',
  'inlineCard',
  'date',
  'status',
  'mediaInline',
  'inlineExtension',
  'placeholder',
]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const stringAttr = (node: Record<string, unknown>, name: string): string => {
  const attrs = node.attrs;
  if (!isRecord(attrs)) return '';
  const value = attrs[name];
  return typeof value === 'string' ? value : '';
};

const inlineText = (node: Record<string, unknown>): string => {
  switch (node.type) {
    case 'text':
      return typeof node.text === 'string' ? node.text : '';
    case 'hardBreak':
      return '\n';
    case 'mention':
      return stringAttr(node, 'text');
    case 'emoji':
      return stringAttr(node, 'text') || stringAttr(node, 'shortName');
    case 'inlineCard':
      return stringAttr(node, 'url');
    case 'date': {
      const timestamp = Number(stringAttr(node, 'timestamp'));
      return Number.isFinite(timestamp) && timestamp > 0
        ? new Date(timestamp).toISOString().slice(0, 10)
        : '';
    }
    case 'status':
      return stringAttr(node, 'text');
    default:
      return '';
  }
};

const nodeText = (node: unknown): string => {
  if (!isRecord(node)) return '';
  if (typeof node.type === 'string' && INLINE_TYPES.has(node.type)) return inlineText(node);
  const children = Array.isArray(node.content) ? node.content : [];
  const allInline = children.every(
    (child) => isRecord(child) && typeof child.type === 'string' && INLINE_TYPES.has(child.type),
  );
  // A paragraph's children run on one line; a container's blocks each start a new one.
  return allInline
    ? children.map(nodeText).join('')
    : children
        .map(nodeText)
        .filter((line) => line !== '')
        .join('\n');
};

/** The text of an ADF document or a plain string; '' for anything else (null, a cleared field). */
export const adfToText = (value: unknown): string => {
  if (typeof value === 'string') return value;
  return nodeText(value).trim();
};
