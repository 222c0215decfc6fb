import Foundation
import Testing
@testable import NQPExtract

@Suite struct InputArchiveTests {
    @Test func gzipFileIsInflatedAndLosesItsGzSuffix() throws {
        let inputs = try ReportInputs.load(fileAt: DecodeFixtures.url("000001_2019_report.html.gz"))
        #expect(inputs.count == 1)
        #expect(inputs[0].fileName == "000001_2019_report.html")
        #expect(String(decoding: inputs[0].bytes, as: UTF8.self).contains("压缩的报告"))
        let doc = try DocumentDecoder().decode(inputs[0])
        #expect(doc.layoutText == "压缩的报告：数字化转型。")
    }

    @Test func gzipIsDetectedByMagicBytesNotName() throws {
        let inputs = try ReportInputs.load(fileAt: DecodeFixtures.url("000002_2019_report_gzipped.html"))
        #expect(try DocumentDecoder().decode(inputs[0]).layoutText == "压缩的报告：数字化转型。")
    }

    @Test func truncatedGzipIsAnErrorNamingFileAndOffset() throws {
        let url = DecodeFixtures.url("corrupt.html.gz")
        do {
            _ = try ReportInputs.load(fileAt: url)
            Issue.record("expected an error")
        } catch {
            guard case let .corruptGzip(path, offset, reason) = error else {
                Issue.record("wrong error \(error)"); return
            }
            #expect(path == url.path)
            #expect(offset == 58)
            #expect(reason.contains("truncated"))
            #expect(error.description.contains("corrupt.html.gz"))
        }
    }

    @Test func damagedGzipIsAnError() throws {
        let url = DecodeFixtures.url("damaged.html.gz")
        let error = #expect(throws: ExtractError.self) { try ReportInputs.load(fileAt: url) }
        guard case let .corruptGzip(path, _, _) = error else {
            Issue.record("expected corruptGzip, got \(String(describing: error))")
            return
        }
        #expect(path == url.path)
        let message = error?.description ?? ""
        #expect(message.range(of: #"^[^:]+damaged\.html\.gz: corrupt gzip data at byte \d+ \("#,
                              options: .regularExpression) != nil, "\(message)")
        #expect(message.hasSuffix("; re-download the file or check it with `gzip -t`"), "\(message)")
    }

    @Test func goodFilesNextToACorruptOneStillLoad() throws {
        var loaded: [String] = []
        var failed: [String] = []
        for name in ["000001_2019_report.html.gz", "corrupt.html.gz", "archive.zip", "utf8_bom.html"] {
            do {
                loaded += try ReportInputs.load(fileAt: DecodeFixtures.url(name)).map(\.fileName)
            } catch {
                failed.append(name)
            }
        }
        #expect(failed == ["corrupt.html.gz"])
        #expect(loaded.count == 5)
    }

    @Test func zipGivesOneInputPerMemberSkippingDirectoriesAndResourceForks() throws {
        let url = DecodeFixtures.url("archive.zip")
        let inputs = try ReportInputs.load(fileAt: url)
        #expect(inputs.map(\.path) == [url.path + "/reports/000001_2020_a.html", url.path + "/reports/000002_2020_b.txt",
                                       url.path + "/reports/000003_2020_c.html.gz"])
        #expect(inputs.map(\.fileName) == ["000001_2020_a.html", "000002_2020_b.txt", "000003_2020_c.html"])
        let texts = try inputs.map { try DocumentDecoder().decode($0).layoutText }
        #expect(texts == ["第一份报告", "第二份报告\n", "第三份"])
    }

    @Test func corruptZipIsAnError() throws {
        let error = #expect(throws: ExtractError.self) { try ReportInputs.load(fileAt: DecodeFixtures.url("not_a_zip.zip")) }
        let message = error?.description ?? ""
        #expect(message.hasPrefix(DecodeFixtures.url("not_a_zip.zip").path + ":"), "\(message)")
        #expect(message.contains("corrupt zip archive (") && message.hasSuffix("re-download it or check it with `unzip -t`"),
                "\(message)")
    }

    @Test func missingFileIsUnreadable() throws {
        let url = DecodeFixtures.url("does_not_exist.html")
        do {
            _ = try ReportInputs.load(fileAt: url)
            Issue.record("expected an error")
        } catch {
            guard case .unreadableFile(let path, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(path == url.path)
        }
    }
}
