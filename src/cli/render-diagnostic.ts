import type { Diagnostic } from "../diagnostics/diagnostic.js";

export interface RenderOptions {
  readonly colour: boolean;
}

const styles = { red: "\u001b[31m", yellow: "\u001b[33m", cyan: "\u001b[36m", bold: "\u001b[1m", dim: "\u001b[2m", reset: "\u001b[0m" } as const;

/**
 * `line:column code: message`, the source line, a caret run under the span, then the hint and
 * the fix. Lines and columns count from 1; columns count UTF-16 units, like the offsets.
 */
export function renderDiagnostic(text: string, diagnostic: Diagnostic, options: RenderOptions): string {
  const paint = (style: keyof typeof styles, s: string): string => (options.colour ? styles[style] + s + styles.reset : s);
  const lineStart = text.lastIndexOf("\n", diagnostic.start - 1) + 1;
  const newline = text.indexOf("\n", diagnostic.start);
  const lineEnd = newline === -1 ? text.length : newline;
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, "");
  const lineNumber = countLines(text, lineStart);
  const column = diagnostic.start - lineStart + 1;
  const caretEnd = Math.min(Math.max(diagnostic.end, diagnostic.start + 1), lineEnd + 1);
  const caretPad = visibleWidth(line.slice(0, diagnostic.start - lineStart));
  const caretRun = "^".repeat(Math.max(1, visibleWidth(text.slice(diagnostic.start, Math.min(caretEnd, lineEnd)))));
  const colourOf = diagnostic.severity === "error" ? "red" : "yellow";
  const out = [
    `${lineNumber}:${column} ${paint(colourOf, paint("bold", diagnostic.code))}: ${diagnostic.message}`,
    `  ${displayLine(line)}`,
    `  ${" ".repeat(caretPad)}${paint(colourOf, caretRun)}`,
  ];
  if (diagnostic.hint) out.push(`  ${paint("cyan", "hint")}: ${diagnostic.hint}`);
  if (diagnostic.fix) out.push(`  ${paint("cyan", "fix")}: ${describeFix(text, diagnostic.fix)}`);
  return out.join("\n");
}

function describeFix(text: string, fix: NonNullable<Diagnostic["fix"]>): string {
  const replaced = text.slice(fix.start, fix.end);
  if (replaced === "") return `insert ${JSON.stringify(fix.replacement)} at ${fix.start}`;
  if (fix.replacement === "") return `remove ${JSON.stringify(replaced)}`;
  return `replace ${JSON.stringify(replaced)} with ${JSON.stringify(fix.replacement)}`;
}

function countLines(text: string, upTo: number): number {
  let lines = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < upTo; i = text.indexOf("\n", i + 1)) lines++;
  return lines;
}

/** Tabs and other control characters would move the caret; show them as one space each. */
function displayLine(line: string): string {
  return line.replace(/[\u0000-\u001f\u007f]/g, " ");
}

function visibleWidth(s: string): number {
  let width = 0;
  for (const ch of s) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return width;
}
