import LiangxinModel

public struct ImportOptions: Sendable {
    public var today: Day
    /// Report only: the import runs in a transaction that is rolled back.
    public var dryRun = false
    /// Write the good rows and put the bad ones in a rejects file; otherwise any bad row means nothing is written.
    public var skipBad = false
    public var map = ColumnMap()
    public var sheet: String?
    /// Unknown columns refuse the file instead of being listed (the sample set, which must match exactly).
    public var strictColumns = false
    /// The `source` of the audit rows; defaults to the file's absolute path.
    public var source: String?

    public init(today: Day, dryRun: Bool = false, skipBad: Bool = false, map: ColumnMap = ColumnMap(), sheet: String? = nil) {
        self.today = today; self.dryRun = dryRun; self.skipBad = skipBad; self.map = map; self.sheet = sheet
    }
}

/// A row that cannot go in, with every problem found in it.
public struct BadRow: Sendable {
    public var row: Int
    public var cells: [String]
    public var problems: [ImportProblem]
}

/// A row that changes a stored record: which one, and the columns whose values differ.
public struct UpdateNote: Sendable {
    public var row: Int
    public var id: Int64
    public var caption: String
    public var changed: [String]
}

/// What an import did (or, in a dry run, would do).
public struct ImportResult: Sendable {
    public var kind: LedgerKind
    public var file: String
    public var format = ""
    public var headerRow = 1
    public var header: [String] = []
    public var matched: [String: String] = [:]
    public var matchedOrder: [String] = []
    public var unknown: [String] = []
    public var ignored: [String] = []
    public var rows = 0
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    /// Rows matched by their natural key whose id column named another (or no) record: the id was not used.
    public var idIgnored = 0
    public var updates: [UpdateNote] = []
    public var bad: [BadRow] = []
    public var warnings: [ImportProblem] = []
    /// Problems with the file as a whole (header, encoding): nothing is read when there are any.
    public var fileProblems: [ImportProblem] = []
    public var dryRun = false
    public var written = false
    public var rejectsFile: String?
    public var seconds = 0.0

    public init(kind: LedgerKind, file: String) { self.kind = kind; self.file = file }

    public var problems: [ImportProblem] { fileProblems + bad.flatMap(\.problems) }

    /// The header text the file uses for a ledger column, for messages.
    public func display(_ column: String?) -> String? {
        guard let c = column else { return nil }
        if let s = matched[c], s != c { return "\(s)（\(c)）" }
        return c
    }
}

public struct ImportFailed: Error, CustomStringConvertible {
    public var problems: [ImportProblem]
    public init(problems: [ImportProblem]) { self.problems = problems }
    public var description: String {
        let head = "导入失败：\(problems.count)处问题，未写入任何数据 (import failed; nothing was written)"
        return ([head] + problems.prefix(50).map { "  " + $0.description }
                + (problems.count > 50 ? ["  …另有\(problems.count - 50)处"] : [])).joined(separator: "\n")
    }
}
