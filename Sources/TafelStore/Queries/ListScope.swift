import Foundation
import GRDB
import TafelCore

/// The households a user's lists may name (`AccessPolicy.mayList`), as an SQL condition on a
/// `household` row aliased `h`. Lists and the audit restrict their queries with it, so a team
/// leader's list of one team reads that team's rows through the team index instead of computing
/// every household of the city and dropping nine tenths afterwards (Docs/PERFORMANCE.md). The
/// callers still apply `AccessPolicy.mayList` to what comes back: the SQL narrows, the policy decides.
struct ListScope {
    /// `AND (…)`, or empty for a user who may list every household.
    let condition: String
    /// The named arguments `condition` uses.
    let arguments: [String: (any DatabaseValueConvertible)?]
    /// The households the user is involved in (read once; the callers need them too).
    let involved: Set<Int64>

    init(_ db: Database, user: Professional, store: SQLiteCaseStore) throws {
        involved = try store.involvedHouseholds(db, user: user.id)
        let teams: [String]
        switch user.role {
        case .beheerder:
            condition = ""
            arguments = [:]
            return
        case .teamleider: teams = user.teams.sorted()
        // A voorzitter also lists the own team's households; a medewerker only the involved ones.
        case .voorzitter: teams = user.team.isEmpty ? [] : [user.team]
        case .medewerker: teams = []
        }
        condition = "AND (h.team IN (SELECT value FROM json_each(:scope_teams)) OR h.id IN (SELECT value FROM json_each(:scope_involved)))"
        arguments = ["scope_teams": TeamList.encode(teams), "scope_involved": store.jsonArray(Array(involved))]
    }
}
