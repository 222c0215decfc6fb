import Foundation
import NQPExtract
import NQPLexicon

/// What one input file produced: a plain report gives one result, a zip archive one per member.
public struct FileOutcome: Codable, Sendable, Equatable {
    public var results: [ReportResult]
    public var failures: [ReportFailure]

    public init(results: [ReportResult] = [], failures: [ReportFailure] = []) {
        self.results = results
        self.failures = failures
    }
}

/// The extract and count stages for one file: bytes → text with sections → firm and year → keyword counts.
/// Immutable and `Sendable`: one processor (with its compiled automata) is shared by every worker.
public struct ReportProcessor: Sendable {
    public let extractor: ReportExtractor
    public let counters: [KeywordCounter]
    public let scope: Scope
    /// Characters of KWIC context to collect; nil = none.
    public let kwicContext: Int?
    /// Record each report's SHA-256 (`nqp run` keeps it for `errors.csv` and the manifest; `nqp count` needs none).
    public let hashesContent: Bool
    /// Finds chapters whose hits are excluded (e.g. executive biographies); nil = none.
    public let excludedChapterFinder: SectionFinder?
    /// `reports.max_inflated_mb` in bytes: a larger file, gzip stream or zip member is quarantined.
    public var maxInflatedBytes = ReportInputs.defaultMaxInflatedBytes

    public init(extractor: ReportExtractor, counters: [KeywordCounter], scope: Scope, kwicContext: Int?,
                hashesContent: Bool = true, excludedChapterFinder: SectionFinder? = nil) {
        self.extractor = extractor
        self.counters = counters
        self.scope = scope
        self.kwicContext = kwicContext
        self.hashesContent = hashesContent
        self.excludedChapterFinder = excludedChapterFinder
    }

    /// A finder for chapters named `titles` in the Chinese heading styles (never a 10-K item), accepting short
    /// chapters: a biography chapter can be brief.
    public static func chapterFinder(titles: [String], patterns: SectionPatterns) -> SectionFinder? {
        guard !titles.isEmpty else { return nil }
        var chapterPatterns = patterns
        chapterPatterns.mdnaTitles = titles
        chapterPatterns.usStartItems = []
        chapterPatterns.usEndItems = []
        return SectionFinder(patterns: chapterPatterns, minimumChineseChars: 1, minimumEnglishChars: Int.max)
    }

    /// The excluded chapter's range in `report`'s match text, relative to the counted scope starting at `offset`.
    func excludedRanges(in report: ExtractedReport, scopeOffset offset: Int, scopeChars: Int) -> [Range<Int>] {
        guard let finder = excludedChapterFinder,
              let chapter = finder.findMDNA(layout: report.layoutText,
                                            normalized: MatchText.normalizeWithMap(report.layoutText)).section
        else { return [] }
        let start = max(0, chapter.start - offset), end = min(scopeChars, chapter.end - offset)
        return start < end ? [start..<end] : []
    }

    /// Processes the file at `url`; `displayPath` is how outputs name it; `knownSHA256` is the file's hash when
    /// the caller has it already (the state store hashed it while planning), so it is not computed twice. Never
    /// throws: a bad file becomes a `ReportFailure` and the batch goes on.
    public func process(fileAt url: URL, displayPath: String, knownSHA256: String? = nil) -> FileOutcome {
        let inputs: [ReportInput]
        do {
            inputs = try ReportInputs.load(fileAt: url, maxBytes: maxInflatedBytes)
        } catch {
            let sha = knownSHA256 ?? (hashesContent ? (try? Data(contentsOf: url)).map { SHA256.hex(Array($0)) } : nil) ?? ""
            return FileOutcome(failures: [ReportFailure(file: displayPath, sha256: sha, stage: "read",
                                                        reason: "\(error)")])
        }
        var outcome = FileOutcome()
        for input in inputs {
            // Zip members are named "archive.zip/member"; keep that under the display path's folder.
            let isWholeFile = inputs.count == 1 && input.path == url.path
            let name = isWholeFile ? displayPath : displayPath + String(input.path.dropFirst(url.path.count))
            // The hash names the file as stored (a .gz file's compressed bytes); an archive member, its own bytes.
            switch process(input, displayPath: name, knownSHA256: isWholeFile ? knownSHA256 : nil) {
            case .success(let result): outcome.results.append(result)
            case .failure(let failure): outcome.failures.append(failure)
            }
        }
        return outcome
    }

    /// Processes one report already in memory.
    public func process(_ input: ReportInput, displayPath: String,
                        knownSHA256: String? = nil) -> Result<ReportResult, ReportFailure> {
        let sha = knownSHA256 ?? (hashesContent ? SHA256.hex(input.bytes) : "")
        let report: ExtractedReport
        do {
            report = try extractor.extract(input)
        } catch {
            return .failure(ReportFailure(file: displayPath, sha256: sha, stage: "extract", reason: "\(error)"))
        }
        var warnings = report.warnings
        var counts: [KeywordCounts] = []
        var scopeChars: Int?
        if let text = report.text(in: scope) {
            let offset = scope == .full ? 0 : (report.sections.first { $0.name == scope.rawValue }?.start ?? 0)
            let excluded = excludedChapterFinder == nil ? []
                : excludedRanges(in: report, scopeOffset: offset, scopeChars: MatchText.scalarCount(of: text))
            for counter in counters {
                var tally = counter.count(in: text, excluding: excluded, collectHits: kwicContext)
                // KWIC offsets point into the whole report's match text, whatever the scope.
                if offset != 0 {
                    for index in tally.hits.indices {
                        tally.hits[index].start += offset
                        tally.hits[index].end += offset
                    }
                }
                counts.append(tally)
            }
            scopeChars = counts.first?.chars ?? text.unicodeScalars.count
        } else {
            warnings.append("scope '\(scope.rawValue)' not found: this report's text measures are missing, not zero")
        }
        return .success(ReportResult(
            file: displayPath, sha256: sha, firm: report.identity.firm, year: report.identity.year,
            identityRoute: report.identity.route, format: report.format.rawValue,
            encoding: report.encoding.encoding.name, encodingSource: report.encoding.description,
            bytes: report.byteCount, chars: report.chars,
            decodeErrors: report.decodeErrors, sections: report.sections, scopeChars: scopeChars,
            counts: counts, warnings: warnings))
    }
}
