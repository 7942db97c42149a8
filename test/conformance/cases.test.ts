import { describe, expect, it } from "vitest";
import { answerCase } from "../../src/conformance/answer-case.js";
import { caseFilesIn, conformanceDirectory, loadCases } from "../../src/conformance/case-files.js";
import { judgeAnswer } from "../../src/conformance/judge-answer.js";
import { requestOf } from "../../src/conformance/protocol.js";

const directory = conformanceDirectory()!;
const loaded = loadCases(caseFilesIn(directory));

describe("the conformance case files", () => {
  it("are found in the package's conformance/ folder and hold the shared kinds", () => {
    expect(directory).toMatch(/conformance$/);
    const kinds = new Set(loaded.map((entry) => entry.testCase.kind));
    for (const kind of ["operators", "logic", "strings", "types", "fields", "limits", "call-form", "numbers", "sort", "ordering", "syntax-errors", "datetimes", "targets", "free-text", "catalogue", "bare-words", "date-day", "relative-dates", "regex", "empty-and-whitespace", "evaluation"]) {
      expect(kinds).toContain(kind);
    }
  });
});

describe.each(loaded.map((entry) => [entry.testCase.id, entry.testCase] as const))("%s", (_, testCase) => {
  it(`${testCase.kind}: ${JSON.stringify(testCase.input).slice(0, 80)}`, () => {
    // through JSON both ways, as the protocol carries them
    const request = JSON.parse(JSON.stringify(requestOf(testCase)));
    const answer = JSON.parse(JSON.stringify(answerCase(request)));
    expect(judgeAnswer(testCase, answer)).toEqual([]);
  });
});
