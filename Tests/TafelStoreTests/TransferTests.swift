import Foundation
import Testing
import TestSupport
@testable import TafelCore
@testable import TafelStore

@Suite("Export and import")
struct TransferTests {
    let today = Fixture.today

    func exportData(_ store: SQLiteCaseStore) throws -> Data {
        var d = Data()
        try store.export(actor: "test") { d.append($0) }
        return d
    }

    @Test func exportImportExportIsByteIdentical() throws {
        let dir = TemporaryDirectory()
        let a = try demoStore(dir)
        let first = try exportData(a)
        let b = try SQLiteCaseStore(path: dir.file("b.sqlite"), clock: FixedClock(today))
        try b.importDocument(try TransferValidator.decode(first), merge: false, actor: "test")
        let second = try exportData(b)
        #expect(first == second)
        #expect(first.count > 20_000)
        #expect(try b.check().ok)
        // The JSON is valid and its keys are sorted.
        let json = try JSONSerialization.jsonObject(with: first) as! [String: Any]
        #expect(json["version"] as? Int == 1)
        #expect((json["households"] as! [Any]).count == 14)
        // The sociale kaart and the indications travel too.
        #expect((json["services"] as! [Any]).count == DemoRoster.services.count)
        #expect(try b.services().map(\.name) == (try a.services()).map(\.name))
        #expect(try b.exportDocument().households.flatMap(\.indications).count == 1)
    }

