/// What the app loop needs from a terminal. `NcursesTerminal` is the real one; `HeadlessTerminal`
/// plays a key script and keeps the last frame for snapshots and tests.
public protocol TerminalBackend: AnyObject {
    /// Current size in cells.
    var size: (width: Int, height: Int) { get }
    /// Shows `buffer` (only what changed since the previous frame need be sent).
    func present(_ buffer: Buffer)
    /// The next key, or nil after `timeoutMs` milliseconds (negative waits forever).
    func readKey(timeoutMs: Int) -> Key?
    /// Repaints the whole screen on the next `present` (Ctrl-L).
    func forceRedraw()
}

/// An in-memory terminal: replays `keys`, then returns nil from `readKey`. `frame` is the last
/// buffer presented. A `.resize` key is delivered after the size has been changed by `resizeTo`.
public final class HeadlessTerminal: TerminalBackend {
    public private(set) var size: (width: Int, height: Int)
    public private(set) var frame: Buffer
    public private(set) var presentCount = 0
    public private(set) var redrawCount = 0
    private var keys: [Key]
    private var position = 0

    public init(width: Int, height: Int, keys: [Key] = []) {
        self.size = (width, height)
        self.frame = Buffer(width: width, height: height)
        self.keys = keys
    }

    /// Keys not yet read.
    public var remainingKeys: [Key] { Array(keys[position...]) }

    public func enqueue(_ more: [Key]) { keys += more }

    /// Changes the size; the app learns of it through a `.resize` key.
    public func resizeTo(width: Int, height: Int) {
        size = (width, height)
        keys.insert(.resize, at: position)
    }

    public func present(_ buffer: Buffer) {
        frame = buffer
        presentCount += 1
    }

    public func readKey(timeoutMs: Int) -> Key? {
        guard position < keys.count else { return nil }
        defer { position += 1 }
        return keys[position]
    }

    public func forceRedraw() { redrawCount += 1 }
}
