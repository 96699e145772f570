import App
import Core
import Cryptography
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
            let newKey = try SymmetricKey.generate()
            if case .environment = store.source {
                // Printed before anything changes: once the transaction commits, only this key opens the secrets.
                print("New master key — set SWITCHBOARD_MASTER_KEY to it before the next start:")
                print(MasterKeyStore.encode(newKey))
            }
            let result = try KeyRotation.rotateMasterKey(database: database, keyRing: keyRing, store: store, newKey: newKey)
            print("Re-encrypted \(result.reencryptedCount) secret\(result.reencryptedCount == 1 ? "" : "s") under key \(result.newKey.id).")
            return 0
        } catch {
            return CommandLineOutput.fail(String(describing: error))
        }
    }
}
