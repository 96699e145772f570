import App
import Core
import Foundation

/// `switchboard rotate-key`: re-encrypts every stored secret under a new master key in one
/// transaction. With a key file, the file is rewritten; with `SWITCHBOARD_MASTER_KEY`, the new
/// key is printed for the operator to put in its place.
enum RotateKeyCommand {
    static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        guard let configuration = CommandLineOutput.configuration(arguments, environment: environment) else { return 2 }
        do {
            let database = try ProductDatabase.open(path: configuration.databasePath, migrationsFolder: configuration.migrationsDirectory).database
            let store = MasterKeyStore(environment: environment, dataFolder: URL(fileURLWithPath: configuration.dataDirectory))
            let keyRing = try store.loadOrCreate()
            let result = try KeyRotation.rotateMasterKey(database: database, keyRing: keyRing, store: store)
            print("Re-encrypted \(result.reencryptedCount) secret\(result.reencryptedCount == 1 ? "" : "s") under key \(result.newKey.id).")
            if case .environment = store.source {
                print("Set SWITCHBOARD_MASTER_KEY to the new key before the next start:")
                print(MasterKeyStore.encode(result.newKey))
            }
            return 0
        } catch {
            return CommandLineOutput.fail(String(describing: error))
        }
    }
}