    @Test func aNonEmptyTargetIsRefusedUnlessMergingWithoutClashes() throws {
        let dir = TemporaryDirectory()
        let a = try demoStore(dir)
        let doc = try TransferValidator.decode(try exportData(a))
        #expect(throws: ImportError("", Message("import.not-empty"))) { try a.importDocument(doc, merge: false, actor: "t") }
        #expect(throws: ImportError("organisations[0].id", Message("import.exists", .key("entity.organisation"), .number(1)))) {
            try a.importDocument(doc, merge: true, actor: "t")
        }
        // A merge of a document with fresh ids works.
        var other = TransferDocument(settings: doc.settings, organisations: [Organisation(id: 500, name: "Nieuw", kind: "welzijn")],
                                     professionals: [Professional(id: 500, name: "Nieuwe", organisationId: 500, discipline: "x", role: .medewerker, login: "nieuw")],
                                     households: [])
        var f = doc.households[0]
        f = renumbered(f, by: 100_000)
        other.households = [f]
        try a.importDocument(other, merge: true, actor: "t")
        #expect(try a.findHouseholds(f.household.name).count == 2)
    }

    /// A copy of a household with every id shifted, so it does not clash.
    func renumbered(_ f: CaseFile, by k: Int64) -> CaseFile {
        var f = f
        f.household.id += k
        f.members = f.members.map { var m = $0; m.id += k; m.householdId += k; return m }
        f.informal = f.informal.map { var m = $0; m.id += k; m.householdId += k; return m }
        f.signals = f.signals.map { var m = $0; m.id += k; m.householdId += k; return m }
        f.domains = f.domains.map { var m = $0; m.householdId += k; return m }
        f.assessments = f.assessments.map { var m = $0; m.id += k; m.householdId += k; m.memberId += k; m.meetingId = m.meetingId.map { $0 + k }; return m }
        f.coordinators = f.coordinators.map { var m = $0; m.id += k; m.householdId += k; m.meetingId = m.meetingId.map { $0 + k }; return m }
        f.actions = f.actions.map { var m = $0; m.id += k; m.householdId += k; m.meetingId = m.meetingId.map { $0 + k }
            m.memberId = m.memberId.map { $0 + k }; m.dependsOn = m.dependsOn.map { $0 + k }; m.replacedBy = m.replacedBy.map { $0 + k }
            if let o = m.owner, o.kind == .member || o.kind == .informal { m.owner = PartyRef(o.kind, o.id + k) }
            return m }
        f.meetings = f.meetings.map { var m = $0; m.id += k; m.householdId += k; return m }
        f.attendees = f.attendees.map { var m = $0; m.id += k; m.meetingId += k
            if let o = m.party, o.kind == .member || o.kind == .informal { m.party = PartyRef(o.kind, o.id + k) }
            return m }
        f.consents = f.consents.map { var m = $0; m.id += k; m.householdId += k; m.memberId = m.memberId.map { $0 + k }; return m }
        f.escalations = f.escalations.map { var m = $0; m.id += k; m.householdId += k; return m }
        f.contacts = f.contacts.map { var m = $0; m.id += k; m.householdId += k; return m }
        return f
    }

    /// Applies a JSON edit and expects the import to fail at `path`.
    func expectRefused(_ base: Data, path: String, _ edit: (inout [String: Any]) -> Void, sourceLocation: SourceLocation = #_sourceLocation) throws {
        var json = try JSONSerialization.jsonObject(with: base) as! [String: Any]
        edit(&json)
        let data = try JSONSerialization.data(withJSONObject: json)
        let dir = TemporaryDirectory()
        let target = try SQLiteCaseStore(path: dir.file("t.sqlite"))
        do {
            try target.importDocument(try TransferValidator.decode(data), merge: false, actor: "t")
            Issue.record("import of a bad file succeeded (expected an error at \(path))", sourceLocation: sourceLocation)
        } catch let e as ImportError {
            #expect(e.path == path, "\(e)", sourceLocation: sourceLocation)
        }
        #expect(try target.isEmpty(), "a refused import left data behind", sourceLocation: sourceLocation)
    }

    @Test func badFilesAreRefusedWithTheirJSONPath() throws {
        let dir = TemporaryDirectory()
        let base = try exportData(try demoStore(dir))
        func households(_ j: inout [String: Any], _ f: (inout [[String: Any]]) -> Void) {
            var hs = j["households"] as! [[String: Any]]; f(&hs); j["households"] = hs
        }
        try expectRefused(base, path: "version") { $0["version"] = 2 }
        try expectRefused(base, path: "format") { $0["format"] = "something-else" }
        try expectRefused(base, path: "households[0].household.name") { j in households(&j) { var h = $0[0]["household"] as! [String: Any]; h["name"] = 12; $0[0]["household"] = h } }
        try expectRefused(base, path: "households[0].household.createdOn") { j in households(&j) { var h = $0[0]["household"] as! [String: Any]; h["createdOn"] = "2026-02-30"; $0[0]["household"] = h } }
        try expectRefused(base, path: "households[1].household.id") { j in households(&j) { var h = $0[1]["household"] as! [String: Any]; h["id"] = 1; $0[1]["household"] = h } }
        try expectRefused(base, path: "households[0].actions[1].owner") { j in households(&j) {
            var acts = $0[0]["actions"] as! [[String: Any]]; acts[1]["owner"] = ["kind": "professional", "id": 999]; $0[0]["actions"] = acts } }
        try expectRefused(base, path: "households[0].assessments[0].memberId") { j in households(&j) {
            var xs = $0[0]["assessments"] as! [[String: Any]]; xs[0]["memberId"] = 424242; $0[0]["assessments"] = xs } }
        try expectRefused(base, path: "households[0].actions[0].domain") { j in households(&j) {
            var xs = $0[0]["actions"] as! [[String: Any]]; xs[0]["domain"] = "astrologie"; $0[0]["actions"] = xs } }
        try expectRefused(base, path: "professionals[1].id") { j in
            var ps = j["professionals"] as! [[String: Any]]; ps[1]["id"] = ps[0]["id"]; j["professionals"] = ps }
    }

    @Test func truncatedAndBrokenJSONIsRefusedInOneLine() throws {
        for text in ["{\"version\": 1, \"households\": [{\"id\": ", "", "[]", "{\"format\":\"tafel-export\",\"version\":1}", "\u{FF}\u{FE}"] {
            #expect(throws: ImportError.self) { _ = try TransferValidator.decode(Data(text.utf8)) }
        }
        let e = #expect(throws: ImportError.self) { _ = try TransferValidator.decode(Data("{\"version\": 1, \"households\": [{\"id\": ".utf8)) }
        // A file cut short is named where it stops, in our words (the decoder's are English).
        #expect(e?.message == Message("import.truncated", .number(1)) && e?.path == "households[0].id", "\(String(describing: e))")
        let rendered = Strings(.nl).render(e!.message)
        #expect(!rendered.contains("\n") && rendered.contains("regel 1"))
        let garbage = #expect(throws: ImportError.self) { _ = try TransferValidator.decode(Data("geen json".utf8)) }
        #expect(garbage?.message == Message("import.not-json"))
        #expect(Strings(.nl).render(garbage!.message) == "geen geldige JSON: is dit een tafel-export, en is het bestand compleet?")
    }

    @Test func aRefusedImportLeavesTheDatabaseFileByteForByte() throws {
        let dir = TemporaryDirectory()
        let a = try demoStore(dir)
        let good = try exportData(a)
        let b = try SQLiteCaseStore(path: dir.file("b.sqlite"))
        try b.importDocument(try TransferValidator.decode(good), merge: false, actor: "t")
        try b.checkpoint()
        let before = try Data(contentsOf: URL(fileURLWithPath: dir.file("b.sqlite")))
        var json = try JSONSerialization.jsonObject(with: good) as! [String: Any]
        var hs = json["households"] as! [[String: Any]]
        for i in hs.indices { var h = hs[i]["household"] as! [String: Any]; h["id"] = (h["id"] as! Int) + 1000; hs[i]["household"] = h }
        json["households"] = hs // household ids fresh, but members still point at the old ones
        #expect(throws: ImportError.self) { try b.importDocument(try TransferValidator.decode(JSONSerialization.data(withJSONObject: json)), merge: true, actor: "t") }
        try b.checkpoint()
        let after = try Data(contentsOf: URL(fileURLWithPath: dir.file("b.sqlite")))
        #expect(before == after)
    }
}
