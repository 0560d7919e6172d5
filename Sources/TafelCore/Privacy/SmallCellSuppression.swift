/// Statistical disclosure control for the published aggregate: no figure, and no figure that can be
/// worked out from the others, describes fewer than `k` households.
///
/// Why both steps: hiding a small cell ("<5") is not enough when the total is published beside it —
/// total minus the shown cells gives the hidden one back. So each column of disjoint groups (the
/// wijken of one domain or signal) is protected as a whole: the small cells are hidden (*primary*
/// suppression), then more cells are hidden until the hidden ones cannot be told apart — at least two,
/// together at least `k` households (*complementary* suppression, smallest cells first so the least
/// is lost). A figure derived from a hidden count (the open actions of a hidden group) is hidden too.
public struct SmallCellSuppression: Sendable, Hashable {
    /// The smallest number of households a published figure may describe.
    public let k: Int

    /// The default threshold, as in CBS practice for small-area figures.
    public static let defaultK = 5
    /// The range a municipality may choose from (1 would publish single households).
    public static let allowedK = 2...100

    public init(k: Int = SmallCellSuppression.defaultK) { self.k = k }

    /// One protected column: the figure per group (nil: hidden) and the total (nil: hidden).
    public struct Column: Sendable, Hashable {
        public var cells: [Int?]
        public var total: Int?
        /// The groups hidden, primary and complementary.
        public var hidden: Set<Int>
    }

    /// The groups whose households alone are too few to publish (primary suppression).
    public func primary(households: [Int]) -> Set<Int> {
        Set(households.indices.filter { households[$0] > 0 && households[$0] < k })
    }

    /// Protects one column of figures over disjoint groups whose total is published beside them.
    ///
    /// - Parameters:
    ///   - values: the figure per group (households, or something counted in them such as open actions).
    ///   - households: the households behind each figure; `k` is about these.
    ///   - hide: groups that must be hidden whatever their figure (derived from a hidden count).
    public func protect(values: [Int], households: [Int], hide: Set<Int> = []) -> Column {
        precondition(values.count == households.count, "one household count per figure")
        let everyone = households.reduce(0, +)
        if everyone > 0 && everyone < k {
            return Column(cells: values.map { _ in nil }, total: nil, hidden: Set(values.indices))
        }
        var hidden = hide.union(primary(households: households))
        var totalShown = true
        while !hidden.isEmpty && (hidden.count < 2 || hidden.reduce(0, { $0 + households[$1] }) < k) {
            // The smallest shown group with households in it; ties by position so the result is stable.
            let candidate = households.indices
                .filter { !hidden.contains($0) && households[$0] > 0 }
                .min { (households[$0], $0) < (households[$1], $1) }
            guard let next = candidate else {
                // Nothing left to hide beside it: hide the total instead, so nothing can be subtracted.
                totalShown = false
                break
            }
            hidden.insert(next)
        }
        let cells = values.indices.map { hidden.contains($0) ? nil : values[$0] }
        return Column(cells: cells, total: totalShown ? values.reduce(0, +) : nil, hidden: hidden)
    }
}
