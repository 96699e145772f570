import Foundation
import App
import Core

/// `switchboard migrate`: apply pending migrations and say which.
enum MigrateCommand {
    static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        guard let configuration = CommandLineOutput.configuration(arguments, environment: environment) else { return 2 }
        do {
            try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
            let applied = try ProductDatabase.open(path: configuration.databasePath, migrationsFolder: configuration.migrationsDirectory).applied
            print(applied.isEmpty ? "The database is up to date." : applied.map { "applied \($0)" }.joined(separator: "\n"))
            return 0
        } catch {
            return CommandLineOutput.fail(String(describing: error))
        }
    }
}
