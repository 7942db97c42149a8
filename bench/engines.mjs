// what each engine does with a query: parse it (compile latency) or turn it into a record test (throughput)

import { dialects, mongo } from "./queries.mjs";

/** Loads an engine's package lazily, so that each child process imports only the one it times. */
export const parsers = {
  taxql: async () => {
    const { compile } = await import("../dist/index.js");
    return (tree) => {
      const text = dialects.taxql(tree);
      const probe = compile(text);
      if (!probe.ok) throw new Error(`taxql refused the bench query: ${probe.diagnostics[0]?.message}`);
      return { text, run: () => compile(text) };
    };
  },
  jsep: async () => {
    const { default: jsep } = await import("jsep");
    return (tree) => {
      const text = dialects.jsep(tree);
      return { text, run: () => jsep(text) };
    };
  },
  "@rsql/parser": async () => {
    const { parse } = await import("@rsql/parser");
    return (tree) => {
      const text = dialects.rsql(tree);
      return { text, run: () => parse(text) };
    };
  },
  filtrex: async () => {
    const { compileExpression } = await import("filtrex");
    return (tree) => {
      const text = dialects.filtrex(tree);
      return { text, run: () => compileExpression(text) };
    };
  },
  liqe: async () => {
    const { parse } = await import("liqe");
    return (tree) => {
      const text = dialects.liqe(tree);
      return { text, run: () => parse(text) };
    };
  },
};

/** Each engine's predicate for a query tree; `hand` is the query's hand-written function. */
export const predicates = {
  hand: async () => (query) => query.hand,
  taxql: async () => {
    const { compile, toPredicate } = await import("../dist/index.js");
    return (query) => {
      const result = compile(dialects.taxql(query.tree));
      if (!result.ok || !result.query) throw new Error(`taxql refused ${query.name}`);
      return toPredicate(result.query);
    };
  },
  sift: async () => {
    const { default: sift } = await import("sift");
    return (query) => sift(mongo(query.tree));
  },
  mingo: async () => {
    const { Query } = await import("mingo");
    return (query) => {
      const compiled = new Query(mongo(query.tree));
      return (record) => compiled.test(record);
    };
  },
  liqe: async () => {
    const { parse, test } = await import("liqe");
    return (query) => {
      const ast = parse(dialects.liqe(query.tree));
      return (record) => test(ast, record);
    };
  },
  filtrex: async () => {
    const { compileExpression } = await import("filtrex");
    return (query) => {
      const compiled = compileExpression(dialects.filtrex(query.tree));
      return (record) => compiled(record) === true;
    };
  },
};
