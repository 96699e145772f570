import App
import Foundation

/// Help, version and error text of the command line.
enum CommandLineOutput {
    static let summary = """
        Usage: switchboard COMMAND [OPTIONS]

        Commands:
          serve            run the web server (applies pending migrations first)
          migrate          apply pending database migrations and exit
          create-company   create a company and print a one-time link for its first Owner
                           (--name NAME --owner-email EMAIL)
          rotate-key       re-encrypt every stored secret under a new master key
          openapi inspect  check an OpenAPI schema: FILE|URL [--json] [--egress-allow LIST]

        """

    static func help() -> Int32 {
        print(summary + AppConfiguration.usage)
        return 0
    }

    static func version() -> Int32 {
        print("switchboard \(SwitchboardApplication.version)")
        return 0
    }

    static func unknown(_ command: String) -> Int32 {
        fail("unknown command “\(command)”. Run switchboard --help.")
    }

    /// Prints `switchboard: message` on standard error and returns the failure status.
    static func fail(_ message: String, status: Int32 = 1) -> Int32 {
        FileHandle.standardError.write(Data("switchboard: \(message)\n".utf8))
        return status
    }

    /// Parses the shared options, or explains what is wrong.
    static func configuration(_ arguments: [String], environment: [String: String]) -> AppConfiguration? {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(summary + AppConfiguration.usage)
            return nil
        }
        do {
            return try AppConfiguration.parse(arguments: arguments, environment: environment)
        } catch {
            _ = fail(error.description, status: 2)
            return nil
        }
    }
}
