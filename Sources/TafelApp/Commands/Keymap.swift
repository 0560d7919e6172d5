import TafelCore
import Foundation
import TerminalKit

/// Key bindings per context, read from a data file (`keys.default`) and user overrides
/// (tig's idea: one table drives the keys, the palette and the help).
public struct Keymap: Sendable {
    /// Bindings in file order per context (for help and hints). A nil command is an `unbind`:
    /// the key does nothing in that context, even if a wider context binds it.
    public private(set) var bindings: [KeyContext: [(key: KeyEvent, command: Command?)]] = [:]

    public init() {}

    /// A problem in a keymap file, as `path:line: message`.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var line: Int
        /// What is wrong, worded from the catalogue in the reader's language.
        public var message: Message
        /// `file:line: what is wrong`, in the language of `strings`.
        public func text(_ strings: Strings) -> String { "\(path):\(line): \(strings.render(message))" }
        public var description: String { text(Strings(.en)) }
    }

    /// Applies `bind`/`unbind` lines; bad lines are reported and skipped.
    @discardableResult
    public mutating func load(_ text: String, path: String) -> [Problem] {
        var problems: [Problem] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let words = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            guard let first = words.first, !first.hasPrefix("#") else { continue }
            func report(_ key: String, _ word: String? = nil) {
                problems.append(Problem(path: path, line: i + 1, message: Message(key: key, args: word.map { [.text($0)] } ?? [])))
            }
            switch first {
            case "bind":
                guard words.count == 4 else { report("keys.problem.bind-line"); continue }
                guard let ctx = KeyContext(rawValue: words[1]) else { report("keys.problem.unknown-context", words[1]); continue }
                guard let key = KeyEvent(name: words[2]) else { report("keys.problem.unknown-key", words[2]); continue }
                guard let cmd = Command(name: words[3]) else { report("keys.problem.unknown-command", words[3]); continue }
                bind(key, to: cmd, in: ctx)
            case "unbind":
                guard words.count == 3 else { report("keys.problem.unbind-line"); continue }
                guard let ctx = KeyContext(rawValue: words[1]) else { report("keys.problem.unknown-context", words[1]); continue }
                guard let key = KeyEvent(name: words[2]) else { report("keys.problem.unknown-key", words[2]); continue }
                bindings[ctx, default: []].removeAll { $0.key == key }
                bindings[ctx, default: []].append((key, nil))
            default:
                report("keys.problem.unknown-directive", first)
            }
        }
        return problems
    }

    public mutating func bind(_ key: KeyEvent, to command: Command, in context: KeyContext) {
        bindings[context, default: []].removeAll { $0.key == key }
        bindings[context, default: []].append((key, command))
    }

    /// The command for a key in a context (searching the context chain).
    public func command(for key: KeyEvent, in context: KeyContext) -> Command? {
        for ctx in context.chain {
            // An unbind stops the search: the key is deliberately free here.
            if let b = bindings[ctx]?.first(where: { $0.key == key }) { return b.command }
        }
        return nil
    }

    /// The keys bound to a command in a context chain, most specific first (for hints).
    public func keys(for command: Command, in context: KeyContext) -> [KeyEvent] {
        var out: [KeyEvent] = []
        for ctx in context.chain {
            for b in bindings[ctx] ?? [] where b.command == command && !out.contains(b.key) {
                // A key rebound in a more specific context no longer reaches this command.
                if self.command(for: b.key, in: context) == command { out.append(b.key) }
            }
        }
        return out
    }

    /// The commands bound in one context, with all their keys, in file order.
    public func entries(in context: KeyContext) -> [(command: Command, keys: [KeyEvent])] {
        var order: [Command] = []
        var keys: [Command: [KeyEvent]] = [:]
        for b in bindings[context] ?? [] {
            guard let command = b.command else { continue }
            if keys[command] == nil { order.append(command) }
            keys[command, default: []].append(b.key)
        }
        return order.map { ($0, keys[$0]!) }
    }

    /// The defaults shipped with tafel.
    public static let defaults: Keymap = {
        var k = Keymap()
        // Compiled in (tools/embed.py): an installed binary needs no files beside it.
        k.load(EmbeddedApp.keys, path: "keys.default")
        return k
    }()
}
