import Foundation
import TafelCore

/// Runs one intent against the store, the clock and the file system, and answers with a result.
///
/// It knows nothing of the screen: no `AppState`, no follow-up decisions. What is loaded after a
/// save, what the status bar says and what the editor shows are the reducer's business. It is
/// called off the main thread by `AppRuntime`, and directly by tests on a real SQLite file.
public final class EffectInterpreter: @unchecked Sendable {
    /// Fixed for a session: who is signed in and the settings that shape their lists.
    public struct Session: Sendable {
        public var user: Professional
        public var signalConfig: SignalConfig
        public var strings: Strings
        public var domainOrder: [String]
        /// Where exported minutes are written.
        public var exportDirectory: String
        public var drafts: DraftStore
        /// Writes a setting to the user's config file and answers its path (nil: settings are not
        /// saved, as in tests without a config folder).
        public var saveSetting: (@Sendable (_ key: String, _ value: String) throws -> String)?
        /// The sociale kaart, for "how to reach them" in the household's plan.
        public var services: [Service] = []

        public init(user: Professional, signalConfig: SignalConfig, strings: Strings, domainOrder: [String],
                    exportDirectory: String, drafts: DraftStore, saveSetting: (@Sendable (String, String) throws -> String)? = nil) {
            self.user = user; self.signalConfig = signalConfig; self.strings = strings; self.domainOrder = domainOrder
            self.exportDirectory = exportDirectory; self.drafts = drafts; self.saveSetting = saveSetting
        }
    }

    let store: any CaseStore
    let clock: any Clock
    /// The session; its language changes when the user switches it on screen (writes run in order,
    /// so an export asked after the switch is worded in the new language).
    public var session: Session { lock.withLock { current } }
    private var current: Session
    private let lock = NSLock()

    public init(store: any CaseStore, clock: any Clock, session: Session) {
        self.store = store
        self.clock = clock
        self.current = session
    }

    /// Performs the intent; every failure becomes a typed `.failed`, never a thrown error.
    public func run(_ intent: Effect.Intent) -> EffectResult {
        let user = session.user
        do {
            switch intent {
            case .loadCaseload:
                return .caseload(try store.caseload(for: user, today: clock.today))
            case .loadHouseholds:
                return .households(try store.households(for: user, today: clock.today))
            case .loadAudit(let filter):
                return .audit(try store.auditSummary(for: user, config: session.signalConfig, today: clock.today, filter: filter))
            case .loadEvidence(let id):
                return .evidence(id, try store.auditEvidence(householdId: id, for: user, config: session.signalConfig, today: clock.today))
            case .open(let id, let reason):
                return .opened(try store.caseFile(id, for: user, reason: reason))
            case .reload(let id):
                return .opened(try store.reload(id, for: user))
            case .perform(let op, let hid):
                return .performed(try store.perform(op, householdId: hid, by: user))
            case .exportDocument(let hid, let mid, let kind):
                return .exported(path: try exportDocument(hid, mid, kind))
            case .saveDraft(let d):
                try session.drafts.save(d)
                return .done
            case .discardDraft(let hid, let target):
                session.drafts.discard(householdId: hid, target: target)
                return .done
            case .loadDrafts(let hid):
                return .drafts(session.drafts.load(householdId: hid))
            case .intakeSearch(let q):
                return .intakeMatches(try store.intakeSearch(q, for: user))
            case .pollChanges:
                return .changes(try store.hasExternalChanges())
            case .saveSetting(let key, let value):
                if key == "lang", let language = Language(rawValue: value) {
                    lock.withLock { current.strings = Strings(language, reference: current.strings.reference) }
                }
                guard let save = session.saveSetting else { return .done }
                do { return .settingSaved(key: key, value: value, path: try save(key, value)) } catch {
                    return .failed(.settingNotSaved(key: key))
                }
            case .widenTeamScope(let team, let reason):
                let wider = try store.widenTeamScope(user, to: team, reason: reason)
                lock.withLock { current.user = wider }
                return .teamWidened(team)
            case .setTheme, .editExternally, .suspend, .crash:
                return .done
            }
        } catch let e as CaseStoreError {
            switch e {
            case .reasonRequired(let id), .writeReasonRequired(let id): return .needsReason(householdId: id)
            case .editConflict(let c): return .conflict(c)
            case .rule(let r): return .failed(.rule(r))
            default: return .failed(.store(e))
            }
        } catch let e as DomainError {
            return .failed(.rule(e))
        } catch {
            return .failed(.io(String(describing: error)))
        }
    }

    /// Writes one of a meeting's documents into the export folder under a name in the user's
    /// language; an existing file is never replaced (a number is added). Logs the export.
    func exportDocument(_ hid: Int64, _ mid: Int64, _ kind: ExportKind) throws -> String {
        let user = session.user
        let file = try store.reload(hid, for: user)
        let roster = try store.roster()
        let minutes = try Minutes.build(file, meetingId: mid, roster: roster, domainOrder: session.domainOrder, services: session.services)
        let s = session.strings
        let renderer = MinutesRenderer(strings: s)
        let doc: ReportDocument, stem: String, html: Bool, what: String
        switch kind {
        case .team(let h):
            doc = renderer.document(minutes, audience: .team, roster: roster); stem = s.t("export.file-team"); html = h; what = "team"
        case .plan:
            doc = renderer.document(minutes, audience: .household, roster: roster); stem = s.t("export.file-plan"); html = false; what = "household"
        case .extract(let org):
            doc = renderer.document(minutes, audience: .organisation(org), roster: roster)
            stem = s.t("export.file-extract") + "-" + ExportNames.slug(roster.organisations[org]?.name ?? String(org)); html = false; what = "organisation \(org)"
        }
        let name = "\(stem)-\(ExportNames.slug(file.household.name))-\(minutes.date.iso)"
        let path = try ExportNames.write(Data((html ? doc.html() : doc.markdown()).utf8), folder: session.exportDirectory, name: name,
                                         ext: html ? "html" : "md")
        try store.logExport(householdId: hid, what: "minutes (\(what), \(html ? "html" : "md"))", by: user)
        return path
    }
}
