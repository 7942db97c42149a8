// the benchmark queries, written once as a small tree and printed in each engine's dialect

/** mulberry32: a small seeded generator, so that the long queries are the same on every run */
function createRng(seed) {
  let state = seed >>> 0;
  return {
    u32() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (t ^ (t >>> 14)) >>> 0;
    },
  };
}

/** @typedef {{t: "cmp", f: string, op: ">=" | "<=" | ">" | "<" | "=", v: number}
 *  | {t: "contains", f: string, v: string} | {t: "in", f: string, vs: string[]} | {t: "has", f: string, v: string}
 *  | {t: "not", x: Node} | {t: "and" | "or", xs: Node[]}} Node */

const quote = (s) => JSON.stringify(s);
const rsqlOps = { ">=": "=ge=", "<=": "=le=", ">": "=gt=", "<": "=lt=", "=": "==" };
const rsqlNegated = { ">=": "=lt=", "<=": "=gt=", ">": "=le=", "<": "=ge=", "=": "!=" };

/** One printer per dialect; `top` is false inside a group that needs parentheses around and/or. */
export const dialects = {
  taxql: (n) => print(n, {
    cmp: (c) => `${c.f} ${c.op} ${c.v}`,
    contains: (c) => `${c.f} ~ ${quote(c.v)}`,
    in: (c) => `${c.f} in [${c.vs.map(quote).join(", ")}]`,
    has: (c) => `${c.f} = ${quote(c.v)}`,
    not: (x) => `not ${x}`,
    and: " and ",
    or: " or ",
  }),
  jsep: (n) => print(n, {
    cmp: (c) => `${c.f} ${c.op === "=" ? "==" : c.op} ${c.v}`,
    contains: (c) => `contains(${c.f}, ${quote(c.v)})`,
    in: (c) => `includes([${c.vs.map(quote).join(", ")}], ${c.f})`,
    has: (c) => `includes(${c.f}, ${quote(c.v)})`,
    not: (x) => `!(${x})`,
    and: " && ",
    or: " || ",
  }),
  // rsql has no `not`: negations are pushed down to the comparisons
  rsql: (n) => print(pushNot(n), {
    cmp: (c) => `${c.f}${(c.negated ? rsqlNegated : rsqlOps)[c.op]}${c.v}`,
    contains: (c) => `${c.f}${c.negated ? "!=" : "=="}*${c.v}*`,
    in: (c) => `${c.f}${c.negated ? "=out=" : "=in="}(${c.vs.join(",")})`,
    has: (c) => `${c.f}${c.negated ? "!=" : "=="}${c.v}`,
    not: () => {
      throw new Error("unreachable");
    },
    and: ";",
    or: ",",
  }),
  filtrex: (n) => print(n, {
    cmp: (c) => `${c.f} ${c.op === "=" ? "==" : c.op} ${c.v}`,
    contains: (c) => `${c.f} ~= ${quote(c.v)}`,
    in: (c) => `${c.f} in (${c.vs.map(quote).join(", ")})`,
    has: (c) => `${quote(c.v)} in ${c.f}`,
    not: (x) => `not (${x})`,
    and: " and ",
    or: " or ",
  }),
  liqe: (n) => print(n, {
    cmp: (c) => `${c.f}:${c.op}${c.v}`,
    contains: (c) => `${c.f}:${c.v}`,
    // liqe's `field:word` matches a substring, so liqe matches more rows than the others (its
    // grammar calls two regex terms under one OR ambiguous, so `/^word$/` is no way out)
    in: (c) => `(${c.vs.map((v) => `${c.f}:${v}`).join(" OR ")})`,
    has: (c) => `${c.f}:${c.v}`,
    not: (x) => `NOT ${x}`,
    and: " AND ",
    or: " OR ",
  }),
};

function print(node, p, nested = false) {
  switch (node.t) {
    case "and":
    case "or": {
      const text = node.xs.map((x) => print(x, p, true)).join(p[node.t]);
      return nested ? `(${text})` : text;
    }
    case "not":
      return p.not(print(node.x, p, true));
    default:
      return p[node.t](node);
  }
}

function pushNot(node, negated = false) {
  switch (node.t) {
    case "not":
      return pushNot(node.x, !negated);
    case "and":
    case "or":
      return { t: negated ? (node.t === "and" ? "or" : "and") : node.t, xs: node.xs.map((x) => pushNot(x, negated)) };
    default:
      return negated ? { ...node, negated: true } : node;
  }
}

