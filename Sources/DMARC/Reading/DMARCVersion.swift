/// The version of this library and tool.
public enum DMARCVersion {
    public static let current = "0.1.0"
}
