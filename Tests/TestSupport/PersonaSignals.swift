/// What each demo household (../shared/PERSONAS.md) must raise in the audit, by signal id; Maaike raises
/// nothing. Shared by the core's rule test and the end-to-end test of `tafel audit --format json`.
public enum PersonaSignals {
    public static let expected: [(household: String, rules: Set<String>)] = [
        ("De Vries", ["geen-regie", "regie-teruggekaatst"]), ("Jolanda", ["wachtlijst"]), ("Rosa", ["voorliggend", "actie-verlopen"]),
        ("Storm", ["acuut-zonder-actie", "geen-hulpvraag"]), ("Sepp", ["voorliggend", "wachtlijst-keten"]), ("Mandy", ["overgang"]),
        ("John", ["geparkeerd", "geen-contact"]), ("Michael", ["acuut-zonder-actie", "onvolledig"]), ("Ingrid", ["een-domein", "onvolledig"]),
        ("Anoushka", ["score-daling"]), ("Michel", ["acuut-zonder-actie"]), ("Willem", ["escalatie-open"]),
    ]
    /// The household without any signal.
    public static let healthy = "Maaike"
}
