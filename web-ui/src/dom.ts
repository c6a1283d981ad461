// Building DOM nodes without ever parsing markup: every string becomes a text node, so text that
// people wrote (rationales, reasons, names) can never run as HTML.

export type Child = Node | string | number | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name.startsWith("on")) throw new Error(`event handlers are attached with listen(), not attributes: ${name}`);
    node.setAttribute(name, value === true ? "" : value);
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" || typeof child === "number"
      ? document.createTextNode(String(child)) : child);
  }
}

/** A link inside the app (hash routes), or to a safe http(s) URL; anything else is shown as text. */
export function link(href: string, ...children: Child[]): HTMLElement {
  if (href.startsWith("#/") || /^https?:\/\//i.test(href)) {
    const a = el("a", { href }, ...children);
    if (!href.startsWith("#/")) a.setAttribute("rel", "noopener noreferrer");
    return a;
  }
  return el("span", {}, ...children);
}

const loads = new WeakMap<Node, number>();

/**
 * Starts a load of what {@code root} shows; the answer says whether it is still the newest one, so
 * that a load that finishes after a newer one does not draw over it.
 */
export function startLoad(root: Node): () => boolean {
  const load = (loads.get(root) ?? 0) + 1;
  loads.set(root, load);
  return () => loads.get(root) === load;
}

/** Replaces what {@code root} shows with {@code children} (null, undefined and false are skipped). */
export function render(root: Node & ParentNode, ...children: Child[]): void {
  root.replaceChildren();
  append(root, ...children);
}
