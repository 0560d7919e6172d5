/// tafel's release version (`tafel --version`; also in the man page).
public enum TafelVersion {
    public static let string = "0.3.0"
}