/** Mongo-style query objects, for sift and mingo. */
export function mongo(node) {
  switch (node.t) {
    case "and":
      return { $and: node.xs.map(mongo) };
    case "or":
      return { $or: node.xs.map(mongo) };
    case "not":
      return { $nor: [mongo(node.x)] };
    case "cmp":
      return { [node.f]: node.op === "=" ? node.v : { [{ ">=": "$gte", "<=": "$lte", ">": "$gt", "<": "$lt" }[node.op]]: node.v } };
    case "contains":
      return { [node.f]: { $regex: new RegExp(node.v, "i") } };
    case "in":
      return { [node.f]: { $in: node.vs } };
    case "has":
      return { [node.f]: node.v };
  }
}

const cmp = (f, op, v) => ({ t: "cmp", f, op, v });
const contains = (f, v) => ({ t: "contains", f, v });
const isIn = (f, ...vs) => ({ t: "in", f, vs });
const has = (f, v) => ({ t: "has", f, v });
const not = (x) => ({ t: "not", x });
const and = (...xs) => ({ t: "and", xs });
const or = (...xs) => ({ t: "or", xs });

/**
 * The predicate queries over the demo rows, each with the function a developer would write by hand
 * for the same semantics (`~` and `in` ignore case, as taxql's default does).
 */
export const predicateQueries = [
  {
    name: "seed",
    tree: and(cmp("score", ">=", 0.8), contains("node_name", "electronics")),
    hand: (r) => r.score >= 0.8 && r.node_name.toLowerCase().includes("electronics"),
  },
  {
    name: "or-not-in",
    tree: and(
      or(cmp("depth", "<=", 0), isIn("node_name", "soccer", "tennis", "basketball", "travel", "music")),
      not(cmp("score", "<", 0.5)),
    ),
    hand: (r) => {
      if (!(r.depth <= 0 || ["soccer", "tennis", "basketball", "travel", "music"].includes(r.node_name.toLowerCase()))) return false;
      return !(r.score < 0.5);
    },
  },
  {
    name: "arrays",
    tree: and(
      or(has("path_tokens", "sports"), has("path_tokens", "travel")),
      not(or(contains("node_name", "video"), cmp("depth", "=", 0))),
      cmp("score", ">=", 0.3),
    ),
    hand: (r) => {
      const tokens = r.path_tokens;
      let found = false;
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i].toLowerCase();
        if (t === "sports" || t === "travel") {
          found = true;
          break;
        }
      }
      return found && !(r.node_name.toLowerCase().includes("video") || r.depth === 0) && r.score >= 0.3;
    },
  },
];

/** The seed query grown to 60 characters. */
export const shortQuery = and(cmp("score", ">=", 0.8), contains("node_name", "electronics"), not(cmp("depth", "=", 0)));

const words = ["sports", "travel", "music", "soccer", "tennis", "video", "electronics", "health", "food", "news"];

/**
 * A realistic long query of at least `length` characters in taxql: and-groups of 3 or 4 clauses, or-ed
 * by fours, and-ed at the top (so no group passes the classifications target's 20-item limit).
 */
export function longQuery(length, seed = 7) {
  const rng = createRng(seed);
  const pick = (list) => list[rng.u32() % list.length];
  const clause = () => {
    switch (rng.u32() % 6) {
      case 0:
        return cmp("score", pick([">=", "<=", ">", "<"]), (1 + (rng.u32() % 99)) / 100);
      case 1:
        return contains("node_name", pick(words));
      case 2:
        return isIn("node_name", pick(words), pick(words), pick(words));
      case 3:
        return has("path_tokens", pick(words));
      case 4:
        return not(cmp("depth", "=", rng.u32() % 4));
      default:
        return cmp("depth", pick(["<=", ">="]), rng.u32() % 4);
    }
  };
  const top = [];
  let orGroup = [];
  let andGroup = [];
  let andSize = 3;
  const tree = () => and(...top, ...(orGroup.length ? [or(...orGroup, ...(andGroup.length ? [and(...andGroup)] : []))] : andGroup.length ? [and(...andGroup)] : []));
  while (dialects.taxql(tree()).length < length) {
    andGroup.push(clause());
    if (andGroup.length === andSize) {
      orGroup.push(and(...andGroup));
      andGroup = [];
      andSize = 3 + (rng.u32() % 2);
      if (orGroup.length === 4) {
        top.push(or(...orGroup));
        orGroup = [];
      }
    }
  }
  return tree();
}

export const compileQueries = [
  { name: "60", tree: shortQuery },
  { name: "600", tree: longQuery(600) },
  { name: "6000", tree: longQuery(6000) },
];
