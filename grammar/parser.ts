import { CstParser, tokenMatcher, type CstNode, type IToken, type TokenType } from "chevrotain";
import * as t from "./tokens.js";

/**
 * The grammar of grammar/README.md, as pure syntax: it builds a concrete syntax tree and nothing
 * else. One instance serves every parse; assign `input` and call `query()`.
 */
export class TaxqlParser extends CstParser {
  /** Validation of the grammar is slow and finds nothing new at run time: a test runs it instead. */
  constructor({ skipValidations = true }: { readonly skipValidations?: boolean } = {}) {
    super(t.allTokens, { recoveryEnabled: true, maxLookahead: 3, skipValidations });
    this.performSelfAnalysis();
  }

  /**
   * Implied `and` lets a word follow almost anything, so recovery would read a stray word
   * (`is ot null`) as the next term after inserting the missing token; drop the word instead.
   */
  override canTokenTypeBeInsertedInRecovery(tokenType: TokenType): boolean {
    return !(tokenMatcher(this.LA(1), t.Identifier) && tokenMatcher(this.LA(2), tokenType));
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
      // a missing comma is the AST builder's to report, at the value
      this.OPTION2(() => this.CONSUME(t.Comma));
      this.SUBRULE(this.value);
    });
    this.CONSUME(t.RightParen);
  });

  /** A field with its comparison, or a lone bare word (free text). */
  fieldExpression = this.RULE("fieldExpression", () => {
    this.SUBRULE(this.field);
    this.OPTION({
      // `sports not depth = 1` is a term and a negation: only `not in` continues a comparison
      GATE: () => !tokenMatcher(this.LA(1), t.Not) || tokenMatcher(this.LA(2), t.In) || !startsUnary(this.LA(2)),
      DEF: () => this.SUBRULE(this.comparisonTail),
    });
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
          // a missing `and` is the AST builder's to report, at the upper bound
          this.OPTION3(() => this.CONSUME(t.And));
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

  /** Commas and values in any order: the AST builder points at a missing or extra comma. */
  list = this.RULE("list", () => {
    this.CONSUME(t.LeftBracket);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(t.LiteralValue) }, { ALT: () => this.CONSUME(t.Comma) }]);
    });
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

const unaryStarts = [t.Not, t.Bang, t.LeftParen, t.CallName, t.FieldSegment, t.StandaloneLiteral];

function startsUnary(token: IToken): boolean {
  return unaryStarts.some((type) => tokenMatcher(token, type));
}

let instance: TaxqlParser | undefined;

/** The one parser, built on first use: a well-formed query never needs it, and building it is slow. */
export function taxqlParser(): TaxqlParser {
  return (instance ??= new TaxqlParser());
}

export interface ParseTree {
  readonly cst: CstNode;
  readonly errors: TaxqlParser["errors"];
}

export function parseTokens(tokens: IToken[]): ParseTree {
  const parser = taxqlParser();
  parser.input = tokens;
  const cst = parser.query();
  return { cst, errors: parser.errors };
}
