import App
import Core
import Foundation

/// `switchboard create-company --name "Acme" --owner-email ann@acme.test`: for operators who
/// turn sign-up off. Prints the one-time link where the Owner sets a password.
enum CreateCompanyCommand {
    static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        var rest: [String] = []
        var name: String?
        var ownerEmail: String?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--name" || argument == "--owner-email", index + 1 < arguments.count {
                if argument == "--name" { name = arguments[index + 1] } else { ownerEmail = arguments[index + 1] }
                index += 2
                continue
            }
            rest.append(argument)
            index += 1
        }
        guard let name, let ownerEmail else {
            return CommandLineOutput.fail("create-company needs --name NAME and --owner-email EMAIL", status: 2)
        }
        guard let configuration = CommandLineOutput.configuration(rest, environment: environment) else { return 2 }
        do {
            try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
            let database = try ProductDatabase.open(path: configuration.databasePath, migrationsFolder: configuration.migrationsDirectory).database
            let (company, token) = try SignUp(database: database, hasher: .init()).createCompany(name: name, ownerEmail: ownerEmail)
            print("Created \(company.name). Send this one-time link to \(ownerEmail.lowercased()) to set a password (valid 7 days):")
            print("\(configuration.effectivePublicURL)/invitations/\(token)")
            return 0
        } catch let error as FieldError {
            return CommandLineOutput.fail(error.message, status: 2)
        } catch {
            return CommandLineOutput.fail(String(describing: error))
        }
    }
}
