import Foundation
import GRDB

/// Whether a report's last processing succeeded or it is quarantined.
public enum ReportStatus: String, Sendable, Codable, Equatable, CaseIterable {
    case ok
    case failed
}

/// One row of the state store's `reports` table: what nqp knows about one input file.
///
/// Timestamps are ISO 8601 UTC strings (`2026-11-29T20:00:00Z`) supplied by the caller, so tests can fix them.
public struct ReportRecord: Sendable, Equatable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "reports"

    /// The key chosen by the caller (see ``FileStat/path``).
    public var path: String
    public var size: Int64
    public var modificationTimeNanoseconds: Int64
    /// Lower-case hex SHA-256 of the content; empty when the file could not be read at all.
    public var sha256: String
    /// Hash of content + extractor version + dictionary hashes + counting options (``ContentHash/resultKey``).
    public var resultKey: String
    public var status: ReportStatus
    public var firm: String?
    public var year: Int?
    /// For failed reports: the stage that failed.
    public var stage: FailureStage?
    /// For failed reports: the human-readable reason.
    public var reason: String?
    /// When the path was first recorded; kept across later updates.
    public var firstSeen: String
    /// When the file's content was last processed (or its failure last observed).
    public var lastSeen: String
    /// The per-report result produced by the pipeline (JSON), opaque to the store; nil for failed reports and
    /// when a listing was asked for without results.
    public var result: Data?
    /// When the row was last written for any reason.
    public var updatedAt: String

    public init(path: String, size: Int64, modificationTimeNanoseconds: Int64, sha256: String, resultKey: String,
                status: ReportStatus, firm: String? = nil, year: Int? = nil, stage: FailureStage? = nil,
                reason: String? = nil, firstSeen: String, lastSeen: String, result: Data? = nil,
                updatedAt: String) {
        self.path = path
        self.size = size
        self.modificationTimeNanoseconds = modificationTimeNanoseconds
        self.sha256 = sha256
        self.resultKey = resultKey
        self.status = status
        self.firm = firm
        self.year = year
        self.stage = stage
        self.reason = reason
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.result = result
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case path, size
        case modificationTimeNanoseconds = "mtime_ns"
        case sha256
        case resultKey = "result_key"
        case status, firm, year, stage, reason
        case firstSeen = "first_seen"
        case lastSeen = "last_seen"
        case result
        case updatedAt = "updated_at"
    }
}

/// The outcome of processing one report, handed to ``StateStore/commit(_:at:)``.
public struct ReportOutcome: Sendable, Equatable {
    public var file: FileStat
    public var sha256: String
    public var resultKey: String
    public var status: ReportStatus
    public var firm: String?
    public var year: Int?
    public var stage: FailureStage?
    public var reason: String?
    public var result: Data?

    public init(file: FileStat, sha256: String, resultKey: String, status: ReportStatus, firm: String? = nil,
                year: Int? = nil, stage: FailureStage? = nil, reason: String? = nil, result: Data? = nil) {
        self.file = file
        self.sha256 = sha256
        self.resultKey = resultKey
        self.status = status
        self.firm = firm
        self.year = year
        self.stage = stage
        self.reason = reason
        self.result = result
    }

    /// A report that went through every stage; `result` is the pipeline's JSON for it.
    public static func succeeded(file: FileStat, sha256: String, resultKey: String, firm: String?, year: Int?,
                                 result: Data) -> ReportOutcome {
        ReportOutcome(file: file, sha256: sha256, resultKey: resultKey, status: .ok, firm: firm, year: year,
                      result: result)
    }

    /// A report to quarantine: it leaves the panel (no result) and is listed in `errors.csv`.
    public static func failed(file: FileStat, sha256: String, resultKey: String, stage: FailureStage, reason: String,
                              firm: String? = nil, year: Int? = nil) -> ReportOutcome {
        ReportOutcome(file: file, sha256: sha256, resultKey: resultKey, status: .failed, firm: firm, year: year,
                      stage: stage, reason: reason)
    }
}
