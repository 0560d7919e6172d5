import ArgumentParser
import Foundation
import TafelCore

/// The command line's own texts (what `--help` says about each command and option) in the
/// user's language. The language is settled before parsing, from `--lang`, the settings file
/// and the locale, the same way the app settles it.
enum CLIText {
    static let strings = Strings(Tafel.currentLanguage())

    static func t(_ key: String) -> String { strings.t(key) }

    /// An option's or argument's help line.
    static func help(_ key: String) -> ArgumentHelp { ArgumentHelp(strings.t(key)) }
}
