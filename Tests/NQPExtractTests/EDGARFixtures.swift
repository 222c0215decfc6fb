/// Generated EDGAR submissions and 10-K texts for the EDGAR and 10-K item tests (our own text, no SEC file copied).
enum EDGARFixtures {
    static func prose(_ topic: String, paragraphs: Int) -> String {
        (1...paragraphs).map {
            "Our \(topic) discussion in paragraph \($0) explains revenue, costs and liquidity for the year in detail."
        }.joined(separator: "\n")
    }

    /// A SEC header block.
    static func secHeader(form: String = "10-K", period: String = "19971231", filed: String = "19980320",
                          name: String = "EXAMPLE WIDGETS INC", cik: String = "0000012345", fye: String = "1231",
                          documents: Int = 3) -> String {
        """
        <SEC-HEADER>0000012345-98-000007.hdr.sgml : 19980320
        ACCESSION NUMBER:\t\t0000012345-98-000007
        CONFORMED SUBMISSION TYPE:\t\(form)
        PUBLIC DOCUMENT COUNT:\t\t\(documents)
        CONFORMED PERIOD OF REPORT:\t\(period)
        FILED AS OF DATE:\t\t\(filed)

        FILER:

        \tCOMPANY DATA:\t
        \t\tCOMPANY CONFORMED NAME:\t\t\t\(name)
        \t\tCENTRAL INDEX KEY:\t\t\t\(cik)
        \t\tFISCAL YEAR END:\t\t\t\(fye)
        </SEC-HEADER>
        """
    }

    /// A plain-text 10-K body with a contents page, Items 1–14 (1990s numbering), Item 7 incorporated by
    /// reference to the annual report, and an 8-K item quoted inside Item 14.
    static func tenKText(item7: String = """
        Item 7.  Management's Discussion and Analysis of Financial Condition and
                 Results of Operations

              Reported on pages 12-20 of the Annual Report to Share Owners for the
        fiscal year ended December 31, 1997, which is incorporated herein by reference.
        """) -> String {
        """
        <PAGE>
                                    FORM 10-K
        For the fiscal year ended December 31, 1997

                                TABLE OF CONTENTS
        Item 1.  Business                                                   2
        Item 7.  Management's Discussion and Analysis                      9
        Item 8.  Financial Statements and Supplementary Data               9

                                     PART I

        Item 1.  Business

        \(prose("business", paragraphs: 12))
        As discussed in
        Item 7. Management's Discussion and Analysis, our markets grew.

        Item 2.  Properties

        We own three plants.

        Item 3.  Legal Proceedings

        None.

        Item 4.  Submission of Matters to a Vote of Security Holders

        None.
                                     PART II

        Item 5.  Market for the Registrant's Common Equity and Related Stockholder
                 Matters

        Our shares trade on the New York Stock Exchange.

        Item 6.  Selected Financial Data

        Appearing on page 21 of the Annual Report to Share Owners, incorporated herein by reference.

        \(item7)

        Item 8.  Financial Statements and Supplementary Data

        See index under Item 14.

        Item 9.  Changes in and Disagreements with Accountants on Accounting and
                 Financial Disclosure

        Not applicable.
                                    PART III

        Item 10. Directors and Executive Officers of Registrant

        \(prose("directors", paragraphs: 4))

        Item 11. Executive Compensation

        Incorporated by reference to "Executive Compensation" in the Proxy Statement.

        Item 12. Security Ownership of Certain Beneficial Owners and Management

        Incorporated by reference to "Stock Ownership" in the Proxy Statement.

        Item 13. Certain Relationships and Related Transactions

        Incorporated by reference to "Certain Transactions" in the Proxy Statement.
                                     PART IV

        Item 14. Exhibits, Financial Statement Schedules and Reports on Form 8-K

        (b) Reports on Form 8-K. A report dated November 3, 1997 was filed under:
        Item 7. Financial Statements and Exhibits -- Exhibit 99, press release
        \(prose("exhibit", paragraphs: 30))

                                   SIGNATURES

        Pursuant to the requirements of Section 13 of the Securities Exchange Act of 1934 …
        """
    }

    /// The annual report exhibit: letter, MD&A, auditors' report, statements.
    static let annualReport = """
        To Our Share Owners
        \(prose("letter", paragraphs: 4))

        MANAGEMENT'S DISCUSSION AND ANALYSIS
        \(prose("operations", paragraphs: 25))

        REPORT OF INDEPENDENT ACCOUNTANTS
        In our opinion, the financial statements present fairly the position of the company.

        CONSOLIDATED STATEMENT OF EARNINGS
        Revenues 1,234 1,100
        """

    /// A uuencoded graphic as EDGAR embeds it.
    static let uuencodedGraphic = """
        begin 644 logo.gif
        M1TE&.#EA$``0`/<``````(```(```("`@(````("`@(#`P,#`P,#`P,#`P,#`P
        M,#`P,#`P,#`P,#`P,#`P,#`P,#`P,#`P,#`P,#`P,#`P,#`P,#`P,#`P,#`P
        `
        end
        """

    /// A full submission: header, the 10-K, the annual report (EX-13), a uuencoded graphic.
    static func fullSubmission(form: String = "10-K", period: String = "19971231", fye: String = "1231",
                               withAnnualReport: Bool = true) -> String {
        var text = """
        <SEC-DOCUMENT>0000012345-98-000007.txt : 19980320
        \(secHeader(form: form, period: period, fye: fye))
        <DOCUMENT>
        <TYPE>\(form)
        <SEQUENCE>1
        <DESCRIPTION>ANNUAL REPORT
        <TEXT>
        \(tenKText())
        </TEXT>
        </DOCUMENT>

        """
        if withAnnualReport {
            text += """
            <DOCUMENT>
            <TYPE>EX-13
            <SEQUENCE>2
            <DESCRIPTION>ANNUAL REPORT TO SHARE OWNERS
            <TEXT>
            \(annualReport)
            </TEXT>
            </DOCUMENT>

            """
        }
        text += """
        <DOCUMENT>
        <TYPE>GRAPHIC
        <SEQUENCE>3
        <FILENAME>logo.gif
        <TEXT>
        \(uuencodedGraphic)
        </TEXT>
        </DOCUMENT>
        </SEC-DOCUMENT>

        """
        return text
    }
}
