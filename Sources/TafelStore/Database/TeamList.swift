import Foundation

/// A list of team names as stored in one column (`professional.leads`): a JSON array of strings,
/// so a team name may hold any character.
enum TeamList {
    static func encode(_ teams: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(teams)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// The teams in a stored cell; an unreadable cell reads as no teams (fail closed: no extra scope).
    static func decode(_ text: String?) -> [String]? {
        // Nearly every professional leads no other team: no JSON decoder for "[]" (a tenth of
        // `tafel caseload` at 4,500 professionals went to decoding it).
        if text == nil || text == "[]" { return nil }
        guard let text, let teams = try? JSONDecoder().decode([String].self, from: Data(text.utf8)), !teams.isEmpty else { return nil }
        return teams
    }
}
