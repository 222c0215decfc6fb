import Foundation
import NQPEncoding
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
    /// One finder per excluded chapter title (e.g. executive biographies); empty = none.
    public let excludedChapterFinders: [SectionFinder]
    /// `reports.max_inflated_mb` in bytes: a larger file, gzip stream or zip member is quarantined.
    public var maxInflatedBytes = ReportInputs.defaultMaxInflatedBytes

    public init(extractor: ReportExtractor, counters: [KeywordCounter], scope: Scope, kwicContext: Int?,
                hashesContent: Bool = true, excludedChapterFinders: [SectionFinder] = []) {
        self.extractor = extractor
        self.counters = counters
        self.scope = scope
        self.kwicContext = kwicContext
        self.hashesContent = hashesContent
        self.excludedChapterFinders = excludedChapterFinders
    }

    /// One finder per chapter title, in the Chinese heading styles (never a 10-K item), accepting short chapters:
    /// a biography chapter can be brief. One per title because a finder picks one chapter, and every named
    /// chapter is excluded (`[公司治理, 董事、监事、高级管理人员和员工情况]` excludes both).
    public static func chapterFinders(titles: [String], patterns: SectionPatterns) -> [SectionFinder] {
        titles.map { title in
            var chapterPatterns = patterns
            chapterPatterns.mdnaTitles = [title]
            chapterPatterns.usStartItems = []
            chapterPatterns.usEndItems = []
            return SectionFinder(patterns: chapterPatterns, minimumChineseChars: 1, minimumEnglishChars: Int.max)
        }
    }

    /// The excluded chapters' ranges in a report's match text (from its layout text), relative to the counted
    /// scope starting at `offset`, sorted and without overlaps.
    func excludedRanges(layoutText: String, scopeOffset offset: Int, scopeChars: Int) -> [Range<Int>] {
        guard !excludedChapterFinders.isEmpty else { return [] }
        let normalized = MatchText.normalizeWithMap(layoutText)
        var ranges: [Range<Int>] = []
        for finder in excludedChapterFinders {
            guard let chapter = finder.findMDNA(layout: layoutText, normalized: normalized).section else { continue }
            let start = max(0, chapter.start - offset), end = min(scopeChars, chapter.end - offset)
            if start < end { ranges.append(start..<end) }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for range in ranges {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    /// Processes the file at `url`; `displayPath` is how outputs name it; `knownSHA256` is the file's hash when
    /// the caller has it already (the state store hashed it while planning), so it is not computed twice. Never
    /// throws: a bad file becomes a `ReportFailure` and the batch goes on.
    public func process(fileAt url: URL, displayPath: String, knownSHA256: String? = nil) -> FileOutcome {
        process(fileAt: url, displayPath: displayPath, knownSHA256: knownSHA256, cache: nil).outcome
    }

    /// Like ``process(fileAt:displayPath:knownSHA256:)``, through the text cache: with `cache` and a known
    /// content hash, a cached text is counted without reading the file (`readsCache` false skips that, for
    /// `--force`), and a fresh extraction is stored. `fromCache` tells which happened.
    public func process(fileAt url: URL, displayPath: String, knownSHA256: String?, cache: TextCache?,
                        readsCache: Bool = true) -> (outcome: FileOutcome, fromCache: Bool, cacheError: String?) {
        let cacheable = knownSHA256.map { !$0.isEmpty } ?? false
        if let cache, cacheable, readsCache, let knownSHA256,
           let cached = cache.load(contentSHA256: knownSHA256, location: url.path,
                                   withLayout: !excludedChapterFinders.isEmpty) {
            return (count(cached, fileAt: url, displayPath: displayPath), true, nil)
        }
        switch extractFile(at: url, knownSHA256: knownSHA256) {
        case .success(let file):
            var cacheError: String?
            if let cache, cacheable, let knownSHA256 {
                do {
                    try cache.store(file, contentSHA256: knownSHA256, location: url.path)
                } catch {
                    cacheError = Diagnostic.text(of: error)
                }
            }
            return (count(file, fileAt: url, displayPath: displayPath), false, cacheError)
        case .failure(let error):
            let sha = knownSHA256 ?? (hashesContent ? (try? Data(contentsOf: url)).map { SHA256.hex(Array($0)) } : nil) ?? ""
            return (FileOutcome(failures: [ReportFailure(file: displayPath, sha256: sha, stage: .read,
                                                         reason: "\(error)")]), false, nil)
        }
    }

    /// The extract stage of the file at `url`: each input's text or extract failure. Throws only when the file
    /// cannot be read (stage "read").
    public func extractFile(at url: URL, knownSHA256: String? = nil) -> Result<ExtractedFile, ExtractError> {
        let inputs: [ReportInput]
        do {
            inputs = try ReportInputs.load(fileAt: url, maxBytes: maxInflatedBytes)
        } catch {
            return .failure(error)
        }
        var file = ExtractedFile()
        for input in inputs {
            // Zip members are named "archive.zip/member"; keep that under the display path's folder.
            let isWholeFile = inputs.count == 1 && input.path == url.path
            let suffix = isWholeFile ? "" : String(input.path.dropFirst(url.path.count))
            // The hash names the file as stored (a .gz file's compressed bytes); an archive member, its own bytes.
            let known = isWholeFile ? knownSHA256 : nil
            let sha = known ?? (hashesContent ? SHA256.hex(input.bytes) : "")
            do {
                let report = try extractor.extract(input)
                file.members.append(.text(ExtractedText(report, memberSuffix: suffix, sha256: sha)))
            } catch {
                file.members.append(.failed(memberSuffix: suffix, sha256: sha, reason: "\(error)"))
            }
        }
        return .success(file)
    }

    /// The count stage of an extracted file (fresh or from the text cache) found at `url`.
    public func count(_ file: ExtractedFile, fileAt url: URL, displayPath: String) -> FileOutcome {
        var outcome = FileOutcome()
        for member in file.members {
            switch member {
            case .text(let text):
                outcome.results.append(count(text, path: url.path + text.memberSuffix,
                                             displayPath: displayPath + text.memberSuffix))
            case .failed(let suffix, let sha, let reason):
                outcome.failures.append(ReportFailure(file: displayPath + suffix, sha256: sha, stage: .extract,
                                                      reason: reason))
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
            return .failure(ReportFailure(file: displayPath, sha256: sha, stage: .extract, reason: "\(error)"))
        }
        return .success(count(ExtractedText(report, memberSuffix: "", sha256: sha), path: input.path,
                              displayPath: displayPath))
    }

    /// Counts one report's text: firm and year from its path, name, facts and identity evidence (SEC header,
    /// cover period, opening text) under the identity rules, then
    /// every dictionary over the configured scope.
    func count(_ text: ExtractedText, path: String, displayPath: String) -> ReportResult {
        let identity = text.identityEvidence.identify(rules: extractor.options.identity, path: path,
                                                      fileName: text.fileName, facts: text.facts)
        var warnings = text.warnings
        var counts: [KeywordCounts] = []
        var scopeChars: Int?
        if let scoped = text.utf8(in: scope) {
            let offset = scope == .full ? 0 : (text.sections.first { $0.name == scope.rawValue }?.start ?? 0)
            let excluded = excludedChapterFinders.isEmpty ? []
                : excludedRanges(layoutText: text.layoutText ?? "", scopeOffset: offset,
                                 scopeChars: MatchText.scalarCount(of: String(decoding: scoped, as: UTF8.self)))
            for counter in counters {
                var tally = counter.count(utf8: scoped, excluding: excluded, collectHits: kwicContext)
                // KWIC offsets point into the whole report's match text, whatever the scope.
                if offset != 0 {
                    for index in tally.hits.indices {
                        tally.hits[index].start += offset
                        tally.hits[index].end += offset
                    }
                }
                counts.append(tally)
            }
            scopeChars = counts.first?.chars ?? String(decoding: scoped, as: UTF8.self).unicodeScalars.count
        } else {
            warnings.append("scope '\(scope.rawValue)' not found: this report's text measures are missing, not zero")
        }
        var result = ReportResult(
            file: displayPath, sha256: text.sha256, firm: identity.firm, year: identity.year,
            identityRoute: identity.route, format: text.format,
            encoding: text.encoding, encodingSource: text.encodingSource,
            bytes: text.byteCount, chars: text.chars,
            decodeErrors: text.decodeErrors, sections: text.sections, scopeChars: scopeChars,
            counts: counts, warnings: warnings, formType: identity.formType, company: identity.company,
            filed: identity.filed)
        result.pages = text.pages
        result.document = text.document
        return result
    }
}
