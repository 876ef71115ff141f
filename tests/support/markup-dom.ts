import { SaxesParser } from 'saxes';

/** A parsed element: enough DOM for asserting the structure of server-rendered markup in unit tests. */
export interface El {
  name: string;
  attrs: Record<string, string>;
  children: (El | string)[];
}

/**
 * Parses rendered markup strictly as XML (so unclosed or mis-nested tags fail the test); HTML boolean
 * attributes written bare (`<details open>`) are accepted.
 */
export function parseMarkup(markup: string): El {
  const xml = markup.replace(/ (open|hidden|disabled|checked|selected)(?=[ />])/g, ' $1=""');
  const root: El = { name: '#root', attrs: {}, children: [] };
  const stack: El[] = [root];
  const parser = new SaxesParser();
  parser.on('opentag', (node) => {
    const el: El = { name: node.name, attrs: { ...(node.attributes as Record<string, string>) }, children: [] };
    stack.at(-1)?.children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (t) => void stack.at(-1)?.children.push(t));
  parser.write(`<root>${xml}</root>`).close();
  return root;
}

const classes = (el: El) => (el.attrs.class ?? '').split(/\s+/).filter(Boolean);

/** Elements matching `tag`, `.class`, `tag.class.other` (no combinators), in document order. */
export function all(root: El, selector: string): El[] {
  const [tag, ...want] = selector.split('.');
  const out: El[] = [];
  const visit = (el: El) => {
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      if ((!tag || c.name === tag) && want.every((w) => classes(c).includes(w))) out.push(c);
      visit(c);
    }
  };
  visit(root);
  return out;
}

export function one(root: El, selector: string): El {
  const found = all(root, selector);
  if (found.length !== 1) throw new Error(`expected one ${selector}, found ${found.length}`);
  return found[0] as El;
}

/** Text content, concatenated. */
export function text(el: El): string {
  return el.children.map((c) => (typeof c === 'string' ? c : text(c))).join('');
}

export function byId(root: El, id: string): El | undefined {
  return all(root, '').find((e) => e.attrs.id === id);
}
