import ArgumentParser
import Foundation
import TafelCore
import TafelStore

/// What every writing command shares: the signed-in user, the intent performed through the same
/// store method the screens use (one transaction, its event, the access check), and one line that
/// says what was done — or the whole record with `--format json`.
struct WriteContext {
    let global: GlobalOptions
    let store: SQLiteCaseStore
    let user: Professional
    let strings: Strings
    let today: Day

    init(_ global: GlobalOptions) throws {
        self.global = global
        store = try global.openStore(create: false)
        user = try global.signedIn(store)
        strings = global.strings
        today = AppClock.current.today
    }

    func household(_ text: String) throws -> Int64 {
        try resolveHousehold(text, in: store, for: user, strings: strings)
    }

    /// The household file, read for a command that changes it (the access check of the store).
    func file(_ id: Int64) throws -> CaseFile {
        try store.reload(id, for: user)
    }

    @discardableResult
    func perform(_ op: CaseOperation, on householdId: Int64?) throws -> OperationResult {
        try store.perform(op, householdId: householdId, by: user)
    }

    /// A date as the screens take it: `+2w`, `vr`, `18-12`, `2026-12-18`.
    func date(_ text: String, field: String) throws -> Day {
        do { return try DueDateParser.parse(text, today: today) } catch let e as DueDateParser.Invalid {
            throw CLIError(strings.t("cli.bad-field", strings.t("field.\(field)"), strings.render(e.message)))
        }
    }

    /// A code of a vocabulary, or a one-line error listing the valid codes in the user's words.
    func code<V: Vocabulary>(_ text: String, _ type: V.Type, field: String) throws -> V {
        if let v = V(rawValue: text) { return v }
        let valid = V.allCases.map { "\($0.rawValue) (\(strings.label($0)))" }.joined(separator: ", ")
        throw CLIError(strings.t("cli.bad-code", strings.t("field.\(field)"), text, valid))
    }

    /// A domain code of the database's active set, or a one-line error listing the set's codes.
    func domain(_ code: String) throws -> String {
        let order = try store.domainOrder()
        guard order.contains(code) else {
            throw CLIError(strings.t("cli.bad-code", strings.t("field.domain"), code, order.map { "\($0) (\(strings.domain($0)))" }.joined(separator: ", ")))
        }
        return code
    }

    /// A party from the command line: a login (`sanne`), `org:Naam`, `member:Naam` or `informal:Naam`.
    func party(_ text: String, in file: CaseFile) throws -> PartyRef {
        let roster = try store.roster()
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        let kind = parts.count == 2 ? parts[0] : "login"
        let name = (parts.count == 2 ? parts[1] : parts[0]).lowercased()
        switch kind {
        case "login":
            if let p = roster.professional(login: parts[0]) { return .professional(p.id) }
            if let p = roster.professionals.values.first(where: { $0.name.lowercased() == name }) { return .professional(p.id) }
        case "org":
            if let o = roster.organisations.values.first(where: { $0.name.lowercased() == name })
                ?? roster.organisations.values.first(where: { $0.name.lowercased().contains(name) }) { return .organisation(o.id) }
        case "member":
            if let m = file.members.first(where: { $0.name.lowercased().contains(name) }) { return .member(m.id) }
        case "informal":
            if let i = file.informal.first(where: { $0.name.lowercased().contains(name) }) { return .informal(i.id) }
        default: break
        }
        throw CLIError(strings.t("cli.bad-party", text))
    }

    /// Says what was done: the id touched and the status line the screen would show, or the
    /// household's whole record as JSON.
    func report(_ result: OperationResult, _ op: CaseOperation, touched: String, format: WriteFormat) {
        if format == .json {
            Out.raw(JSONOutput.encode(result.file))
            return
        }
        let done = OperationWording.done(op, result: result, strings: strings)
        Out.line(touched + (done.map { " — " + strings.render($0) } ?? ""))
    }
}

/// Output of writing commands: a line for people, or the record for scripts.
enum WriteFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Yes/no options (`--chronic yes`).
enum YesNo: String, ExpressibleByArgument, CaseIterable {
    case yes, no, ja, nee
    var value: Bool { self == .yes || self == .ja }
}

/// The id of a record a command touched, in the user's words: "huishouden 7", "afspraak 12".
func touched(_ entity: String, _ id: Int64, _ strings: Strings) -> String {
    "\(strings.t("entity.\(entity)")) \(id)"
}

/// The id of the record an intent created (from the stored changes).
func createdId(_ result: OperationResult, _ entity: String) -> Int64? {
    result.changes.first { $0.isCreation && $0.entity == entity }?.recordId
}
