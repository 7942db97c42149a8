import { compileCommand } from "./compile-command.js";
import { filterCommand } from "./filter-command.js";
import { caseCommand } from "./case-command.js";
import { conformanceCommand } from "./conformance-command.js";
import { decompileCommand } from "./decompile-command.js";
import { fmtCommand } from "./fmt-command.js";
import type { Terminal } from "./terminal.js";
import { UsageError } from "./usage-error.js";

type Command = (args: string[], terminal: Terminal) => Promise<number>;

const commands: Readonly<Record<string, Command>> = {
  compile: compileCommand,
  filter: filterCommand,
  fmt: fmtCommand,
  decompile: decompileCommand,
  conformance: conformanceCommand,
  case: caseCommand,
};

const help = `usage: taxql COMMAND [options]

Commands:
  compile [QUERY|-]    compile a query to the list-classifications JSON
  filter QUERY         the rows of NDJSON, a JSON array or a saved response that match
  fmt [QUERY|-]        print a query in canonical form
  decompile [FILE|-]   print the API's filters JSON as query text
  conformance --command CMD
                       run the conformance cases against another implementation
  case                 answer one conformance case (taxql's side of the protocol)

Run taxql COMMAND --help for a command's options.`;

export async function main(argv: string[], terminal: Terminal): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    terminal.stdout.write(help + "\n");
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  try {
    if (!command) throw new UsageError(`unknown command ${JSON.stringify(name)}: try taxql --help`);
    return await command(rest, terminal);
  } catch (error) {
    if (error instanceof UsageError || isArgumentError(error)) {
      terminal.stderr.write(`taxql${command ? " " + name : ""}: ${usageReason(error as Error)}\n`);
      return 2;
    }
    throw error;
  }
}

/** One line, in the CLI's own words: node's argument errors run on with advice over several. */
function usageReason(error: Error): string {
  const option = /Option '([^']+)'/.exec(error.message)?.[1] ?? /option '([^']+)'/i.exec(error.message)?.[1];
  switch ((error as { code?: string }).code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${option ?? ""} (a query that starts with - goes after --)`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return `${option ?? "an option"} needs a value (write ${option ?? "--option"}=VALUE for one that starts with -)`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument: ${error.message.split("\n")[0]}`;
    default:
      return error.message.split("\n")[0]!.replace(/\r/g, "");
  }
}

function isArgumentError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_");
}
