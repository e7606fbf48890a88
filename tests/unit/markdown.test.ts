import { describe, expect, it } from "vitest";

import { isSafeHref, markdownProblem, markdownText, renderMarkdown } from "~/utils/markdown.server";

/** Hostile sources: each must be refused at validation and rendered without anything active. */
const HOSTILE: [string, string, "html" | "unsafeLink"][] = [
  ["script block", "<script>alert(document.cookie)</script>", "html"],
  ["inline script", "正文 <script>alert(1)</script> 结束", "html"],
  ["img onerror", "<img src=x onerror=alert(1)>", "html"],
  ["HTML block", '<div onclick="alert(1)">\n点我\n</div>', "html"],
  ["iframe", '<iframe src="https://evil.example"></iframe>', "html"],
  ["javascript link", "[点此](javascript:alert(1))", "unsafeLink"],
  ["javascript link, mixed case and a tab", "[点此](JaVa\tScRiPt:alert(1))", "unsafeLink"],
  ["javascript link in angle brackets", "[点此](<javascript:alert(1)>)", "unsafeLink"],
  ["javascript reference link", "[点此][1]\n\n[1]: javascript:alert(1)", "unsafeLink"],
  ["javascript autolink", "<javascript:alert(1)>", "unsafeLink"],
  ["data link", "[下载](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "unsafeLink"],
  ["data image", "![图](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)", "unsafeLink"],
  ["vbscript link", "[x](vbscript:msgbox(1))", "unsafeLink"],
  ["file link", "[x](file:///etc/passwd)", "unsafeLink"],
];

describe("markdownProblem", () => {
  it.each(HOSTILE)("refuses %s", (_label, source, problem) => {
    expect(markdownProblem(source)).toBe(problem);
  });

  it("accepts ordinary notice Markdown: headings, lists, tables, web and portal links", () => {
    const source = [
      "## 申请条件",
      "",
      "1. 注册满一年",
      "2. 纳税信用 **B 级**以上",
      "",
      "| 项目 | 额度 |",
      "|---|--:|",
      "| 信用贷 | 300 万元 |",
      "",
      "详见[政策原文](https://www.zhengzhou.gov.cn/policy.html)，或[在线申请](/products)，邮件 <mailto:xyd@example.cn>。",
      "",
      "文中的 <不是标签> 和 a < b 都是正文。",
    ].join("\n");
    expect(markdownProblem(source)).toBeNull();
  });
});

describe("renderMarkdown", () => {
  it.each(HOSTILE)("renders %s without any tag, handler or address that runs", (_label, source) => {
    const html = renderMarkdown(source);
    const tags = [...html.matchAll(/<([a-z0-9]+)([^>]*)>/gi)];
    for (const [, name, attributes] of tags) {
      expect(["p", "a", "h2", "ul", "li", "strong"]).toContain(name);
      for (const [, attribute] of attributes.matchAll(/\s([a-z-]+)=/gi))
        expect(["href", "rel"]).toContain(attribute);
    }
    expect(html).not.toMatch(/href="\s*(javascript|data|vbscript|file):/i);
    expect(html).toMatch(/^<p>/);
  });

  it("escapes raw HTML as text", () => {
    expect(renderMarkdown("<b>粗</b>")).toBe("<p>&lt;b&gt;粗&lt;/b&gt;</p>\n");
  });

  it("keeps the markup a notice needs, with headings one level down and links marked", () => {
    const html = renderMarkdown("# 标题\n\n- 一\n- 二\n\n[原文](https://example.cn/a?b=1&c=2)");
    expect(html).toBe(
      '<h2>标题</h2>\n<ul>\n<li>一</li>\n<li>二</li>\n</ul>\n<p><a href="https://example.cn/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">原文</a></p>\n',
    );
  });

  it("turns an image into a link to it (no images load from elsewhere)", () => {
    expect(renderMarkdown("![流程图](https://example.cn/flow.png)")).toBe(
      '<p><a href="https://example.cn/flow.png" rel="noopener noreferrer nofollow">流程图</a></p>\n',
    );
  });

  it("keeps table alignment and nothing else of a style", () => {
    const html = renderMarkdown("| a | b |\n|:-|-:|\n| 1 | 2 |");
    expect(html).toContain('<th style="text-align:left">a</th>');
    expect(html).toContain('<td style="text-align:right">2</td>');
  });
});

describe("isSafeHref", () => {
  it.each([
    ["https://example.cn", true],
    ["http://example.cn", true],
    ["mailto:xyd@example.cn", true],
    ["/help/apply", true],
    ["#steps", true],
    ["//evil.example/x", false],
    ["javascript:alert(1)", false],
    [" javascript:alert(1)", false],
    ["data:text/html,x", false],
    ["ftp://example.cn", false],
  ])("%s → %s", (href, safe) => {
    expect(isSafeHref(href)).toBe(safe);
  });
});

describe("markdownText", () => {
  it("is the text without markup, for search and summaries", () => {
    expect(markdownText("## 第一步\n\n打开 **产品** 页面 & 点击[申请](/products)。")).toBe(
      "第一步 打开 产品 页面 & 点击申请。",
    );
  });
});

describe("renderMarkdown with a link rule", () => {
  it("keeps the links the rule accepts and the text of those it refuses", () => {
    const html = renderMarkdown("[信用报告](/enterprise/credit) 与 [产品](/products)", {
      linkable: (href) => !href.startsWith("/enterprise"),
    });
    expect(html).not.toContain('href="/enterprise/credit"');
    expect(html).toContain("信用报告");
    expect(html).toContain('<a href="/products" rel="noopener noreferrer nofollow">产品</a>');
  });
});
