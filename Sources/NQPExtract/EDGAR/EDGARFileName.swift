import Foundation

/// File names given by common EDGAR downloaders (README "Firm and year"):
/// - `<CIK>_<form>_<year>_<accession>.htm` (edgar-crawler and similar): the CIK is the firm; the year there is
///   the year of the EDGAR index the filing was listed in (its filing year), not the fiscal year, so it is not
///   used — the fiscal year comes from the header or the cover page;
/// - `<TICKER>_<form>_…` (e.g. `MSFT_10-K_FY2013_….htm`): the ticker, as written, is the firm;
/// - `<accession>.txt` and `full-submission.txt` (EDGAR's own and sec-edgar-downloader's names) carry the SEC
///   header inside, which identifies them.
enum EDGARFileName {
    private static let cikStyle = try! NSRegularExpression(
        pattern: "^([0-9]{1,10})_(10-?K[A-Z0-9]*(?:[/_-]A)?)_((?:19|20)[0-9]{2})_([0-9]{10}-[0-9]{2}-[0-9]{6})",
        options: [.caseInsensitive])
    private static let tickerStyle = try! NSRegularExpression(
        pattern: "^([A-Za-z][A-Za-z0-9.]{0,9})_(10-?K[A-Za-z0-9]*)(?:_|-|\\.)", options: [])

    /// The firm the file name gives, with the form type it names.
    static func firm(in fileName: String) -> (firm: String, form: String)? {
        let range = NSRange(fileName.startIndex..., in: fileName)
        if let m = cikStyle.firstMatch(in: fileName, range: range),
           let cik = Range(m.range(at: 1), in: fileName), let form = Range(m.range(at: 2), in: fileName) {
            let digits = String(fileName[cik])
            return (String(repeating: "0", count: 10 - digits.count) + digits, String(fileName[form]).uppercased())
        }
        if let m = tickerStyle.firstMatch(in: fileName, range: range),
           let ticker = Range(m.range(at: 1), in: fileName), let form = Range(m.range(at: 2), in: fileName) {
            return (String(fileName[ticker]).uppercased(), String(fileName[form]).uppercased())
        }
        return nil
    }
}
