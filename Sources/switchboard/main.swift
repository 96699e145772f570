import Foundation

// switchboard COMMAND [OPTIONS]: reads configuration and starts things; the work is in App and Core.
let arguments = Array(CommandLine.arguments.dropFirst())
let environment = ProcessInfo.processInfo.environment
let status: Int32 =
    switch arguments.first {
    case "serve": ServeCommand.run(Array(arguments.dropFirst()), environment: environment)
    case "migrate": MigrateCommand.run(Array(arguments.dropFirst()), environment: environment)
    case "create-company": CreateCompanyCommand.run(Array(arguments.dropFirst()), environment: environment)
    case "rotate-key": RotateKeyCommand.run(Array(arguments.dropFirst()), environment: environment)
    case "openapi" where arguments.count >= 2 && arguments[1] == "inspect": runOpenAPIInspect(Array(arguments.dropFirst(2)))
    case "--version", "version": CommandLineOutput.version()
    case nil, "--help", "-h", "help": CommandLineOutput.help()
    default: CommandLineOutput.unknown(arguments[0])
    }
exit(status)
