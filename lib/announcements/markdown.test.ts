import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

describe("renderMarkdown", () => {
  it("renders headings, emphasis and lists", () => {
    const html = renderMarkdown("# Launch\n\n**Now** live:\n\n- web\n- app");
    expect(html).toContain("<h1>Launch</h1>");
    expect(html).toContain("<strong>Now</strong>");
    expect(html).toContain("<li>web</li>");
  });

  it("shows raw HTML as text instead of running it", () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\nhi <img src=x onerror="alert(1)">');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });

  it("keeps web and mail links and drops script links", () => {
    expect(renderMarkdown("[site](https://example.com)")).toContain('<a href="https://example.com" rel="noopener noreferrer">site</a>');
    expect(renderMarkdown("[mail](mailto:pr@example.com)")).toContain('href="mailto:pr@example.com"');
    const html = renderMarkdown("[click](javascript:alert(1)) ![x](javascript:alert(1))");
    expect(html).not.toContain("javascript:");
    expect(html).toContain("click");
  });

  it("escapes quotes in link titles", () => {
    expect(renderMarkdown('[a](https://e.com "x\\" onmouseover=\\"y")')).not.toMatch(/title="x" onmouseover/);
  });
});
