/// Why the migrator refused to run or stopped.
public enum MigrationError: Error, CustomStringConvertible {
    /// An applied migration's file differs from what was applied.
    case appliedFileChanged(name: String)
    /// An applied migration's file is no longer in the folder.
    case appliedFileMissing(name: String, folder: String)
    /// The migrations folder could not be listed.
    case unreadableFolder(path: String, reason: String)
    /// A migration file could not be read as UTF-8 text.
    case unreadableFile(name: String)
    /// A migration's SQL failed; it was rolled back and nothing after it was applied.
    case failed(name: String, error: SQLiteError)

    /// A message an operator can act on, naming the file.
    public var description: String {
        switch self {
        case .appliedFileChanged(let name):
            "migration \(name) was changed after it was applied to this database; applied migrations must never be edited (restore the file and add a new migration instead)"
        case .appliedFileMissing(let name, let folder):
            "migration \(name) was applied to this database but is missing from \(folder); restore it"
        case .unreadableFolder(let path, let reason):
            "cannot read the migrations folder \(path): \(reason)"
        case .unreadableFile(let name):
            "cannot read migration \(name) as UTF-8 text"
        case .failed(let name, let error):
            "migration \(name) failed and was rolled back: \(error.message)"
        }
    }
}
