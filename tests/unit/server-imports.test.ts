// A value imported from a `.server` module is `undefined` in the browser: Remix's compiler swaps
// the module for an empty one in the client bundle. A component that renders such a value (a
// page size, a list of choices) renders one thing on the server and another on hydration (React
// error #418) or throws. This test finds every such use in the route and component modules.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

import ts from "typescript";
import { describe, expect, it } from "vitest";

/** Top-level functions that run only on the server. */
const SERVER_ONLY_EXPORTS = new Set(["loader", "action", "headers"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.server\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The names a module imports as values from `.server` modules. */
function serverValueImports(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const from = (statement.moduleSpecifier as ts.StringLiteral).text;
    const clause = statement.importClause;
    if (!/\.server$/.test(from) || !clause || clause.isTypeOnly) continue;
    if (clause.name) names.add(clause.name.text);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) if (!element.isTypeOnly) names.add(element.name.text);
    }
  }
  return names;
}

function declaredName(statement: ts.Statement): string | undefined {
  if (ts.isFunctionDeclaration(statement)) return statement.name?.text;
  if (ts.isVariableStatement(statement)) {
    const [first] = statement.declarationList.declarations;
    if (!first) return undefined;
    if (ts.isIdentifier(first.name)) return first.name.text;
    // `export const { loader, action } = apiRoute(...)`
    const names = first.name.elements.map((element) => element.getText());
    if (names.every((name) => SERVER_ONLY_EXPORTS.has(name))) return "loader";
  }
  return undefined;
}

/** `file: name` for every server value used outside the loader, the action and server helpers. */
function clientUsesOfServerValues(file: string, text = readFileSync(file, "utf8")): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const imported = serverValueImports(source);
  if (imported.size === 0) return [];
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) continue;
    if (ts.isInterfaceDeclaration(statement)) continue;
    const name = declaredName(statement);
    if (name && SERVER_ONLY_EXPORTS.has(name)) continue;
    // Components (capitalised, or the default export) and `meta`/`links`/`handle` run in the
    // browser; lower-case helpers are checked too unless only the server calls them, which a
    // syntactic test cannot tell, so they count when a component calls them.
    const runsInBrowser =
      !name ||
      /^[A-Z]/.test(name) ||
      ["meta", "links", "handle"].includes(name) ||
      (ts.isFunctionDeclaration(statement) &&
        statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword));
    if (!runsInBrowser) continue;
    const visit = (node: ts.Node) => {
      if (ts.isIdentifier(node) && imported.has(node.text)) {
        const parent = node.parent;
        // a property name (`x.PAGE_SIZE`) or an object key is not the import
        const isKey =
          (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
          (ts.isPropertyAssignment(parent) && parent.name === node);
        if (!isKey) found.push(`${file}: ${node.text}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(statement);
  }
  return found;
}

describe("values from .server modules", () => {
  it("are never used by code that runs in the browser", () => {
    const files = [...sourceFiles("app/routes"), ...sourceFiles("app/components"), "app/root.tsx"];
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((file) => clientUsesOfServerValues(file))).toEqual([]);
  });

  it("the check finds a page size imported from a model and rendered by the page", () => {
    const fixture = [
      'import { PAGE_SIZE, listThings } from "~/models/things.server";',
      "export async function loader() { return listThings({ take: PAGE_SIZE }); }",
      "export default function Page() { return <p>{PAGE_SIZE}</p>; }",
    ].join("\n");
    expect(clientUsesOfServerValues("page.tsx", fixture)).toEqual(["page.tsx: PAGE_SIZE"]);
    const fixed = fixture.replace("{PAGE_SIZE}", "{20}");
    expect(clientUsesOfServerValues("page.tsx", fixed)).toEqual([]);
  });
});
