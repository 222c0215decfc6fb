import Foundation
import GRDB

/// Whether a report's last processing succeeded or it is quarantined.
enum ReportStatus: String, Sendable, Codable, Equatable, CaseIterable {
    case ok
    case failed
}

/// One row of the state store's `reports` table: what nqp knows about one input file.
///
/// Timestamps are ISO 8601 UTC strings (`2026-11-29T20:00:00Z`) supplied by the caller, so tests can fix them.
struct ReportRecord: Sendable, Equatable, Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "reports"

    /// The key chosen by the caller (see ``FileStat/path``).
    var path: String
    var size: Int64
    var modificationTimeNanoseconds: Int64
    /// Lower-case hex SHA-256 of the content; empty when the file could not be read at all.
    var sha256: String
    /// Hash of content + extractor version + dictionary hashes + counting options (``ResultKeys``).
    var resultKey: String
    var status: ReportStatus
    var firm: String?
    var year: Int?
    /// For failed reports: the stage that failed.
    var stage: FailureStage?
    /// For failed reports: the human-readable reason.
    var reason: String?
    /// When the path was first recorded; kept across later updates.
    var firstSeen: String
    /// When the file's content was last processed (or its failure last observed).
    var lastSeen: String
    /// The per-report result produced by the pipeline (JSON), opaque to the store; nil for failed reports and
    /// when a listing was asked for without results.
    var result: Data?
    /// When the row was last written for any reason.
    var updatedAt: String

    init(path: String, size: Int64, modificationTimeNanoseconds: Int64, sha256: String, resultKey: String,
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

    /// Reads a row column by column: going through `Decodable` cost a rerun over 10,000 reports more than the
    /// query itself. Same columns and the same errors for an unknown status or stage.
    init(row: Row) throws {
        path = try row.decode(forColumn: CodingKeys.path.rawValue)
        size = try row.decode(forColumn: CodingKeys.size.rawValue)
        modificationTimeNanoseconds = try row.decode(forColumn: CodingKeys.modificationTimeNanoseconds.rawValue)
        sha256 = try row.decode(forColumn: CodingKeys.sha256.rawValue)
        resultKey = try row.decode(forColumn: CodingKeys.resultKey.rawValue)
        let statusText: String = try row.decode(forColumn: CodingKeys.status.rawValue)
        guard let status = ReportStatus(rawValue: statusText) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [CodingKeys.status],
                                                    debugDescription: "unknown status '\(statusText)'"))
        }
        self.status = status
        firm = try row.decode(forColumn: CodingKeys.firm.rawValue)
        year = try row.decode(forColumn: CodingKeys.year.rawValue)
        let stageText: String? = try row.decode(forColumn: CodingKeys.stage.rawValue)
        if let stageText {
            guard let stage = FailureStage(rawValue: stageText) else {
                throw DecodingError.dataCorrupted(.init(codingPath: [CodingKeys.stage],
                                                        debugDescription: "unknown stage '\(stageText)'"))
            }
            self.stage = stage
        } else {
            stage = nil
        }
        reason = try row.decode(forColumn: CodingKeys.reason.rawValue)
        firstSeen = try row.decode(forColumn: CodingKeys.firstSeen.rawValue)
        lastSeen = try row.decode(forColumn: CodingKeys.lastSeen.rawValue)
        result = try row.decode(forColumn: CodingKeys.result.rawValue)
        updatedAt = try row.decode(forColumn: CodingKeys.updatedAt.rawValue)
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
struct ReportOutcome: Sendable, Equatable {
    var file: FileStat
    var sha256: String
    var resultKey: String
    var status: ReportStatus
    var firm: String?
    var year: Int?
    var stage: FailureStage?
    var reason: String?
    var result: Data?

    init(file: FileStat, sha256: String, resultKey: String, status: ReportStatus, firm: String? = nil,
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
    static func succeeded(file: FileStat, sha256: String, resultKey: String, firm: String?, year: Int?,
                                 result: Data) -> ReportOutcome {
        ReportOutcome(file: file, sha256: sha256, resultKey: resultKey, status: .ok, firm: firm, year: year,
                      result: result)
    }

    /// A report to quarantine: it leaves the panel (no result) and is listed in `errors.csv`.
    static func failed(file: FileStat, sha256: String, resultKey: String, stage: FailureStage, reason: String,
                              firm: String? = nil, year: Int? = nil) -> ReportOutcome {
        ReportOutcome(file: file, sha256: sha256, resultKey: resultKey, status: .failed, firm: firm, year: year,
                      stage: stage, reason: reason)
    }
}
