/// One report's bytes, already decompressed, with the path it came from.
public struct ReportInput: Sendable, Equatable {
    /// The file path, or `archive.zip/member.html` for a zip member.
    public var path: String
    /// The last path component (`000001_2019_年度报告.html`), used to find firm and year.
    public var fileName: String
    /// The report's bytes (gunzipped when the file or member was gzip-compressed).
    public var bytes: [UInt8]

    public init(path: String, fileName: String? = nil, bytes: [UInt8]) {
        self.path = path
        self.fileName = fileName ?? ReportFormat.lastComponent(of: path)
        self.bytes = bytes
    }
}
