import Foundation
import NQPEncoding
import NQPExtract
import NQPLexicon

/// The text cache of one output folder (README "Text cache"): each report's extracted text (match text, MD&A
/// range, sections, pages, facts, extraction warnings, and the layout text for excluded chapters), compressed,
/// under `<output>/.nqp/text/`, so a counting-only change re-counts without reading a report.
///
/// An entry is named `<content sha256>-<path>-<settings>.nqpt`: the report's content hash; a hash of where the
/// file is (extraction messages name the file, and its name decides its format); and the extraction settings
/// (encoding, parser, section rules, PDF rules, inflate limit, extractor version) — never the counting ones.
/// Changing an extraction setting therefore misses exactly the entries it affects.
///
/// File layout: `NQPTEXT3`, four little-endian UInt64 (raw and compressed size of part A, then of part B), part A
/// = zstd(UInt32 header length, JSON header, the members' match texts), part B = zstd(the layout texts). Part B
/// is only inflated when excluded chapters are configured. Both parts are zstd frames with a content checksum,
/// which inflating verifies: a damaged entry is never trusted (it is re-extracted), so the match text it holds,
/// written from valid UTF-8, is counted as bytes without being validated again. (`NQPTEXT2` entries had no
/// checksum; they are not read and are re-extracted once.)
public struct TextCache: Sendable {
    public static let folderName = "text"
    static let magic = Array("NQPTEXT3".utf8)
    static let suffix = ".nqpt"

    /// `<output>/.nqp/text`.
    public let folder: URL
    /// First 16 hex digits of the extraction settings' fingerprint.
    public let settings: String

    public init(outputDirectory: URL, extractionFingerprint: String) {
        folder = outputDirectory.appendingPathComponent(StateStore.directoryName)
            .appendingPathComponent(Self.folderName)
        settings = String(extractionFingerprint.prefix(16))
    }

