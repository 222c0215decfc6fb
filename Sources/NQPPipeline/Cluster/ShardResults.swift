import Foundation
import NQPEncoding
import NQPLexicon
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where cluster rounds live: `out/.nqp/shards/N/K/` holds the results of shard K of N, each its own files (a
/// SQLite database must not be written by many nodes at once over NFS). A shard is written into
/// `out/.nqp/shards/N/.K.tmp-HOST-PID/` and renamed to `K/` only once complete, so a half-written shard is never
/// gathered.
enum ShardLayout {
    static let shardsFolder = "shards"
    static let markerName = "shard.json"
    static let recordsName = "records.jsonl"

    static func shards(_ output: URL) -> URL {
        output.appendingPathComponent(StateStore.directoryName).appendingPathComponent(shardsFolder)
    }
    static func round(_ output: URL, count: Int) -> URL { shards(output).appendingPathComponent(String(count)) }
    static func folder(_ output: URL, _ shard: ShardSpec) -> URL {
        round(output, count: shard.count).appendingPathComponent(String(shard.index))
    }
    static func temporaryPrefix(_ index: Int) -> String { ".\(index).tmp-" }

    /// The shard counts that have a round folder, ascending.
    static func rounds(_ output: URL) -> [Int] {
        ((try? FileManager.default.contentsOfDirectory(atPath: shards(output).path)) ?? [])
            .compactMap { Int($0) }.filter { $0 >= 1 }.sorted()
    }

    /// Temporary folders of shard `index` in a round (written by a task that is running or was killed).
    static func temporaries(in round: URL, index: Int) -> [URL] {
        let prefix = temporaryPrefix(index)
        return ((try? FileManager.default.contentsOfDirectory(atPath: round.path)) ?? [])
            .filter { $0.hasPrefix(prefix) }.sorted().map { round.appendingPathComponent($0) }
    }

    static var hostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "host" }
        let name = String(cString: buffer).filter { $0.isLetter || $0.isNumber || $0 == "-" }
        return name.isEmpty ? "host" : name
    }
}

/// What must be equal between every shard of a round and the gather.
struct ShardFingerprints: Codable, Sendable, Equatable {
    var nqpVersion: String
    /// Size and modification time of the nqp executable (a rebuilt binary may extract differently).
    var executable: String
    var configSHA256: String
    /// The result-key fingerprint: extractor and counter versions, options, dictionaries.
    var cache: String
    /// `name=sha256` of each dictionary, in configuration order.
    var dictionaries: [String]

    enum CodingKeys: String, CodingKey {
        case nqpVersion = "nqp_version", executable, configSHA256 = "config_sha256", cache, dictionaries
    }

    /// What differs from `other`, in words (empty when they agree).
    func differences(from other: ShardFingerprints) -> [String] {
        var out: [String] = []
        if nqpVersion != other.nqpVersion || executable != other.executable {
            out.append("another nqp build (\(other.nqpVersion), executable \(other.executable); this one is \(nqpVersion), \(executable))")
        }
        if configSHA256 != other.configSHA256 { out.append("another configuration (config SHA-256 \(other.configSHA256.prefix(12))…, now \(configSHA256.prefix(12))…)") }
        if dictionaries != other.dictionaries {
            out.append("other dictionaries (\(other.dictionaries.joined(separator: ", ")))")
        } else if cache != other.cache {
            out.append("other counting or extraction settings")
        }
        return out
    }
}

/// `shard.json`: the completion marker of a shard, written last; its presence in `K/` means the shard finished.
struct ShardMarker: Codable {
    var format = 1
    var shard: Int
    var shards: Int
    var fingerprints: ShardFingerprints
    /// ``ShardWork/fingerprint`` of the round this shard was planned in.
    var workFingerprint: String
    /// Reports to process in the whole round.
    var workReports: Int
    /// This shard's reports, sorted.
    var reports: [String]
    var bytes: Int64
    /// Reports (and archive members) quarantined by this shard.
    var quarantined: Int
    var recordsSHA256: String
    var host: String
    var startedAt: String
    var finishedAt: String

