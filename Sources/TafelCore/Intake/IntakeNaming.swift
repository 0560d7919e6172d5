/// The name of a household registered from a signal: "Familie Jansen" from the names the reporter
/// knew, else a placeholder the worker replaces.
public enum IntakeNaming {
    public static func householdName(from names: String?, strings: Strings) -> String {
        let words = (names ?? "").split(whereSeparator: { $0 == "," || $0 == "&" }).first.map { $0.split(separator: " ") } ?? []
        if let last = words.last, words.count >= 1 {
            // Dutch surnames keep their prefix: "Jan de Vries" → "Familie De Vries".
            let prefixes: Set<String> = ["de", "van", "der", "den", "het", "ter", "ten", "te"]
            var surname: [Substring] = [last]
            var i = words.count - 2
            while i >= 1, prefixes.contains(words[i].lowercased()) { surname.insert(words[i], at: 0); i -= 1 }
            let text = surname.joined(separator: " ")
            return strings.t("intake.family-name", text.prefix(1).uppercased() + text.dropFirst())
        }
        return strings.t("intake.unknown-name")
    }
}
