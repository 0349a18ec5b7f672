// Exits non-zero when the AsyncAPI parser reports an error, so a broken document fails the build.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Parser, DiagnosticSeverity } from "@asyncapi/parser";

const file = path.resolve(process.argv[2] ?? "../asyncapi.yaml");
const parser = new Parser();
// The source lets relative $refs (openapi.yaml#/...) resolve next to the document.
const { document, diagnostics } = await parser.parse(await readFile(file, "utf8"), {
  source: file,
});

const names = Object.fromEntries(
  Object.entries(DiagnosticSeverity).map(([name, value]) => [value, name]),
);
for (const d of diagnostics) {
  const where = d.path && d.path.length ? d.path.join(".") : "(document)";
  console.log(`${names[d.severity] ?? d.severity} ${d.code}: ${d.message} at ${where}`);
}
const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
if (errors.length > 0 || document === undefined) {
  console.error(`${file}: ${errors.length} error(s)`);
  process.exit(1);
}
console.log(`${file}: valid AsyncAPI ${document.version()}`);
