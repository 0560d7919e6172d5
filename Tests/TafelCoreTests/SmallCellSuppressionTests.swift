import Testing
@testable import TafelCore

/// The aggregate's protection: no shown figure, and nothing subtracted from a total, describes
/// fewer than k households.
@Suite("Small-cell suppression (k-anonymity)")
struct SmallCellSuppressionTests {
    /// What a reader can work out from one published column: the hidden groups together are the
    /// total minus what is shown. That sum, and every shown figure, must describe ≥ k households,
    /// and one hidden group alone beside a shown total would be given away.
    func assertSafe(_ households: [Int], _ c: SmallCellSuppression.Column, k: Int, _ note: Comment) {
        for (i, cell) in c.cells.enumerated() where cell != nil {
            #expect(households[i] == 0 || households[i] >= k, note)
        }
        guard let total = c.total else { return }
        #expect(total == households.reduce(0, +), note)
        let hiddenSum = total - c.cells.compactMap { $0 }.reduce(0, +)
        #expect(hiddenSum == 0 || (c.hidden.count >= 2 && hiddenSum >= k), note)
        if total > 0 && total < k { Issue.record("a total below k was shown: \(note)") }
    }

    @Test func aLoneSmallCellTakesTheNextSmallestWithIt() {
        let c = SmallCellSuppression(k: 5).protect(values: [3, 12, 10], households: [3, 12, 10])
        #expect(c.cells == [nil, 12, nil])
        #expect(c.total == 25)
    }

    @Test func twoSmallCellsThatTogetherStayBelowKTakeAThird() {
        // 1 + 2 = 3 would be known from the total: hide another until the hidden ones hold ≥ 5.
        let c = SmallCellSuppression(k: 5).protect(values: [1, 2, 8, 9], households: [1, 2, 8, 9])
        #expect(c.cells == [nil, nil, nil, 9])
        #expect(c.total == 20)
    }

    @Test func aTotalBelowKHidesEverything() {
        let c = SmallCellSuppression(k: 5).protect(values: [1, 2], households: [1, 2])
        #expect(c.cells == [nil, nil] && c.total == nil)
    }

    @Test func anEmptyGroupIsNoCover() {
        // Hiding the 0 beside the 2 would still give the 2 away: the 7 is hidden with it.
        let c = SmallCellSuppression(k: 3).protect(values: [2, 0, 7], households: [2, 0, 7])
        #expect(c.cells == [nil, 0, nil] && c.total == 9)
        // A group that must be hidden with only empty groups beside it: the total goes instead.
        let alone = SmallCellSuppression(k: 3).protect(values: [8, 0], households: [8, 0], hide: [0])
        #expect(alone.cells == [nil, 0] && alone.total == nil)
    }

    @Test func aFigureCountedInAHiddenGroupIsHiddenAndProtected() {
        // Open actions: 7 in a group of 3 households. Shown, they would describe those 3.
        let k = SmallCellSuppression(k: 5)
        let households = [3, 20, 30]
        let open = k.protect(values: [7, 40, 2], households: households, hide: k.primary(households: households))
        #expect(open.cells == [nil, nil, 2])
        #expect(open.total == 49)
    }

    @Test func aThresholdOfTenHidesMore() {
        let households = [6, 12, 25, 7]
        #expect(SmallCellSuppression(k: 5).protect(values: households, households: households).cells == [6, 12, 25, 7])
        #expect(SmallCellSuppression(k: 10).protect(values: households, households: households).cells == [nil, 12, 25, nil])
    }

    /// Random columns (seeded, so a failure reproduces): whatever the counts and k, the published
    /// column gives away no group of fewer than k households.
    @Test(arguments: [2, 3, 5, 10])
    func noPublishedCombinationIdentifiesFewerThanK(k: Int) {
        var rng = SeededRandom(seed: 0xC0FFEE &+ UInt64(k))
        let protection = SmallCellSuppression(k: k)
        for trial in 0..<2_000 {
            let groups = Int.random(in: 1...12, using: &rng)
            let households = (0..<groups).map { _ in Int.random(in: 0...(Bool.random(using: &rng) ? k : 4 * k), using: &rng) }
            let column = protection.protect(values: households, households: households)
            assertSafe(households, column, k: k, "trial \(trial): \(households) → \(column.cells), \(String(describing: column.total))")
            // A figure counted inside the groups (open actions) with the small groups forced hidden.
            let open = households.map { $0 * Int.random(in: 0...3, using: &rng) }
            let derived = protection.protect(values: open, households: households, hide: protection.primary(households: households))
            for i in households.indices where households[i] > 0 && households[i] < k { #expect(derived.cells[i] == nil) }
            if let total = derived.total {
                #expect(total == open.reduce(0, +))
                let hiddenHouseholds = derived.hidden.reduce(0) { $0 + households[$1] }
                #expect(derived.hidden.isEmpty || (derived.hidden.count >= 2 && hiddenHouseholds >= k), "trial \(trial): \(households) \(open)")
            }
        }
    }
}