    /// The fingerprint of everything that changes a report's extracted text, and nothing that only changes
    /// counting (dictionaries, mode, negation, exclusions, scope, KWIC, identity rules and the manifest).
    public static func extractionFingerprint(extractor: ReportExtractor, sections: SectionPatterns,
                                             maxInflatedBytes: Int) -> String {
        var options = extractor.options
        options.identity = IdentityRules()  // firm and year are decided at count time
        options.sectionPatterns = SectionPatterns()  // rendered as JSON below (stable key order)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let sectionsJSON = (try? encoder.encode(sections)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return ResultKeys(components: [
            "extractor": NQPVersion.extractor,
            "options": String(describing: options),
            "sections": sectionsJSON,
            "max_inflated": String(maxInflatedBytes),
        ]).fingerprint
    }

    /// The entry name prefix of the report with `contentSHA256` at `location`: `<sha>-<path hash>`.
    static func reportPrefix(contentSHA256: String, location: String) -> String {
        "\(contentSHA256)-\(SHA256.hex(Array(location.utf8)).prefix(16))"
    }

    func entryURL(contentSHA256: String, location: String) -> URL {
        folder.appendingPathComponent(String(contentSHA256.prefix(2)))
            .appendingPathComponent(Self.reportPrefix(contentSHA256: contentSHA256, location: location)
                                    + "-\(settings)\(Self.suffix)")
    }

    /// Whether an entry exists for this report under the current settings (`nqp status`).
    public func contains(contentSHA256: String, location: String) -> Bool {
        !contentSHA256.isEmpty
            && FileManager.default.fileExists(atPath: entryURL(contentSHA256: contentSHA256, location: location).path)
    }

    // MARK: - Reading and writing

    struct Header: Codable {
        var members: [Member]
    }

    struct Member: Codable {
        var suffix: String
        var sha256: String
        /// Set for a member that failed extraction; nothing else is then meaningful.
        var failure: String?
        var fileName = ""
        var format = ""
        var encoding = ""
        var encodingSource = ""
        var byteCount = 0
        var decodeErrors = 0
        var chars = 0
        var sections: [Section] = []
        var facts: [String: String] = [:]
        var warnings: [String] = []
        var pages: PageMap?
        var mdnaStart: Int?
        var mdnaEnd: Int?
        var matchBytes = 0
        var layoutBytes = 0
        /// Identity inputs, document kind, item/document scope texts and an MD&A outside the match text.
        var identityEvidence = IdentityEvidence()
        var document = DocumentClass.assumed
        var scopeTexts: [String: String] = [:]
        var mdnaText: String?
    }

    /// Writes `file` (every text must carry its layout text) atomically; a failure only loses the cache entry.
    public func store(_ file: ExtractedFile, contentSHA256: String, location: String) throws {
        var header = Header(members: [])
        var matchPart: [UInt8] = []
        var layoutPart: [UInt8] = []
        for member in file.members {
            switch member {
            case .failed(let suffix, let sha, let reason):
                header.members.append(Member(suffix: suffix, sha256: sha, failure: reason))
            case .text(let text):
                let layout = text.layoutText ?? ""
                header.members.append(Member(
                    suffix: text.memberSuffix, sha256: text.sha256, failure: nil, fileName: text.fileName,
                    format: text.format.rawValue, encoding: text.encoding, encodingSource: text.encodingSource,
                    byteCount: text.byteCount, decodeErrors: text.decodeErrors, chars: text.chars,
                    sections: text.sections, facts: text.facts, warnings: text.warnings, pages: text.pages,
                    mdnaStart: text.mdnaBytes?.lowerBound, mdnaEnd: text.mdnaBytes?.upperBound,
                    matchBytes: text.matchUTF8.count, layoutBytes: layout.utf8.count,
                    identityEvidence: text.identityEvidence, document: text.document, scopeTexts: text.scopeTexts,
                    mdnaText: text.mdnaText))
                matchPart.append(contentsOf: text.matchUTF8)
                layoutPart.append(contentsOf: layout.utf8)
            }
        }
        let headerBytes = Array(try JSONEncoder().encode(header))
        var partA: [UInt8] = []
        partA.reserveCapacity(4 + headerBytes.count + matchPart.count)
        Self.append(UInt32(headerBytes.count), to: &partA)
        partA += headerBytes
        partA += matchPart
        guard let packedA = Zstd.compress(partA), let packedB = Zstd.compress(layoutPart) else {
            throw CocoaError(.fileWriteUnknown)
        }
        var out = Self.magic
        for value in [partA.count, packedA.count, layoutPart.count, packedB.count] {
            Self.append(UInt64(value), to: &out)
        }
        out += packedA
        out += packedB
        let url = entryURL(contentSHA256: contentSHA256, location: location)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Written beside the entry and renamed: a killed run leaves no half entry under the real name.
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try Data(out).write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// The cached extraction of this report, or nil when there is none or it is damaged (the caller then
    /// re-extracts and overwrites it). `withLayout` also inflates the layout texts.
    public func load(contentSHA256: String, location: String, withLayout: Bool) -> ExtractedFile? {
        guard !contentSHA256.isEmpty,
              let data = FileManager.default.contents(atPath: entryURL(contentSHA256: contentSHA256,
                                                                       location: location).path)
        else { return nil }
        let bytes = [UInt8](data)
        guard bytes.count >= 40, Array(bytes[0..<8]) == Self.magic else { return nil }
        let sizes = (0..<4).map { Int(clamping: Self.readUInt64(bytes, at: 8 + 8 * $0)) }
        let startA = 40, startB = 40 + sizes[1]
        guard sizes[1] >= 0, sizes[3] >= 0, startB + sizes[3] == bytes.count,
              let partA = Zstd.decompress(bytes[startA..<startB], size: sizes[0]), partA.count >= 4
        else { return nil }
        var partB: [UInt8] = []
        if withLayout {
            guard let inflated = Zstd.decompress(bytes[startB..<(startB + sizes[3])], size: sizes[2]) else { return nil }
            partB = inflated
        }
        let headerLength = Int(UInt32(partA[0]) | UInt32(partA[1]) << 8 | UInt32(partA[2]) << 16 | UInt32(partA[3]) << 24)
        guard 4 + headerLength <= partA.count,
              let header = try? JSONDecoder().decode(Header.self, from: Data(partA[4..<(4 + headerLength)]))
        else { return nil }
        var file = ExtractedFile()
        var matchOffset = 4 + headerLength, layoutOffset = 0
        for member in header.members {
            if let reason = member.failure {
                file.members.append(.failed(memberSuffix: member.suffix, sha256: member.sha256, reason: reason))
                continue
            }
            guard matchOffset + member.matchBytes <= partA.count,
                  let format = ReportFormat(rawValue: member.format) else { return nil }
            let match = Array(partA[matchOffset..<(matchOffset + member.matchBytes)])
            matchOffset += member.matchBytes
            var layout: String?
            if withLayout {
                guard layoutOffset + member.layoutBytes <= partB.count else { return nil }
                layout = String(decoding: partB[layoutOffset..<(layoutOffset + member.layoutBytes)], as: UTF8.self)
                layoutOffset += member.layoutBytes
            }
            var mdna: Range<Int>?
            if let start = member.mdnaStart, let end = member.mdnaEnd {
                guard 0 <= start, start <= end, end <= member.matchBytes else { return nil }
                mdna = start..<end
            }
            var text = ExtractedText(
                memberSuffix: member.suffix, fileName: member.fileName, sha256: member.sha256, format: format,
                encoding: member.encoding, encodingSource: member.encodingSource, byteCount: member.byteCount,
                decodeErrors: member.decodeErrors, chars: member.chars, sections: member.sections,
                facts: member.facts, warnings: member.warnings, pages: member.pages, mdnaBytes: mdna,
                matchUTF8: match, layoutText: layout)
            text.identityEvidence = member.identityEvidence
            text.document = member.document
            text.scopeTexts = member.scopeTexts
            text.mdnaText = member.mdnaText
            file.members.append(.text(text))
        }
        return file
    }

    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    static func readUInt64(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(8 * index) }
        return value
    }

    // MARK: - Size and pruning

    /// Entries and bytes on disk.
    public struct Usage: Sendable, Equatable {
        public var entries = 0
        public var bytes: Int64 = 0
    }

    /// Every entry file: (URL, report prefix `<sha>-<path hash>`, settings, size).
    func entries() -> [(url: URL, report: String, settings: String, size: Int64)] {
        var found: [(URL, String, String, Int64)] = []
        let fileManager = FileManager.default
        for shard in ((try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() {
            let shardURL = folder.appendingPathComponent(shard)
            for name in ((try? fileManager.contentsOfDirectory(atPath: shardURL.path)) ?? []).sorted() {
                let url = shardURL.appendingPathComponent(name)
                let size = ((try? fileManager.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.int64Value ?? 0
                guard name.hasSuffix(Self.suffix), !name.hasPrefix(".") else {
                    found.append((url, "", "", size))  // a leftover temporary file: never kept
                    continue
                }
                let stem = name.dropLast(Self.suffix.count)
                guard let dash = stem.lastIndex(of: "-") else { found.append((url, "", "", size)); continue }
                found.append((url, String(stem[..<dash]), String(stem[stem.index(after: dash)...]), size))
            }
        }
        return found
    }

    public func usage() -> Usage {
        var usage = Usage()
        for entry in entries() where !entry.report.isEmpty {
            usage.entries += 1
            usage.bytes += entry.size
        }
        return usage
    }

    /// Drops every entry whose report (content at a path) is not among `current` (pairs of content hash and
    /// location), every leftover temporary file, and — with `otherSettings` — entries of current reports made
    /// under other extraction settings. Returns what was removed and what is kept.
    public func prune(current: [(contentSHA256: String, location: String)],
                      otherSettings: Bool) -> (removed: Usage, kept: Usage) {
        let keep = Set(current.map { Self.reportPrefix(contentSHA256: $0.contentSHA256, location: $0.location) })
        var removed = Usage(), kept = Usage()
        for entry in entries() {
            let stale = entry.report.isEmpty || !keep.contains(entry.report)
                || (otherSettings && entry.settings != settings)
            if stale {
                if (try? FileManager.default.removeItem(at: entry.url)) != nil, !entry.report.isEmpty {
                    removed.entries += 1
                    removed.bytes += entry.size
                }
            } else {
                kept.entries += 1
                kept.bytes += entry.size
            }
        }
        // Empty shard folders go too.
        for shard in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let url = folder.appendingPathComponent(shard)
            if (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.isEmpty == true {
                try? FileManager.default.removeItem(at: url)
            }
        }
        return (removed, kept)
    }
}
