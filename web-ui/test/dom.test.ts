import { describe, expect, it } from "vitest";
import { el, link, render, startLoad } from "../src/dom";

describe("el", () => {
  it("keeps markup in people's text as text", () => {
    const node = el("p", {}, "<img src=x onerror=alert(1)> <b>bold</b>");
    expect(node.children).toHaveLength(0);
    expect(node.textContent).toBe("<img src=x onerror=alert(1)> <b>bold</b>");
  });

  it("refuses event-handler attributes", () => {
    expect(() => el("button", { onclick: "alert(1)" })).toThrow(/listen/);
  });
});

describe("link", () => {
  it("links app routes and http(s) addresses, and shows any other scheme as text", () => {
    expect(link("#/models/olmo", "OLMo").getAttribute("href")).toBe("#/models/olmo");
    const external = link("https://example.org/licence", "licence");
    expect(external.getAttribute("rel")).toBe("noopener noreferrer");
    const script = link("javascript:alert(1)", "click");
    expect(script.tagName).toBe("SPAN");
    expect(script.getAttribute("href")).toBeNull();
  });
});

describe("render", () => {
  it("replaces what a node shows and skips empty children", () => {
    const root = el("div", {}, "old");
    render(root, "new", null, false, el("span", {}, "x"));
    expect(root.textContent).toBe("newx");
  });
});

describe("startLoad", () => {
  it("tells an older load that a newer one started on the same root, and keeps roots apart", () => {
    const page = el("div", {});
    const other = el("div", {});
    const first = startLoad(page);
    const elsewhere = startLoad(other);
    expect(first()).toBe(true);
    const second = startLoad(page);
    expect(first()).toBe(false);
    expect(second()).toBe(true);
    expect(elsewhere()).toBe(true);
  });
});