    enum CodingKeys: String, CodingKey {
        case format, shard, shards, fingerprints, workFingerprint = "work_fingerprint"
        case workReports = "work_reports", reports, bytes, quarantined, recordsSHA256 = "records_sha256"
        case host, startedAt = "started_at", finishedAt = "finished_at"
    }
}

/// One line of `records.jsonl`: a processed report as the gather commits it to the main state store.
struct ShardRecord: Codable {
    var path: String
    var size: Int64
    var mtimeNs: Int64
    var sha256: String
    var resultKey: String
    var status: ReportStatus
    var firm: String?
    var year: Int?
    var stage: FailureStage?
    var reason: String?
    /// The stored-outcome JSON (as the state store keeps it), base64 in the line.
    var result: Data?
    /// When the report was processed (seconds since 1970): the store's first/last seen, as a plain run records.
    var processedAt: Double

    enum CodingKeys: String, CodingKey {
        case path, size, mtimeNs = "mtime_ns", sha256, resultKey = "result_key", status, firm, year, stage, reason
        case result, processedAt = "processed_at"
    }

    init(_ outcome: ReportOutcome, at date: Date) {
        path = outcome.file.path
        size = outcome.file.size
        mtimeNs = outcome.file.modificationTimeNanoseconds
        sha256 = outcome.sha256
        resultKey = outcome.resultKey
        status = outcome.status
        firm = outcome.firm
        year = outcome.year
        stage = outcome.stage
        reason = outcome.reason
        result = outcome.result
        processedAt = date.timeIntervalSince1970
    }

    var outcome: ReportOutcome {
        ReportOutcome(file: FileStat(path: path, size: size, modificationTimeNanoseconds: mtimeNs), sha256: sha256,
                      resultKey: resultKey, status: status, firm: firm, year: year, stage: stage, reason: reason,
                      result: result)
    }
}

/// A finished shard read back for the gather.
struct FinishedShard {
    var marker: ShardMarker
    var records: [ShardRecord]

    /// Reads `K/` and checks it is whole: the marker parses and the records file hashes to what it says.
    static func read(_ folder: URL) throws(ShardError) -> FinishedShard {
        let markerURL = folder.appendingPathComponent(ShardLayout.markerName)
        let marker: ShardMarker
        do {
            marker = try JSONDecoder().decode(ShardMarker.self, from: Data(contentsOf: markerURL))
        } catch {
            throw .io(path: markerURL.path, reason: "unreadable completion marker (\(Diagnostic.text(of: error)))")
        }
        let recordsURL = folder.appendingPathComponent(ShardLayout.recordsName)
        guard let data = try? Data(contentsOf: recordsURL) else {
            throw .io(path: recordsURL.path, reason: "records file missing or unreadable")
        }
        guard SHA256.hex(Array(data)) == marker.recordsSHA256 else {
            throw .io(path: recordsURL.path, reason: "records file does not match its completion marker (damaged)")
        }
        var records: [ShardRecord] = []
        let decoder = JSONDecoder()
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            lineNumber += 1
            do {
                records.append(try decoder.decode(ShardRecord.self, from: Data(line)))
            } catch {
                throw .io(path: "\(recordsURL.path):\(lineNumber)", reason: "unreadable record (\(Diagnostic.text(of: error)))")
            }
        }
        return FinishedShard(marker: marker, records: records)
    }
}

/// Small file-system steps of publishing a shard.
enum ShardFiles {
    /// Flushes a file or folder to disk, so a renamed shard is whole after a crash of the node.
    static func sync(_ url: URL) {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    static func move(_ from: URL, _ to: URL) throws(ShardError) {
        guard rename(from.path, to.path) == 0 else {
            throw .io(path: to.path, reason: "cannot rename \(from.lastPathComponent): \(String(cString: strerror(errno)))")
        }
    }
}
