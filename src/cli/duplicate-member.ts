/**
 * JSON.parse keeps the last of two members with the same name in one object, silently: a register with `status`
 * twice in a record would be read as whichever came last, while another tool reads the first. The command line
 * refuses such a file instead (ISSUE6 B10). This scans text JSON.parse has already accepted, so it only needs to
 * track where it is, not to validate.
 */
export interface DuplicateMember {
  /** Where the object holding the duplicate is: member names and array indexes from the document's root. */
  readonly path: readonly (string | number)[];
  /** The member's name as decoded ("a" and "\u0061" are the same name). */
  readonly member: string;
}

interface Frame {
  readonly kind: 'object' | 'array';
  readonly names: Set<string>;
  /** In an object: the member whose value comes next; in an array: the index of the next element. */
  position: string | number;
  expectingName: boolean;
}

const STRING = /"(?:[^"\\]|\\.)*"/y;

export const findDuplicateMember = (text: string): DuplicateMember | undefined => {
  const stack: Frame[] = [];
  const pathTo = (): (string | number)[] => stack.slice(0, -1).map((frame) => frame.position);
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    const top = stack.at(-1);
    if (char === '{' || char === '[') {
      stack.push({
        kind: char === '{' ? 'object' : 'array',
        names: new Set(),
        position: 0,
        expectingName: true,
      });
    } else if (char === '}' || char === ']') {
      stack.pop();
    } else if (char === ',' && top !== undefined) {
      if (top.kind === 'object') top.expectingName = true;
      else top.position = Number(top.position) + 1;
    } else if (char === '"') {
      STRING.lastIndex = index;
      const token = STRING.exec(text)?.[0] ?? '""';
      index += token.length - 1;
      if (top?.kind === 'object' && top.expectingName) {
        const name = JSON.parse(token) as string;
        if (top.names.has(name)) return { path: pathTo(), member: name };
        top.names.add(name);
        top.position = name;
        top.expectingName = false;
      }
    }
  }
  return undefined;
};
