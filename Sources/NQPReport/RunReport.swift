import Foundation

/// The run report, `report.html` in the output folder (README, "The run report"): the one entry point of this
/// module. `nqp run` calls it on the files it has just written, `nqp report` on an existing output folder.
public enum RunReport {
    public static let fileName = "report.html"
    /// The page of a run that stopped before publishing; beside the outputs, never part of a generation.
    public static let incompleteFileName = "report-incomplete.html"

    /// The page's bytes, from the files in `folder` (only those named in `files` when given). Never throws: a
    /// file that cannot be read is named on the page and its section left out. `counts` is the aggregate of the
    /// `counts.csv` rows made while writing that file, which then is not read again.
    public static func html(folder: URL, files: Set<String>? = nil, incomplete: IncompleteRun? = nil,
                            counts: CountsAggregate? = nil) -> [UInt8] {
        let data = ReportReader(folder: folder, files: files, countsAggregate: counts).read(incomplete: incomplete)
        return Array(ReportPage.render(data).utf8)
    }
}
