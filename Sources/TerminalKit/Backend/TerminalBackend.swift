/// Where a `Terminal` sends its changes and gets its input: curses in the program,
/// memory in tests. The backend knows colours; the rest of the toolkit knows only roles.
public protocol TerminalBackend: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// Whether line drawing must use ASCII (a non-UTF-8 locale).
    var glyphs: Glyphs { get }
    /// Uses this theme for role → colour from now on (allocating colour pairs once).
    func apply(theme: Theme)
    /// Draws the given cells (only changed cells are passed).
    func draw(_ cells: [CellUpdate])
    /// Makes drawn cells visible.
    func present()
    /// Forgets what is on screen so the next frame is drawn completely (Ctrl-L, after resize).
    func invalidate()
    /// Waits up to `timeoutMilliseconds` (negative waits forever) for the next input event.
    func nextEvent(timeoutMilliseconds: Int) -> KeyEvent?
}

/// One cell to draw at a position.
public struct CellUpdate: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var cell: Cell
    public init(x: Int, y: Int, cell: Cell) { self.x = x; self.y = y; self.cell = cell }
}
