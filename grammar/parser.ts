import { CstParser, type CstNode, type IToken } from "chevrotain";
import * as t from "./tokens.js";

/**
 * The grammar of grammar/README.md, as pure syntax: it builds a concrete syntax tree and nothing
 * else. One instance serves every parse; assign `input` and call `query()`.
 */
export class TaxqlParser extends CstParser {
  constructor() {
    super(t.allTokens, { recoveryEnabled: true, maxLookahead: 3 });
    this.performSelfAnalysis();
  }

  query = this.RULE("query", () => {
    this.OPTION(() => this.SUBRULE(this.orExpression));
    this.OPTION2(() => this.SUBRULE(this.sortClause));
  });

  orExpression = this.RULE("orExpression", () => {
    this.SUBRULE(this.andExpression);
    this.MANY(() => {
      this.CONSUME(t.Or);
      this.SUBRULE2(this.andExpression);
    });
  });

  andExpression = this.RULE("andExpression", () => {
    this.SUBRULE(this.unary);
    this.MANY(() => {
      this.OPTION(() => this.CONSUME(t.And));
      this.SUBRULE2(this.unary);
    });
  });

  unary = this.RULE("unary", () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(t.Not) }, { ALT: () => this.CONSUME(t.Bang) }]);
          this.SUBRULE(this.unary);
        },
      },
      { ALT: () => this.SUBRULE(this.primary) },
    ]);
  });

  primary = this.RULE("primary", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.group) },
      { ALT: () => this.SUBRULE(this.call) },
      { ALT: () => this.SUBRULE(this.fieldExpression) },
      { ALT: () => this.CONSUME(t.StandaloneLiteral) },
    ]);
  });

  group = this.RULE("group", () => {
    this.CONSUME(t.LeftParen);
    this.SUBRULE(this.orExpression);
    this.CONSUME(t.RightParen);
  });

  call = this.RULE("call", () => {
    this.CONSUME(t.CallName);
    this.CONSUME(t.LeftParen);
    this.SUBRULE(this.field);
    this.OPTION(() => {
      this.CONSUME(t.Comma);
      this.SUBRULE(this.value);
    });
    this.CONSUME(t.RightParen);
  });

  /** A field with its comparison, or a lone bare word (free text). */
  fieldExpression = this.RULE("fieldExpression", () => {
    this.SUBRULE(this.field);
    this.OPTION(() => this.SUBRULE(this.comparisonTail));
  });

  comparisonTail = this.RULE("comparisonTail", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.ComparisonOperator);
          this.SUBRULE(this.value);
        },
      },
      {
        ALT: () => {
          this.OPTION(() => this.CONSUME(t.Not));
          this.CONSUME(t.In);
          this.SUBRULE2(this.value);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Between);
          this.CONSUME(t.LiteralValue);
          this.CONSUME(t.And);
          this.CONSUME2(t.LiteralValue);
        },
      },
      { ALT: () => this.CONSUME(t.Exists) },
      {
        ALT: () => {
          this.CONSUME(t.Is);
          this.OPTION2(() => this.CONSUME2(t.Not));
          this.CONSUME(t.Null);
        },
      },
    ]);
  });

  value = this.RULE("value", () => {
    this.OR([{ ALT: () => this.SUBRULE(this.list) }, { ALT: () => this.CONSUME(t.LiteralValue) }]);
  });

  list = this.RULE("list", () => {
    this.CONSUME(t.LeftBracket);
    this.MANY_SEP({ SEP: t.Comma, DEF: () => this.CONSUME(t.LiteralValue) });
    this.CONSUME(t.RightBracket);
  });

  field = this.RULE("field", () => {
    this.CONSUME(t.FieldSegment);
    this.MANY(() => {
      this.CONSUME(t.Dot);
      this.CONSUME2(t.FieldSegment);
    });
  });

  sortClause = this.RULE("sortClause", () => {
    this.CONSUME(t.Sort);
    this.OPTION(() => this.CONSUME(t.By));
    this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.sortKey) });
  });

  sortKey = this.RULE("sortKey", () => {
    this.SUBRULE(this.field);
    this.OPTION(() => this.CONSUME(t.Direction));
  });
}

export const taxqlParser = new TaxqlParser();

export interface ParseTree {
  readonly cst: CstNode;
  readonly errors: TaxqlParser["errors"];
}

export function parseTokens(tokens: IToken[]): ParseTree {
  taxqlParser.input = tokens;
  const cst = taxqlParser.query();
  return { cst, errors: taxqlParser.errors };
}
