import { describe, expect, it } from "vitest";
import { complete } from "../../src/complete/complete.js";

const labels = (text: string, options = {}) => complete(text, text.length, options).items.map((item) => item.label);

const catalogue = {
  fields: {
    kind: { type: "enum", values: ["image", "video clip"] },
    is_public: { type: "boolean" },
    title: { type: "string", sortable: true },
    "sort": { type: "string" },
  },
  freeText: { field: "title", operator: "contains" },
} as const;

describe("complete", () => {
  it("offers every field, call and the keywords that may open a query", () => {
    const offered = labels("");
    expect(offered).toEqual(expect.arrayContaining(["score", "node_name", "created_at", "not", "sort", "text(", "exists("]));
    expect(offered).not.toContain("starts_with(");
  });

  it("filters by the word under the cursor and says which text it replaces", () => {
    expect(complete("score > 0.5 and no")).toEqual({
      from: 16,
      to: 18,
      items: [
        expect.objectContaining({ label: "not", kind: "keyword" }),
        expect.objectContaining({ label: "node_id", kind: "field" }),
        expect.objectContaining({ label: "node_name", kind: "field" }),
        expect.objectContaining({ label: "node_description", kind: "field" }),
      ],
    });
  });

  it.each([
    ["score ", ["=", "!=", ">", ">=", "<", "<=", "not in", "in", "between", "exists", "is"]],
    ["created_at ", ["=", "!=", ">", ">=", "<", "<=", "between", "exists", "is"]],
    ["node_name ", ["=", "!=", "~", "!~", "not in", "in", "exists", "is"]],
  ])("after %j offers only what the field's type takes", (text, expected) => {
    expect(labels(text)).toEqual(expected);
  });

  it("offers the operators mixpeek-v1 adds when that is the target", () => {
    expect(labels("node_name ", { target: "mixpeek-v1" })).toEqual(expect.arrayContaining(["^=", "$=", "=~"]));
    expect(labels("", { target: "mixpeek-v1" })).toContain("regex(");
  });

  it("offers only sortable fields after sort, then the directions", () => {
    expect(labels("score > 0.5 sort ")).toEqual(["by", "node_name", "depth", "score", "created_at"]);
    expect(labels("score > 0.5 sort depth ")).toEqual(["asc", "desc"]);
  });

  it("offers enum values, quoted where a bare word would not do, and booleans", () => {
    expect(complete("kind = ", undefined, { catalogue }).items.map((item) => item.insert)).toEqual(["image", '"video clip"']);
    expect(labels("is_public = ", { catalogue })).toEqual(["true", "false"]);
  });

  it("offers relative dates for a datetime", () => {
    expect(labels("created_at > ")).toEqual(["now", "now-7d"]);
  });

  it("writes a field whose name is a keyword in backticks", () => {
    const item = complete("", 0, { catalogue }).items.find((candidate) => candidate.label === "sort" && candidate.kind === "field");
    expect(item?.insert).toBe("`sort`");
  });

  it("completes at a cursor in the middle of the text", () => {
    expect(complete("sc > 0.5 sort depth", 2)).toEqual({ from: 0, to: 2, items: [expect.objectContaining({ label: "score" })] });
  });

  it("never throws, whatever the text and offset", () => {
    for (const text of ["", "(((", '"abc', "score >= 0.8 and ", "#@!", "\ud800", "sort sort sort"]) {
      for (const offset of [-5, 0, 1, text.length, text.length + 10]) expect(() => complete(text, offset)).not.toThrow();
    }
  });
});

describe("complete, applied as the README says, keeps the query readable", () => {
  const apply = (text: string, label: string) => {
    const { from, to, items } = complete(text);
    const item = items.find((candidate) => candidate.label === label)!;
    return text.slice(0, from) + item.insert + text.slice(to);
  };

  it("offers not null after is", () => {
    expect(labels("created_at is ")).toEqual(["not null", "null"]);
    expect(apply("created_at is n", "not null")).toBe("created_at is not null");
  });

  it("puts a space before a word written straight after a value", () => {
    expect(apply("score > 0.5", "and")).toBe("score > 0.5 and");
  });

  it("offers nothing inside a string being typed", () => {
    expect(complete('node_name ~ "sp').items).toEqual([]);
  });
});
