import Foundation

/// The language of everything users see. Dutch is the default.
public enum Language: String, CaseIterable, Sendable, Codable {
    case nl, en

    /// `--lang` wins, then the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else Dutch.
    public static func resolve(flag: String?, environment: [String: String]) -> Language {
        if let f = flag?.lowercased(), let l = Language(rawValue: String(f.prefix(2))) { return l }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = environment[key], !v.isEmpty {
                return v.lowercased().hasPrefix("en") ? .en : .nl
            }
        }
        return .nl
    }
}
