import Foundation
import GRDB
import Testing
import TafelCore
import TafelStore
import TestSupport

/// The published aggregate of a generated municipality, read as an outsider would: from the
/// shown figures and the all-wijken totals, no group of fewer than k households can be singled out.
@Suite("Aggregate k-anonymity")
struct AggregateTests {
    /// The true number of households in care per domain and wijk, straight from the file.
    func truth(_ path: String) throws -> [String: [String: Int]] {
        let db = try DatabaseQueue(path: path)
        var result: [String: [String: Int]] = [:]
        try db.read { db in
            for r in try Row.fetchAll(db, sql: """
                SELECT d.domain, h.wijk, count(DISTINCT d.household_id) AS n FROM domain_state d JOIN household h ON h.id = d.household_id
                WHERE d.status IN ('zorg', 'in-behandeling', 'wachtlijst') AND h.status = 'actief' GROUP BY d.domain, h.wijk
                """) { result[r["domain"], default: [:]][r["wijk"]] = r["n"] }
        }
        return result
    }

    @Test(arguments: [5, 10])
    func noPublishedCombinationIdentifiesFewerThanK(k: Int) throws {
        let dir = try TemporaryDirectory()
        let store = try generatedStore(dir, households: 300, seed: 21)
        let rows = try store.aggregate(config: SignalConfig(), today: Fixture.today, k: k)
        let truth = try truth(dir.file("gen-21.sqlite"))
        // Households per signal and wijk, counted from the audit's findings one by one.
        let wijk = Dictionary(uniqueKeysWithValues: try store.exportDocument().households.map { ($0.household.id, $0.household.wijk) })
        var signals: [String: [String: Set<Int64>]] = [:]
        for (hid, fs) in try store.auditFindings(config: SignalConfig(), today: Fixture.today) {
            for f in fs { signals[f.rule.rawValue, default: [:]][wijk[hid]!, default: []].insert(hid) }
        }
        var signalCellsShown = 0
        var hiddenSomewhere = 0
        for group in Dictionary(grouping: rows, by: { "\($0.dimension)/\($0.code)" }).values {
            let cells = group.filter { $0.wijk != nil }
            let totals = group.filter { $0.wijk == nil }
            #expect(totals.count == 1, "one all-wijken total per domain and signal")
            for row in cells {
                if let n = row.households { #expect(n >= k, "\(row)") }
                if row.households == nil, row.dimension == "leefgebied", let real = truth[row.code]?[row.wijk!], real < k {
                    // What is counted among a hidden few is hidden with them.
                    #expect(row.openActions == nil && row.waiting == nil && row.averageWaitingDays == nil, "\(row)")
                }
                if let n = row.households, row.dimension == "leefgebied" { #expect(truth[row.code]?[row.wijk!] == n, "shown figures are true") }
                if let n = row.households, row.dimension == "signaal" {
                    #expect(signals[row.code]?[row.wijk!]?.count == n, "shown signal figures are true: \(row)")
                    signalCellsShown += 1
                }
            }
            guard let total = totals.first?.households else { continue }
            let hidden = cells.filter { $0.households == nil }
            let rest = total - cells.compactMap(\.households).reduce(0, +)
            hiddenSomewhere += hidden.count
            #expect(hidden.isEmpty ? rest == 0 : hidden.count >= 2 && rest >= k, "\(group.first!.code): \(hidden.count) hidden holding \(rest)")
            if totals.first?.openActions != nil {
                let hiddenOpen = cells.filter { $0.openActions == nil }
                #expect(hiddenOpen.isEmpty || hiddenOpen.count >= 2, "open actions of \(group.first!.code)")
            }
        }
        #expect(hiddenSomewhere > 0, "the fixture must exercise suppression")
        #expect(signalCellsShown > 10, "the fixture must show signal figures")
    }
}
